/** Where Raft's drawing puts its two parts: the ring stage and the space-time diagram. */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Ring beside the space-time diagram when the stage is wide, above it when narrow. The ring
 * keeps most of the room: it is where the learner acts.
 */
export function splitStage(
  width: number,
  height: number,
): { ring: Rect; time: Rect; wide: boolean } {
  if (width >= 640) {
    const ringW = Math.round(Math.min(width * 0.56, Math.max(height * 1.05, width * 0.45)));
    return {
      wide: true,
      ring: { x: 0, y: 0, w: ringW, h: height },
      time: { x: ringW, y: 0, w: width - ringW, h: height },
    };
  }
  const timeH = Math.round(Math.max(120, Math.min(height * 0.36, 200)));
  return {
    wide: false,
    ring: { x: 0, y: 0, w: width, h: height - timeH },
    time: { x: 0, y: height - timeH, w: width, h: timeH },
  };
}
