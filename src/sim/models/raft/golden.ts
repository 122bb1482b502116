/** Golden traces: each preset's trace hash at a fixed time, pinned in Node and (later) browsers. */
import golden from './golden.json';

export interface GoldenTrace {
  preset: string;
  untilMs: number;
  hash: string;
}

export const GOLDEN_UNTIL_MS = 8000;

export const raftGolden: GoldenTrace[] = golden;
