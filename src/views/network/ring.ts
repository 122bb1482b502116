/**
 * The ring layout of the network stage: nodes clockwise from the top with room for two label
 * lines, the point a message has reached along a link, the timer arc. Pure geometry.
 */

export interface NodeSpot {
  x: number;
  y: number;
  /** Angle from the centre (radians, 0 = right, clockwise because y points down). */
  a: number;
}

export interface RingLayout {
  cx: number;
  cy: number;
  /** The smaller of the ring's two radii (a circle when they are equal). */
  R: number;
  /** Horizontal and vertical radii: a short, wide stage gets a flattened ring (an ellipse). */
  Rx: number;
  Ry: number;
  /** Radius of a node's shape. */
  r: number;
  spots: NodeSpot[];
  /**
   * Narrowest horizontal room between two labels on about the same line (px); Infinity when no
   * two labels share a line. Below LABEL_WIDTH the labels shorten so they do not run together.
   */
  labelRoom: number;
}

/** Width of a node's full label ("S1 ★ leader · t12", "log 40 · commit 38") at 11 px. */
export const LABEL_WIDTH = 118;
/** A label is on top of its node when the node is at the top of the ring. */
export const labelAbove = (a: number): boolean => Math.sin(a) < -0.8;
/** Room a node's two label lines take over the top node's shape and under the lowest ones (px). */
const LABEL_ABOVE_PX = 38;
const LABEL_BELOW_PX = 40;
/** How flat the ring may get on a short, wide stage (horizontal over vertical radius). */
const FLAT_MAX = 1.7;

/**
 * n nodes clockwise from the top, leaving room outside the ring for their labels. The ring fills
 * the box: its vertical radius is what the height leaves after the labels over the top node and
 * under the lowest ones (five nodes reach 0.81 of the radius down, not all of it), its horizontal
 * radius what the width leaves after half a label each side, up to FLAT_MAX times the vertical.
 */
export function ringLayout(n: number, w: number, h: number): RingLayout {
  const angles = Array.from({ length: n }, (_, i) => -Math.PI / 2 + (2 * Math.PI * i) / n);
  const down = Math.max(0, ...angles.map((a) => Math.sin(a)));
  const side = Math.max(0.5, ...angles.map((a) => Math.abs(Math.cos(a))));
  const fit = (R: number) =>
    Math.max(11, Math.min(22, R * Math.sin(Math.PI / Math.max(3, n)) * 0.42));
  const rxRoom = (w / 2 - LABEL_WIDTH / 2 - 2) / side;
  const ryRoom = (r: number) => (h - 2 * r - LABEL_ABOVE_PX - LABEL_BELOW_PX) / (1 + down);
  // The node size depends on the ring's size and the ring's room on the node size: twice is
  // enough for them to agree to a fraction of a pixel.
  let r = fit(Math.min(rxRoom, ryRoom(11)));
  r = fit(Math.min(rxRoom, ryRoom(r)));
  const Ry = Math.max(40, Math.min(ryRoom(r), rxRoom * 1.1));
  const Rx = Math.max(40, Math.min(rxRoom, Ry * FLAT_MAX));
  const cx = w / 2;
  // The ring with its labels, centred in the height left over.
  const extent = Ry * (1 + down) + 2 * r + LABEL_ABOVE_PX + LABEL_BELOW_PX;
  const cy = r + LABEL_ABOVE_PX + Ry + Math.max(0, (h - extent) / 2);
  const spots = angles.map((a) => ({ x: cx + Rx * Math.cos(a), y: cy + Ry * Math.sin(a), a }));
  return { cx, cy, R: Math.min(Rx, Ry), Rx, Ry, r, spots, labelRoom: labelRoom(spots, r) };
}

/** Labels are two lines (about 28 px) under each node, or above it at the top of the ring. */
function labelRoom(spots: NodeSpot[], r: number): number {
  const labelY = (s: NodeSpot) => (labelAbove(s.a) ? s.y - r - 27 : s.y + r + 19);
  let room = Infinity;
  for (let i = 0; i < spots.length; i++)
    for (let j = i + 1; j < spots.length; j++) {
      const a = spots[i]!;
      const b = spots[j]!;
      if (Math.abs(labelY(a) - labelY(b)) < 30) room = Math.min(room, Math.abs(a.x - b.x));
    }
  return room;
}

/** A point a fraction `p` of the way from node `from`'s edge to node `to`'s edge. */
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

/**
 * Boxes a message label must not cover on a ring: each node's shape (with its timer ring) and
 * its two label lines (`labelW` wide, under the node or above it at the top).
 */
export function ringKeepOut(
  l: RingLayout,
  labelW: number,
): { x0: number; y0: number; x1: number; y1: number }[] {
  return l.spots.flatMap((s) => {
    const pad = l.r + 9;
    const top = labelAbove(s.a) ? s.y - l.r - 27 - 11 : s.y + l.r + 19 - 11;
    return [
      { x0: s.x - pad, y0: s.y - pad, x1: s.x + pad, y1: s.y + pad },
      { x0: s.x - labelW / 2, y0: top, x1: s.x + labelW / 2, y1: top + 28 },
    ];
  });
}
