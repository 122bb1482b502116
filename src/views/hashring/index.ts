import type { ModelViews } from '../types';
import { HashringActions } from './Actions';
import { RingView } from './RingView';
import { HashringSide } from './Side';

export const hashringViews: ModelViews = {
  Main: RingView,
  Side: HashringSide,
  Actions: HashringActions,
};
