/**
 * The groups layout of the network stage: nodes in a row, attached nodes (clients) in a row
 * beneath them, and, when the network is partitioned, one shaded region per side with the cut
 * drawn between them. Pure geometry, tested beside it.
 */

export interface Spot {
  x: number;
  y: number;
}

export interface Region {
  /** Index of the partition group (groups.length for nodes named in no group). */
  group: number;
  x0: number;
  x1: number;
}

export interface ClusterLayout {
  width: number;
  height: number;
  /** By replica id. */
  replicas: Spot[];
  /** By client id. */
  clients: Spot[];
  /** One per side when partitioned (left to right), empty when whole. */
  regions: Region[];
  /** x of each cut line between regions. */
  cuts: number[];
  boxW: number;
  boxH: number;
  clientR: number;
}

/** Which group a node is in: its index in `groups`, groups.length if in none, 0 when whole. */
export function groupOf(groups: readonly (readonly number[])[] | null, node: number): number {
  if (!groups) return 0;
  const g = groups.findIndex((grp) => grp.includes(node));
  return g < 0 ? groups.length : g;
}

const GAP = 18;

export function clusterLayout(
  width: number,
  height: number,
  replicaCount: number,
  clients: readonly { node: number; home: number }[],
  groups: readonly (readonly number[])[] | null,
): ClusterLayout {
  const w = Math.max(200, width);
  const h = Math.max(120, height);
  const replicaGroup = Array.from({ length: replicaCount }, (_, r) => groupOf(groups, r));
  const clientGroup = clients.map((c) => groupOf(groups, c.node));
  const used = [...new Set([...replicaGroup, ...clientGroup])].sort((a, b) => a - b);
  const count = (arr: number[], g: number) => arr.filter((x) => x === g).length;
  const weights = used.map((g) => Math.max(1, count(replicaGroup, g), count(clientGroup, g)));
  const total = weights.reduce((a, b) => a + b, 0);
  const split = groups !== null && used.length > 1;
  const pad = 8;
  const inner = w - 2 * pad - (split ? GAP * (used.length - 1) : 0);
  const regions: Region[] = [];
  let x = pad;
  used.forEach((g, i) => {
    const rw = (inner * weights[i]!) / total;
    regions.push({ group: g, x0: x, x1: x + rw });
    x += rw + (split ? GAP : 0);
  });
  const slots = Math.max(replicaCount, clients.length, 1);
  const boxW = Math.max(44, Math.min(104, inner / slots - 10));
  const boxH = Math.max(38, Math.min(54, h * 0.27));
  const clientR = Math.max(11, Math.min(16, h * 0.07));
  // Room above the replicas for the legend, side labels and arcs; below the clients for their
  // status line and the hint.
  const replicaY = Math.max(boxH / 2 + 44, h * 0.36);
  const clientY = Math.min(h - clientR - 32, replicaY + boxH / 2 + Math.max(40, h * 0.3));
  const regionOf = (g: number) => regions[used.indexOf(g)]!;
  const spread = <T>(items: T[], region: Region): Map<T, number> => {
    const step = (region.x1 - region.x0) / Math.max(1, items.length);
    return new Map(items.map((it, i) => [it, region.x0 + step * (i + 0.5)]));
  };
  const replicas: Spot[] = new Array<Spot>(replicaCount);
  for (const g of used) {
    const ids = replicaGroup.flatMap((rg, r) => (rg === g ? [r] : []));
    for (const [r, rx] of spread(ids, regionOf(g))) replicas[r] = { x: rx, y: replicaY };
  }
  const clientSpots: Spot[] = new Array<Spot>(clients.length);
  for (const g of used) {
    // Clients sit in their own side's region, ordered by where their home is drawn.
    const ids = clientGroup
      .flatMap((cg, c) => (cg === g ? [c] : []))
      .sort((a, b) => replicas[clients[a]!.home]!.x - replicas[clients[b]!.home]!.x || a - b);
    for (const [c, cx] of spread(ids, regionOf(g))) clientSpots[c] = { x: cx, y: clientY };
  }
  return {
    width: w,
    height: h,
    replicas,
    clients: clientSpots,
    regions: split ? regions : [],
    cuts: split ? regions.slice(1).map((r) => r.x0 - GAP / 2) : [],
    boxW,
    boxH,
    clientR,
  };
}

/**
 * A message's path: client links are straight, replica-to-replica messages arc above the row
 * when going right and below when going left, higher for longer hops, so they do not cross the
 * boxes in between. Returns the point at fraction `t` of the way.
 */
export function messagePoint(a: Spot, b: Spot, t: number, rowGap: number): Spot {
  const u = Math.min(1, Math.max(0, t));
  if (Math.abs(a.y - b.y) > 1) {
    // Client link: offset requests and answers sideways so both directions show.
    const side = a.y > b.y ? -4 : 4;
    return { x: a.x + (b.x - a.x) * u + side, y: a.y + (b.y - a.y) * u };
  }
  const dx = b.x - a.x;
  const lift = Math.min(rowGap, 14 + Math.abs(dx) * 0.22) * (dx >= 0 ? -1 : 1);
  const cx = (a.x + b.x) / 2;
  const cy = a.y + lift * 2;
  const m = 1 - u;
  return {
    x: m * m * a.x + 2 * m * u * cx + u * u * b.x,
    y: m * m * a.y + 2 * m * u * cy + u * u * b.y,
  };
}
