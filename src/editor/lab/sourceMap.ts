/**
 * Just enough of source maps (version 3, one source) to turn a line of the compiled code in a
 * stack trace back into the line the learner wrote.
 */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...B64].map((c, i) => [c, i]));

/** Decodes one segment's base64 VLQ fields. */
function decodeSegment(seg: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of seg) {
    const d = DIGIT.get(c);
    if (d === undefined) return out;
    value += (d & 31) << shift;
    if (d & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** Per generated line (0-based), its segments as [generated column, original line] (0-based). */
export type LineTable = [number, number][][];

export function parseMappings(map: string): LineTable {
  let mappings: string;
  try {
    mappings = String((JSON.parse(map) as { mappings?: unknown }).mappings ?? '');
  } catch {
    return [];
  }
  const lines: LineTable = [];
  let srcLine = 0;
  for (const text of mappings.split(';')) {
    const segs: [number, number][] = [];
    let col = 0;
    for (const s of text.split(',')) {
      if (!s) continue;
      const f = decodeSegment(s);
      col += f[0] ?? 0;
      if (f.length >= 4) {
        srcLine += f[2]!;
        segs.push([col, srcLine]);
      }
    }
    lines.push(segs);
  }
  return lines;
}

/**
 * The learner's line (1-based) for a generated line and column (1-based), or null. Takes the last
 * segment at or before the column, else the nearest mapped line above (guard calls and other
 * inserted code have no mapping of their own).
 */
export function originalLine(table: LineTable, line: number, column: number): number | null {
  for (let l = line - 1; l >= 0; l--) {
    const segs = table[l];
    if (!segs?.length) continue;
    let best: number | null = null;
    for (const [col, src] of segs) if (l < line - 1 || col <= column - 1) best = src;
    if (best === null) best = segs[0]![1];
    return best + 1;
  }
  return null;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The learner's line of the first stack frame inside the module at `moduleUrl` (V8's
 * "at f (url:3:7)" and Firefox's "f@url:3:7" alike), or null.
 */
export function stackLine(stack: string, moduleUrl: string, table: LineTable): number | null {
  if (!moduleUrl) return null;
  const m = new RegExp(`${escapeRe(moduleUrl)}:(\\d+):(\\d+)`).exec(stack);
  return m ? originalLine(table, Number(m[1]), Number(m[2])) : null;
}
