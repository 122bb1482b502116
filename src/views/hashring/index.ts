import type { ModelViews } from '../types';
import { HashringActions } from './Actions';
import { RingView } from './RingView';
import { HashringSide } from './Side';
import css from './hashring.css?inline';

export const hashringViews: ModelViews = {
  Main: RingView,
  Side: HashringSide,
  Actions: HashringActions,
  css,
};
