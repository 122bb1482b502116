import type { ModelViews } from '../types';
import type { HashringHeavy, HashringUi, HashringView } from './types';
import { HashringActions } from './Actions';
import { RingView } from './RingView';
import { HashringSide } from './Side';
import css from './hashring.css?inline';

export const hashringViews: ModelViews<HashringView, HashringUi, HashringHeavy> = {
  Main: RingView,
  ui: { findKey: null },
  Side: HashringSide,
  Actions: HashringActions,
  css,
};
