import type { ModelViews } from '../types';
import { ClocksActions } from './Actions';
import { ClocksMain } from './ClocksMain';
import { ClocksSide } from './Side';
import css from './clocks.css?inline';
import { INITIAL_UI, type ClocksUi, type ClocksView } from './types';

export const clocksViews: ModelViews<ClocksView, ClocksUi> = {
  Main: ClocksMain,
  Side: ClocksSide,
  Actions: ClocksActions,
  ui: INITIAL_UI,
  css,
};
