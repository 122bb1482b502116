/**
 * Geometry of the main drawing: the pipeline (clients -> cache -> database) on top and the
 * database-load chart below. Pure: a function of the size and the number of hot keys.
 */

export interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface Layout {
  width: number;
  /** Height of the pipeline; the chart takes the rest. */
  pipeH: number;
  chart: Box;
  clients: Box;
  cache: Box;
  db: Box;
  /** Requests travel right along laneReq, answers left along laneResp. */
  laneReq: number;
  laneResp: number;
  /** Where requests wait in the cache for someone else's recomputation. */
  park: Box;
  /** Rows of the hot keys' countdowns inside the cache box. */
  hotRows: { y: number; h: number }[];
  /** Inside the database box: the slots grid and the queue bar. */
  slots: Box;
  queue: Box;
  /** Where a timed-out client shows its cross. */
  timeouts: Box;
  /** Narrow drawings drop secondary labels. */
  compact: boolean;
}

const PAD = 8;

export function layout(width: number, height: number, hotKeys: number): Layout {
  const compact = width < 560;
  // Tall enough for the hot keys' rows and the database's slots; the chart gets the rest.
  const rowsH = Math.max(1, hotKeys) * 24;
  const pipeH = Math.round(Math.min(height * 0.6, Math.max(190, 100 + rowsH + 12)));
  const top = PAD;
  const bottom = pipeH - 4;
  const clientsW = compact ? 58 : Math.min(110, Math.max(76, width * 0.11));
  const clients: Box = { x0: PAD, x1: PAD + clientsW, y0: top + 18, y1: bottom - 16 };
  const cache: Box = { x0: width * 0.3, x1: width * 0.6, y0: top, y1: bottom };
  const db: Box = { x0: width * 0.72, x1: width - PAD, y0: top, y1: bottom };
  const laneReq = top + 34;
  const laneResp = top + 50;
  const park: Box = { x0: cache.x0 + 8, x1: cache.x1 - 8, y0: top + 62, y1: top + 82 };
  const rowsTop = top + 92;
  const n = Math.max(1, hotKeys);
  const h = Math.max(12, Math.min(26, (bottom - 6 - rowsTop) / n));
  const hotRows = Array.from({ length: hotKeys }, (_, i) => ({ y: rowsTop + i * h, h }));
  const inner = { x0: db.x0 + 8, x1: db.x1 - 8 };
  const slots: Box = { ...inner, y0: top + 28, y1: top + 28 + (bottom - top) * 0.42 };
  const queue: Box = { ...inner, y0: slots.y1 + 22, y1: slots.y1 + 36 };
  const timeouts: Box = {
    x0: clients.x0 + 6,
    x1: clients.x1 - 6,
    y0: laneResp + 22,
    y1: clients.y1 - 6,
  };
  const chart: Box = { x0: 44, x1: width - PAD - 4, y0: pipeH + 22, y1: height - 22 };
  return {
    width,
    pipeH,
    chart,
    clients,
    cache,
    db,
    laneReq,
    laneResp,
    park,
    hotRows,
    slots,
    queue,
    timeouts,
    compact,
  };
}

/** Cells of the slots grid: one per database slot when they fit at 7 px or more, else none. */
export function slotGrid(b: Box, capacity: number): { cols: number; size: number } | null {
  const w = b.x1 - b.x0;
  const h = b.y1 - b.y0;
  for (let size = 14; size >= 7; size--) {
    const cols = Math.floor(w / size);
    const rows = Math.floor(h / size);
    if (cols * rows >= capacity) return { cols, size };
  }
  return null;
}

/** A stable pseudo-random number in [0, 1) for an id: scatter without state. */
export function jitter(id: number, salt = 0): number {
  let h = Math.imul(id ^ (salt * 0x9e3779b9), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}
