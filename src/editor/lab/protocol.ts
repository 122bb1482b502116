/** Messages between the code lab page and its sandbox worker (plain postMessage, no comlink). */

export type Row = Record<string, number | string | boolean>;

export interface SandboxRequest {
  model: string;
  /** The instrumented ES module (see ./guard.ts). */
  js: string;
  /** Its source map, to report lines of the learner's TypeScript. */
  map: string;
  exportName: string;
  exportLine: number | null;
  params: Record<string, unknown>;
  budgetMs: number;
}

export type SandboxMessage =
  /** Alive: sent by the call wrapper and with progress; the watchdog listens for silence. */
  | { type: 'beat' }
  /** The experiment code is loaded; the learner's code runs from now on (the watchdog arms). */
  | { type: 'armed' }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: unknown; rows: Row[] }
  | {
      type: 'failed';
      kind: 'timeout' | 'error' | 'contract' | 'params';
      message: string;
      line: number | null;
    };
