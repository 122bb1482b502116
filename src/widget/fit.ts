/**
 * How tall a lesson widget's drawing may be, so the whole widget (tour caption, drawing, playback
 * bar, actions and a few lines of its panels) fits in one screen height: at most the height the
 * lesson asked for, at least enough for a readable drawing.
 */

/** Viewport width from which a lesson puts its widget in a column beside the text. */
export const SIDE_BY_SIDE_MIN_WIDTH_PX = 1100;
/** Below this the drawing is unreadable, whatever the screen. */
export const DRAWING_MIN_HEIGHT_PX = 260;

export function fitDrawingHeight(
  requestedPx: number,
  viewportW: number,
  viewportH: number,
): number {
  // Wide: the widget sits in a sticky column under the site header (about 60 px) and keeps room
  // for its tour caption, playback bar, actions and panels. Narrow: the header takes two rows
  // (about 90 px) and the playback bar and actions wrap, so the drawing gets a smaller share.
  const share = viewportW >= SIDE_BY_SIDE_MIN_WIDTH_PX ? 0.5 : 0.36;
  const fit = Math.round(viewportH * share);
  return Math.max(Math.min(requestedPx, DRAWING_MIN_HEIGHT_PX), Math.min(requestedPx, fit));
}
