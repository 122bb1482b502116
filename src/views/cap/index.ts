import type { ModelViews } from '../types';
import { CapActions } from './Actions';
import { CapMain } from './CapMain';
import { CapSide } from './Side';
import css from './cap.css?inline';

export const capViews: ModelViews = {
  Main: CapMain,
  Side: CapSide,
  Actions: CapActions,
  css,
};
