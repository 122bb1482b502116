import type { ModelViews, NoUi } from '../types';
import type { HashringHeavy, HashringView } from './types';
import { HashringActions } from './Actions';
import { RingView } from './RingView';
import { HashringSide } from './Side';
import css from './hashring.css?inline';

export const hashringViews: ModelViews<HashringView, NoUi, HashringHeavy> = {
  Main: RingView,
  Side: HashringSide,
  Actions: HashringActions,
  css,
};
