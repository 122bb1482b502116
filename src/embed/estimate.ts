/** Sizes reserved before a widget has drawn, so a docs page does not jump as it loads. */
import type { ModelInfo } from '../sim/core/info';
import type { EmbedOptions } from './options';

/** Below this width (embed.css's container query) the side panel and the panels stack. */
export const NARROW_MAX_PX = 720;

// Measured in Chromium (issue 13 bug 6): a widget's padding and the gap between its rows; rows
// one line high (actions, playback) and wrapped in a column (624 px); the event log before its
// first event and once it scrolls; a param row.
const PADDING_PX = 27;
const GAP_PX = 10;
const ROW_PX = 33;
const WRAPPED_ROW_PX = 72;
const LOG_EMPTY_PX = 59;
const LOG_FULL_PX = 260;
const PARAMS_BASE_PX = 70;
const PARAM_ROW_PX = 34;
const ADVANCED_TOGGLE_PX = 30;
const STACK_GAP_PX = 12;

/**
 * Rough height of a whole widget in px, `widthPx` wide (0: unknown, taken as wide). With the
 * model's description it counts params; without, it assumes a mid-sized model. A guess either
 * way: the iframe snippet on the Embed page uses the preview's measured height instead.
 */
export function estimatedHeight(o: EmbedOptions, info?: ModelInfo, widthPx = 0): number {
  const has = (c: string) => (o.controls as readonly string[]).includes(c);
  const narrow = widthPx > 0 && widthPx <= NARROW_MAX_PX;
  const params = info ? Object.values(info.params.properties) : [];
  const shown = info ? params.filter((p) => !p.advanced).length : 8;
  const paramsPx = has('params')
    ? PARAMS_BASE_PX + PARAM_ROW_PX * shown + (params.length > shown ? ADVANCED_TOGGLE_PX : 0)
    : 0;
  const logPx = has('log') ? (o.autoplay ? LOG_FULL_PX : LOG_EMPTY_PX) : 0;
  // The side column (metrics, invariants, the model's own side view) is as tall as the stage at
  // most; side by side it adds nothing, stacked it adds about that much again.
  const side = has('metrics') || has('invariants');
  const rows = [
    has('actions') ? (narrow ? WRAPPED_ROW_PX : ROW_PX) : 0,
    o.height + (narrow && side ? STACK_GAP_PX + o.height : 0),
    has('playback') ? (narrow ? WRAPPED_ROW_PX : ROW_PX) : 0,
    narrow ? paramsPx + logPx + (paramsPx && logPx ? STACK_GAP_PX : 0) : Math.max(paramsPx, logPx),
  ].filter((px) => px > 0);
  return Math.round(PADDING_PX + rows.reduce((s, px) => s + px, 0) + GAP_PX * (rows.length - 1));
}
