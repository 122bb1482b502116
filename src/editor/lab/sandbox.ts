/**
 * Runs the learner's compiled code in a fresh sandbox per run (./frame.ts: a sandboxed frame whose
 * CSP forbids every connection, hosting the runner worker), with a watchdog on the main thread:
 * once the learner's code starts, a runner that stays silent for WATCHDOG_MS (no beat, progress
 * or answer) is shut down (its frame removed) and the run reported as stopped. The loop guard
 * inside the worker stops ordinary endless loops sooner (CALL_BUDGET_MS) and names the line; the
 * watchdog is for what the guard cannot see. Nothing of the learner's runs on the main thread.
 *
 * Answers come only on this run's MessagePort (the learner's code never holds it), and each one
 * is checked (./protocol.ts): a message that is not the runner's protocol, or names a line the
 * learner's file does not have, ends the run with a message saying which field was wrong.
 */
import runnerSource from 'virtual:lab-runner';
import { formatError } from '../../sim/core/errors';
import { openSandboxFrame, type SandboxFrame } from './frame';
import { readFrameMessage, sandboxMessageReader, type Row, type SandboxRequest } from './protocol';

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
      kind:
        | 'timeout'
        | 'error'
        | 'contract'
        | 'params'
        | 'watchdog'
        | 'cancelled'
        | 'crashed'
        | 'protocol';
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
  /** For tests: another frame. */
  openFrame?: typeof openSandboxFrame;
}

export function runInSandbox(options: RunOptions): SandboxRun {
  const { onProgress, openFrame = openSandboxFrame, ...request } = options;
  const channel = new MessageChannel();
  const read = sandboxMessageReader(request.lines);
  let frame: SandboxFrame | null = null;
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
    removeEventListener('message', onFrameMessage);
    channel.port1.close();
    frame?.remove();
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

  channel.port1.onmessage = (e: MessageEvent<unknown>) => {
    lastHeard = performance.now();
    const checked = read(e.data);
    if (!checked.ok) {
      fail(
        'protocol',
        'The sandbox sent an answer the lab does not accept, so the run was stopped: ' +
          checked.errors.map(formatError).join('; '),
      );
      return;
    }
    const m = checked.value;
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
  };
  // The frame says one thing itself: its worker stopped on an uncaught error.
  function onFrameMessage(e: MessageEvent<unknown>): void {
    if (!frame || e.source !== frame.window) return;
    const m = readFrameMessage(e.data);
    fail('crashed', m.ok ? `The sandbox stopped: ${m.value.message}` : 'The sandbox stopped.');
  }
  addEventListener('message', onFrameMessage);
  frame = openFrame(
    runnerSource,
    { ...request, budgetMs: CALL_BUDGET_MS } satisfies SandboxRequest,
    channel.port2,
  );
  return { outcome, cancel: () => fail('cancelled', 'Cancelled.') };
}
