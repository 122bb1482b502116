/**
 * The Raft log table drawn on a canvas: a row per server, a column per log index (the newest
 * that fit), each cell the entry's term. Solid cells are committed on that server, dashed ones
 * not yet; a bar follows the commit index. A canvas because the logs change tens of times a
 * second while a run plays, and an HTML table is laid out again on every change (about 2.5 ms
 * each on 9 servers); the accessible table beside it is the same data as text.
 */
import { colorOf } from '../../ui/palette';
import type { BaseTheme } from '../../ui/canvas';
import { ROLE_STYLE } from './style';
import { fmt, type LogRow } from './LogTable';

/** Sizes in CSS pixels. */
export const GRID = { cellW: 18, cellH: 17, gap: 2, headH: 13, nameW: 46, pad: 3 } as const;
/** Room for "≤ 18,005" beside the names once a server has a snapshot. */
const SNAP_W = 50;

export interface GridLayout {
  /** Where the cells start: after the names (and snapshot marks). */
  nameW: number;
  /** The first and last log index drawn (last < first when every log is empty). */
  first: number;
  last: number;
  width: number;
  height: number;
}

/** Which indexes fit in `width`: the newest, at most `maxColumns` of them. */
export function gridLayout(rows: readonly LogRow[], width: number, maxColumns: number): GridLayout {
  const maxLen = Math.max(0, ...rows.map((r) => r.logLength));
  const nameW = GRID.nameW + (rows.some((r) => r.snapshotIndex > 0) ? SNAP_W : 0);
  const fit = Math.floor((width - nameW - GRID.pad) / (GRID.cellW + GRID.gap));
  const columns = Math.max(1, Math.min(maxColumns, fit));
  const first = Math.max(1, maxLen - columns + 1);
  return {
    nameW,
    first,
    last: maxLen,
    width,
    height: GRID.headH + rows.length * (GRID.cellH + GRID.gap) + GRID.pad,
  };
}

const cellX = (l: GridLayout, i: number): number =>
  l.nameW + (i - l.first) * (GRID.cellW + GRID.gap);
const rowY = (r: number): number => GRID.headH + r * (GRID.cellH + GRID.gap);

/** The cell under a point, for the hover text; null off the cells. */
export function cellAt(
  l: GridLayout,
  rows: readonly LogRow[],
  x: number,
  y: number,
): { row: LogRow; index: number } | null {
  const r = Math.floor((y - GRID.headH) / (GRID.cellH + GRID.gap));
  const i = l.first + Math.floor((x - l.nameW) / (GRID.cellW + GRID.gap));
  const row = rows[r];
  if (!row || y < GRID.headH || x < l.nameW || i > l.last) return null;
  return { row, index: i };
}

/** What the hover text says about a cell (the accessible table's cell title, too). */
export function cellTitle(row: LogRow, index: number): string {
  const base = row.logLength - row.log.length + 1;
  const e = index >= base && index <= row.logLength ? row.log[index - base] : undefined;
  if (!e && index <= row.snapshotIndex)
    return `${row.name} entry ${fmt(index)}: in its snapshot (discarded from the log)`;
  if (!e) return `${row.name}: no entry ${fmt(index)}`;
  const committed = index <= row.commitIndex;
  return `${row.name} entry ${index}, term ${e.term}: ${e.command}${committed ? ', committed' : ', not committed'}`;
}

export function drawGrid(
  ctx: CanvasRenderingContext2D,
  l: GridLayout,
  rows: readonly LogRow[],
  theme: BaseTheme,
  font: string,
): void {
  ctx.clearRect(0, 0, l.width, l.height);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  // Index numbers over the columns.
  ctx.fillStyle = theme.muted;
  ctx.font = `9.5px ${font}`;
  for (let i = l.first; i <= l.last; i++)
    ctx.fillText(String(i), cellX(l, i) + GRID.cellW / 2, GRID.headH / 2 + 1);
  rows.forEach((row, r) => {
    const y = rowY(r);
    // The server's name with its role dot (and star or cross: the word, not only the colour).
    ctx.textAlign = 'left';
    ctx.fillStyle = ROLE_STYLE[row.role].color;
    ctx.beginPath();
    ctx.arc(5, y + GRID.cellH / 2, 4, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = row.role === 'crashed' ? theme.muted : theme.fg;
    ctx.font = `600 11px ${font}`;
    ctx.fillText(
      `${row.name}${row.isLeader ? ' ★' : row.role === 'crashed' ? ' ✕' : ''}`,
      12,
      y + GRID.cellH / 2 + 1,
    );
    if (row.snapshotIndex > 0) {
      ctx.fillStyle = theme.muted;
      ctx.font = `9.5px ${font}`;
      ctx.fillText(`≤ ${fmt(row.snapshotIndex)}`, GRID.nameW - 2, y + GRID.cellH / 2 + 1);
    }
    ctx.textAlign = 'center';
    const base = row.logLength - row.log.length + 1;
    // Entries inside the snapshot: hatched, no term (the log no longer has them).
    for (let i = l.first; i <= Math.min(row.snapshotIndex, l.last); i++) {
      if (i >= base) break;
      const x = cellX(l, i);
      ctx.fillStyle = theme.panel;
      ctx.fillRect(x, y, GRID.cellW, GRID.cellH);
      ctx.save();
      ctx.beginPath();
      ctx.rect(x, y, GRID.cellW, GRID.cellH);
      ctx.clip();
      ctx.strokeStyle = theme.muted;
      ctx.globalAlpha = 0.5;
      ctx.lineWidth = 1.5;
      for (let d = -GRID.cellH; d < GRID.cellW; d += 5) {
        ctx.moveTo(x + d, y + GRID.cellH);
        ctx.lineTo(x + d + GRID.cellH, y);
      }
      ctx.stroke();
      ctx.restore();
      ctx.strokeStyle = theme.muted;
      ctx.lineWidth = 1.5;
      ctx.strokeRect(x + 0.75, y + 0.75, GRID.cellW - 1.5, GRID.cellH - 1.5);
    }
    for (let i = Math.max(l.first, base); i <= row.logLength; i++) {
      const e = row.log[i - base];
      if (!e) continue;
      const x = cellX(l, i);
      const committed = i <= row.commitIndex;
      const color = colorOf(e.term);
      ctx.fillStyle = theme.panel;
      ctx.fillRect(x, y, GRID.cellW, GRID.cellH);
      ctx.globalAlpha = committed ? 0.45 : 0.22;
      ctx.fillStyle = color;
      ctx.fillRect(x, y, GRID.cellW, GRID.cellH);
      ctx.globalAlpha = 1;
      ctx.strokeStyle = color;
      ctx.lineWidth = 1.5;
      ctx.setLineDash(committed ? [] : [3, 2]);
      ctx.strokeRect(x + 0.75, y + 0.75, GRID.cellW - 1.5, GRID.cellH - 1.5);
      ctx.fillStyle = theme.fg;
      ctx.font = `${committed ? '600' : 'italic 400'} 11px ${font}`;
      ctx.fillText(String(e.term), x + GRID.cellW / 2, y + GRID.cellH / 2 + 1);
    }
    ctx.setLineDash([]);
    if (row.commitIndex >= l.first && row.commitIndex <= l.last) {
      ctx.fillStyle = theme.fg;
      ctx.fillRect(cellX(l, row.commitIndex) + GRID.cellW, y, 3, GRID.cellH);
    }
  });
}
