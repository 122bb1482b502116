/**
 * Runs the learner's compiled code in a fresh sandbox worker, with a watchdog on the main thread:
 * once the learner's code starts, a worker that stays silent for WATCHDOG_MS (no beat, progress or
 * answer) is terminated and the run reported as stopped. The loop guard inside the worker stops
 * ordinary endless loops sooner (CALL_BUDGET_MS) and names the line; the watchdog is for what the
 * guard cannot see. Nothing of the learner's runs on the main thread.
 */
import type { Row, SandboxMessage, SandboxRequest } from './protocol';

/** Longest one call of the learner's function may run (ms). */
export const CALL_BUDGET_MS = 500;
/** Longest the sandbox may stay silent once the learner's code runs (ms). */
export const WATCHDOG_MS = 1500;
/** Longest the sandbox may take to load the experiment code (ms). */
const START_MS = 20_000;

export type SandboxOutcome =
  | { ok: true; result: unknown; rows: Row[]; elapsedMs: number }
  | {
      ok: false;
      kind: 'timeout' | 'error' | 'contract' | 'params' | 'watchdog' | 'cancelled' | 'crashed';
      message: string;
      line: number | null;
      elapsedMs: number;
    };

export interface SandboxRun {
  outcome: Promise<SandboxOutcome>;
  cancel(): void;
}

export interface RunOptions extends Omit<SandboxRequest, 'budgetMs'> {
  onProgress?(done: number, total: number): void;
  /** For tests: another worker script. */
  createWorker?: () => Worker;
}

const defaultWorker = (): Worker =>
  new Worker(new URL('./sandbox.worker.ts', import.meta.url), {
    type: 'module',
    name: 'dsp-code-lab-sandbox',
  });

export function runInSandbox(options: RunOptions): SandboxRun {
  const { onProgress, createWorker, ...request } = options;
  const worker = (createWorker ?? defaultWorker)();
  const started = performance.now();
  let lastHeard = started;
  let armed = false;
  let settle: (o: SandboxOutcome) => void = () => {};
  const outcome = new Promise<SandboxOutcome>((resolve) => (settle = resolve));
  let done = false;
  const finish = (o: SandboxOutcome) => {
    if (done) return;
    done = true;
    clearInterval(timer);
    worker.terminate();
    settle(o);
  };
  const fail = (kind: Exclude<SandboxOutcome, { ok: true }>['kind'], message: string) =>
    finish({ ok: false, kind, message, line: null, elapsedMs: performance.now() - started });

  const timer = setInterval(() => {
    const silent = performance.now() - lastHeard;
    if (armed && silent > WATCHDOG_MS)
      fail(
        'watchdog',
        `no answer for ${(WATCHDOG_MS / 1000).toFixed(1)} s, so the sandbox was shut down. The code ` +
          'was stuck where the loop guard cannot see (a slow regular expression or built-in call?).',
      );
    else if (!armed && silent > START_MS) fail('crashed', 'The sandbox did not start.');
  }, 100);

  worker.addEventListener('message', (e: MessageEvent<SandboxMessage>) => {
    lastHeard = performance.now();
    const m = e.data;
    if (m.type === 'armed') armed = true;
    else if (m.type === 'progress') onProgress?.(m.done, m.total);
    else if (m.type === 'done')
      finish({ ok: true, result: m.result, rows: m.rows, elapsedMs: lastHeard - started });
    else if (m.type === 'failed')
      finish({
        ok: false,
        kind: m.kind,
        message: m.message,
        line: m.line,
        elapsedMs: lastHeard - started,
      });
  });
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    fail('crashed', `The sandbox stopped: ${e.message || 'unknown error'}`);
  });
  worker.postMessage({ ...request, budgetMs: CALL_BUDGET_MS } satisfies SandboxRequest);
  return { outcome, cancel: () => fail('cancelled', 'Cancelled.') };
}
