/** Where Raft's drawing puts its two parts: the ring stage and the space-time diagram. */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Below this a ring of five with two-line labels runs its labels together (src/views/network/ring.ts). */
const RING_MIN_HEIGHT_PX = 216;

/**
 * Ring beside the space-time diagram when the stage is wide, or short for its width (a 600 x 300
 * stage has no room for both one above the other); above it when narrow. The ring keeps most of
 * the room: it is where the learner acts.
 */
export function splitStage(
  width: number,
  height: number,
): { ring: Rect; time: Rect; wide: boolean } {
  if (width >= 640 || (width >= 480 && width >= height * 1.5)) {
    const ringW = Math.round(Math.min(width * 0.56, Math.max(height * 1.05, width * 0.45)));
    return {
      wide: true,
      ring: { x: 0, y: 0, w: ringW, h: height },
      time: { x: ringW, y: 0, w: width - ringW, h: height },
    };
  }
  // The diagram gets a third of the height, but never so much that the ring goes under its
  // minimum (it then keeps 100 px, five lanes).
  const share = Math.round(Math.max(100, Math.min(height * 0.34, 200)));
  const timeH = Math.min(share, Math.max(100, height - RING_MIN_HEIGHT_PX));
  return {
    wide: false,
    ring: { x: 0, y: 0, w: width, h: height - timeH },
    time: { x: 0, y: height - timeH, w: width, h: timeH },
  };
}
