/** Where things go: the split between ring and space-time diagram, servers on the ring, arcs. */

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

export interface ServerSpot {
  x: number;
  y: number;
  /** Angle from the centre (radians, 0 = right, clockwise because y points down). */
  a: number;
}

export interface RingLayout {
  cx: number;
  cy: number;
  /** Radius of the circle the servers sit on. */
  R: number;
  /** Radius of a server's shape. */
  r: number;
  spots: ServerSpot[];
  /**
   * Narrowest horizontal room between two labels on about the same line (px); Infinity when no
   * two labels share a line. Below LABEL_WIDTH the labels shorten so they do not run together.
   */
  labelRoom: number;
}

/** Width of a server's full label ("S1 ★ leader · t12", "log 40 · commit 38") at 11 px. */
export const LABEL_WIDTH = 118;
/** A label is on top of its server when the server is at the top of the ring. */
export const labelAbove = (a: number): boolean => Math.sin(a) < -0.8;

/** n servers clockwise from the top, leaving room outside the circle for their labels. */
export function ringLayout(n: number, w: number, h: number): RingLayout {
  const cx = w / 2;
  const cy = h / 2 + 4;
  // Labels (two lines, about 110 px wide) sit centred under each server, above the top one.
  const fit = (R: number) =>
    Math.max(11, Math.min(22, R * Math.sin(Math.PI / Math.max(3, n)) * 0.42));
  let R = Math.min(w / 2 - 60, h / 2 - 58);
  R = Math.max(40, Math.min(R, h / 2 - fit(R) - 40));
  const r = fit(R);
  const spots = Array.from({ length: n }, (_, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return { x: cx + R * Math.cos(a), y: cy + R * Math.sin(a), a };
  });
  return { cx, cy, R, r, spots, labelRoom: labelRoom(spots, r) };
}

/** Labels are two lines (about 28 px) under each server, or above it at the top of the ring. */
function labelRoom(spots: ServerSpot[], r: number): number {
  const labelY = (s: ServerSpot) => (labelAbove(s.a) ? s.y - r - 27 : s.y + r + 19);
  let room = Infinity;
  for (let i = 0; i < spots.length; i++)
    for (let j = i + 1; j < spots.length; j++) {
      const a = spots[i]!;
      const b = spots[j]!;
      if (Math.abs(labelY(a) - labelY(b)) < 30) room = Math.min(room, Math.abs(a.x - b.x));
    }
  return room;
}

/** A point a fraction `p` of the way from server `from`'s edge to server `to`'s edge. */
export function alongLink(
  l: RingLayout,
  from: number,
  to: number,
  p: number,
): { x: number; y: number } {
  const a = l.spots[from];
  const b = l.spots[to];
  if (!a || !b) return { x: l.cx, y: l.cy };
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  const gap = Math.min(l.r + 4, len / 3);
  const t = Math.max(0, Math.min(1, p));
  const start = gap / len;
  const end = 1 - gap / len;
  const f = start + (end - start) * t;
  return { x: a.x + dx * f, y: a.y + dy * f };
}

/** Progress of a message in flight at virtual time `now`, in [0, 1]. */
export const progress = (sentAt: number, deliverAt: number, now: number): number =>
  deliverAt <= sentAt ? 1 : Math.max(0, Math.min(1, (now - sentAt) / (deliverAt - sentAt)));

/**
 * SVG path of an arc of `fraction` of a full circle of radius `radius` around (cx, cy), starting
 * at the top and running clockwise: the election timer's time left.
 */
export function arcPath(cx: number, cy: number, radius: number, fraction: number): string {
  const f = Math.max(0, Math.min(0.9999, fraction));
  if (f <= 0) return '';
  const a0 = -Math.PI / 2;
  const a1 = a0 + f * 2 * Math.PI;
  const x0 = cx + radius * Math.cos(a0);
  const y0 = cy + radius * Math.sin(a0);
  const x1 = cx + radius * Math.cos(a1);
  const y1 = cy + radius * Math.sin(a1);
  const large = f > 0.5 ? 1 : 0;
  return `M${x0.toFixed(2)},${y0.toFixed(2)}A${radius},${radius} 0 ${large} 1 ${x1.toFixed(2)},${y1.toFixed(2)}`;
}

/** Squared distance from point p to the segment a-b. */
export function distToSegment2(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  const x = ax + t * dx - px;
  const y = ay + t * dy - py;
  return x * x + y * y;
}
