import type { ModelViews } from '../types';
import type { StampedeView } from './types';
import { StampedeActions } from './Actions';
import { PipelineView } from './PipelineView';
import { StampedeSide } from './Side';
import css from './stampede.css?inline';

export const stampedeViews: ModelViews<StampedeView> = {
  Main: PipelineView,
  Side: StampedeSide,
  Actions: StampedeActions,
  css,
};
