/**
 * The drawing code of each model, loaded on demand so a page only downloads what it shows. The
 * models are those of the model list (src/sim/modelList.ts, through `virtual:catalog`); each has a
 * folder here whose `index.ts` exports `<id>Views`.
 */
import { MODEL_IDS } from 'virtual:catalog';
import type { AnyModelViews } from './types';

const FOLDERS = import.meta.glob<Record<string, AnyModelViews | undefined>>('./*/index.ts');

async function load(id: string): Promise<AnyModelViews> {
  const views = (await FOLDERS[`./${id}/index.ts`]?.())?.[`${id}Views`];
  if (!views) throw new Error(`src/views/${id}/index.ts must export ${id}Views`);
  return views;
}

// No prototype: `VIEWS['constructor']` is undefined, like any other unknown model.
export const VIEWS: Record<string, () => Promise<AnyModelViews>> = Object.assign(
  Object.create(null) as Record<string, () => Promise<AnyModelViews>>,
  Object.fromEntries(MODEL_IDS.map((id) => [id, () => load(id)])),
);
