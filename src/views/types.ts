/**
 * The view contract: what every model view receives (its model's typed view of the frame, the
 * catalog's description of the model, a per-widget UI store) and what a model's views export.
 */
import type { ComponentType } from 'react';
import type { StoreApi } from 'zustand';
import type { Frame } from '../sim/core/frame';
import type { ModelInfo } from '../sim/core/info';
import type { ScenarioInput } from '../sim/core/types';
import type { FrameSnapshot } from '../ui/frameStore';

export type LearnerInput = Omit<ScenarioInput, 'at'>;

/** UI state of a view that shares none between its parts. */
export type NoUi = Record<string, never>;

/**
 * Props of a model's Main, Side and Actions. `V` is what the model's `view()` returns, `U` the
 * view's own UI state (see `ModelViews.ui`), `H` the large fields the model sends by key.
 */
export interface ViewProps<V = unknown, U = NoUi, H = Record<string, unknown>> {
  /** The frame everything in the widget draws (Main, Side and Actions see the same one). */
  frame: Frame;
  /** The model's view of the frame, typed. */
  view: V;
  /** The large fields received so far (typed arrays, long histories), by key. */
  heavy: Partial<H>;
  /** The frame with the event log and metric series the widget keeps. */
  snapshot: FrameSnapshot;
  /** The model's description from the catalog: param and action-argument limits, labels. */
  info: ModelInfo;
  /** This widget's UI store, made from `ModelViews.ui`: Main, Side and Actions share it. */
  ui: StoreApi<U>;
  /** Interpolated virtual time for animation between frames. */
  virtualNow(): number;
  /** Applies a learner action as a timed input at the current time. */
  send(input: LearnerInput): void;
  reducedMotion: boolean;
  /** Node ids a guided step points at (drawn marked); absent when none. */
  highlight?: readonly number[];
  /** Pixel size available for the main drawing. */
  width: number;
  height: number;
}

export interface ModelViews<V, U = NoUi, H = Record<string, unknown>> {
  /** The main drawing. */
  Main: ComponentType<ViewProps<V, U, H>>;
  /** Model-specific panels beside the drawing (charts, tables). */
  Side?: ComponentType<ViewProps<V, U, H>>;
  /** The model's toolbar; defaults to one ActionForm per action (src/ui/ActionForm.tsx). */
  Actions?: ComponentType<ViewProps<V, U, H>>;
  /**
   * The initial UI state the parts share (a partition being drawn, the client manual reads
   * use): plain data. Each widget makes its own zustand store from it.
   */
  ui?: U;
  /**
   * The view's CSS as a string (import it with `?inline`). The widget renders it inside its own
   * root, so it also reaches widgets inside an embed's shadow DOM.
   */
  css?: string;
}

/**
 * A model's views with their types erased, as the registry holds them side by side: the widget
 * passes each the frame its own model made, so `view` always has the type its views declare.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyModelViews = ModelViews<any, any, any>;
