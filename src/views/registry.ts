/** The drawing code of each model, loaded on demand so a page only downloads what it shows. */
import type { AnyModelViews } from './types';

export const VIEWS: Record<string, () => Promise<AnyModelViews>> = {
  hashring: () => import('./hashring').then((m) => m.hashringViews),
  cap: () => import('./cap').then((m) => m.capViews),
  raft: () => import('./raft').then((m) => m.raftViews),
  stampede: () => import('./stampede').then((m) => m.stampedeViews),
};
