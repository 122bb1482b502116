/** Where the traffic stage puts clients, the balancer and the instance rows (pure, tested). */

export interface Point {
  x: number;
  y: number;
}

export interface StageLayout {
  clients: Point[];
  lb: Point;
  /** Each instance row: its marker's centre, and its queue bar's left end and length. */
  rows: { at: Point; barX: number; barW: number; h: number }[];
  /** Where the per-row text starts. */
  textX: number;
}

const PAD = 14;

export function stageLayout(w: number, h: number, clients: number, instances: number): StageLayout {
  const inner = h - 2 * PAD;
  const clientGap = inner / Math.max(1, clients);
  const rowH = Math.min(44, inner / Math.max(1, instances));
  const rowsTop = PAD + (inner - rowH * instances) / 2;
  const instX = Math.round(w * 0.42);
  const textW = Math.min(150, Math.max(90, w * 0.22));
  const barX = instX + 40;
  const textX = Math.max(barX + 40, w - PAD - textW);
  return {
    clients: Array.from({ length: clients }, (_, k) => ({
      x: PAD + 14,
      y: PAD + clientGap * (k + 0.5),
    })),
    lb: { x: Math.round(w * 0.22), y: h / 2 },
    rows: Array.from({ length: instances }, (_, k) => ({
      at: { x: instX, y: rowsTop + rowH * (k + 0.5) },
      barX,
      barW: Math.max(20, textX - barX - 10),
      h: rowH,
    })),
    textX,
  };
}

/** A nice full-scale for queue bars: at least 10, then 1, 2 or 5 times a power of ten. */
export function queueScale(longest: number): number {
  if (longest <= 10) return 10;
  const p = Math.pow(10, Math.floor(Math.log10(longest)));
  for (const m of [1, 2, 5, 10]) if (m * p >= longest) return m * p;
  return 10 * p;
}

/**
 * Where a sampled try is drawn at `now`: from its client to the balancer to its instance over
 * `travelMs`, then at the instance. Returns null before it was sent.
 */
export function tryPosition(
  l: StageLayout,
  client: number,
  instance: number,
  sentAt: number,
  now: number,
  travelMs: number,
): Point | null {
  const c = l.clients[client];
  const r = l.rows[instance];
  if (!c || !r || now < sentAt) return null;
  const f = Math.min(1, (now - sentAt) / travelMs);
  const end = { x: r.at.x - 16, y: r.at.y };
  if (f < 0.5) {
    const g = f / 0.5;
    return { x: c.x + (l.lb.x - c.x) * g, y: c.y + (l.lb.y - c.y) * g };
  }
  const g = (f - 0.5) / 0.5;
  return { x: l.lb.x + (end.x - l.lb.x) * g, y: l.lb.y + (end.y - l.lb.y) * g };
}
