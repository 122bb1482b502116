/**
 * The history checker as the `#/check` page runs it, in a worker of its own: parse a history
 * file's text, check it key by key, and answer with the parsed operations (for drawing) and the
 * verdict, or with the parser's message naming the line and field. Pure apart from the clock the
 * caller passes, so the main-thread fallback and the tests run the same code.
 */
import { checkLoaded, type CheckVerdict } from '../sim/models/cap/history/check';
import {
  HistoryError,
  parseHistory,
  type Format,
  type LoadedOp,
} from '../sim/models/cap/history/parse';

export type { Format, LoadedOp, CheckVerdict };

export type CheckAnswer =
  | {
      ok: true;
      format: Format;
      ops: LoadedOp[];
      verdict: CheckVerdict;
      /** Wall-clock time of the check itself (not the parse), in milliseconds. */
      checkMs: number;
    }
  | { ok: false; error: string };

/** (keys checked, keys in all). */
export type CheckProgress = (done: number, total: number) => void;

export function checkHistoryText(
  text: string,
  format: Format | undefined,
  onProgress: CheckProgress,
  nowMs: () => number,
): CheckAnswer {
  try {
    const h = parseHistory(text, format);
    const started = nowMs();
    const verdict = checkLoaded(h, { onProgress });
    return { ok: true, format: h.format, ops: h.ops, verdict, checkMs: nowMs() - started };
  } catch (e) {
    if (e instanceof HistoryError) return { ok: false, error: e.message };
    throw e;
  }
}

export interface CheckWorkerApi {
  check(text: string, format: Format | undefined, onProgress: CheckProgress): CheckAnswer;
}
