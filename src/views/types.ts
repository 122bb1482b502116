/** What every model view receives: the latest frame and a way to act on the simulation. */
import type { ComponentType } from 'react';
import type { ScenarioInput } from '../sim/core/types';
import type { FrameSnapshot } from '../ui/frameStore';

export type LearnerInput = Omit<ScenarioInput, 'at'>;

export interface ViewProps {
  snapshot: FrameSnapshot;
  /** Interpolated virtual time for animation between frames. */
  virtualNow(): number;
  /** Applies a learner action as a timed input at the current time. */
  send(input: LearnerInput): void;
  reducedMotion: boolean;
  /** Pixel size available for the main drawing. */
  width: number;
  height: number;
}

export interface ModelViews {
  /** The main drawing. */
  Main: ComponentType<ViewProps>;
  /** Model-specific panels beside the drawing (charts, tables). */
  Side?: ComponentType<ViewProps>;
  /** Model-specific action controls; defaults to buttons generated from the actions' schemas. */
  Actions?: ComponentType<ViewProps>;
  /**
   * The view's CSS as a string (import it with `?inline`). The widget renders it inside its own
   * root, so it also reaches widgets inside an embed's shadow DOM.
   */
  css?: string;
}
