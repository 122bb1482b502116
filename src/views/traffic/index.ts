import type { ModelViews } from '../types';
import { TrafficActions } from './Actions';
import { TrafficSide } from './Side';
import { TrafficMain } from './TrafficMain';
import css from './traffic.css?inline';
import type { TrafficUi, TrafficView } from './types';

export const trafficViews: ModelViews<TrafficView, TrafficUi> = {
  Main: TrafficMain,
  Side: TrafficSide,
  Actions: TrafficActions,
  ui: { target: 0 },
  css,
};
