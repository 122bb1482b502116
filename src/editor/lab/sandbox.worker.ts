/**
 * The code lab's runner: a classic dedicated worker, started fresh for each run inside the
 * sandbox frame (./frame.ts: an opaque origin whose CSP forbids every connection), that imports
 * the learner's compiled module and runs the model's experiment with the learner's function
 * plugged in. Every call goes through the time budget (./runtime.ts); errors come back with the
 * line of the learner's TypeScript (./sourceMap.ts).
 *
 * The browser keeps the learner's code off the network (the CSP, inherited by this worker and by
 * any worker it starts). What this file keeps is the protocol: it answers only on the port of the
 * run's first message, through a `postMessage` bound before the learner's module loads, so code
 * that posts to `self`, or patches `MessagePort.prototype` afterwards, reaches no one.
 *
 * Bundled into one classic script by scripts/vite/lab-runner-plugin.ts (`virtual:lab-runner`):
 * module workers do not start from a blob in an opaque origin, and nothing may be loaded later.
 */
import { z } from 'zod';
import { GUARD } from './guard';
import type { SandboxMessage, SandboxRequest } from './protocol';
import { runHashring } from './runners/hashring';
import { runRaftLab } from './runners/raft';
import { runStampedeLab } from './runners/stampede';
import type { Runner } from './runners/types';
import { BudgetExceeded, CallBudget, ContractError } from './runtime';
import { parseMappings, stackLine, type LineTable } from './sourceMap';

// zod would probe `new Function` for its fast path; the sandbox's CSP forbids it (and says so).
z.config({ jitless: true });

const RUNNERS: Record<string, Runner> = {
  hashring: runHashring,
  stampede: runStampedeLab,
  raft: runRaftLab,
};

// Taken before the learner's code runs, so patching the prototype or the clock later changes
// neither where the answers go nor the time budget.
const clock = performance.now.bind(performance);
const portPost = Function.prototype.call.bind(MessagePort.prototype.postMessage) as (
  port: MessagePort,
  message: SandboxMessage,
) => void;

/** Longest message text sent back (the page refuses longer ones). */
const MESSAGE_CHARS = 1000;

const cap = (text: string): string =>
  text.length > MESSAGE_CHARS ? `${text.slice(0, MESSAGE_CHARS)}…` : text;

/** A string for anything the learner threw (its getters and toString may throw too). */
function describeThrown(err: unknown): string {
  try {
    return err instanceof Error
      ? `${String(err.name)}: ${String(err.message)}`
      : `Uncaught ${String(err)}`;
  } catch {
    return 'Uncaught a value that cannot be shown';
  }
}

function failure(
  err: unknown,
  moduleUrl: string,
  table: LineTable,
  budget: CallBudget,
  lines: number,
): SandboxMessage {
  // A line comes from the learner's code one way or another (the guard's argument, a stack):
  // only a line of the learner's file is one.
  const inFile = (line: number | null): number | null =>
    line !== null && Number.isInteger(line) && line >= 1 && line <= lines ? line : null;
  if (err instanceof BudgetExceeded)
    return { type: 'failed', kind: 'timeout', message: cap(err.message), line: inFile(err.line) };
  if (err instanceof ContractError)
    return { type: 'failed', kind: 'contract', message: cap(err.message), line: inFile(err.line) };
  if (err instanceof Error && err.name === 'ParamsError')
    return { type: 'failed', kind: 'params', message: cap(describeThrown(err)), line: null };
  let stack = '';
  try {
    stack = err instanceof Error ? String(err.stack ?? '') : '';
  } catch {
    // A getter of the learner's that throws: no stack, then.
  }
  const line = inFile(stackLine(stack, moduleUrl, table) ?? (budget.lastLine || null));
  return { type: 'failed', kind: 'error', message: cap(describeThrown(err)), line };
}

async function run(req: SandboxRequest, port: MessagePort): Promise<void> {
  const post = (m: SandboxMessage): void => portPost(port, m);
  const table = parseMappings(req.map);
  const budget = new CallBudget(req.budgetMs, clock, () => post({ type: 'beat' }));
  let url = '';
  try {
    const runner = Object.hasOwn(RUNNERS, req.model) ? RUNNERS[req.model] : undefined;
    if (!runner) throw new Error(`The code lab has no runner for "${req.model}"`);
    (globalThis as Record<string, unknown>)[GUARD] = budget.guard;
    post({ type: 'armed' });
    url = URL.createObjectURL(new Blob([req.js], { type: 'text/javascript' }));
    // The module's top-level code runs within the same budget as a call.
    budget.begin();
    let mod: Record<string, unknown>;
    try {
      mod = (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
    } finally {
      budget.end();
    }
    const fn = mod[req.exportName];
    if (typeof fn !== 'function')
      throw new ContractError(
        `Export a function named ${req.exportName} (export function ${req.exportName}(...) { ... })`,
        req.exportLine,
      );
    let lastPost = 0;
    const out = runner({
      fn: fn as (...args: never[]) => unknown,
      params: req.params,
      budget,
      exportLine: req.exportLine,
      onProgress: (done, total) => {
        const now = clock();
        if (now - lastPost < 50 && done < total) return;
        lastPost = now;
        post({ type: 'progress', done, total });
      },
    });
    post({ type: 'done', result: out.result as Record<string, unknown>, rows: out.rows });
  } catch (err) {
    post(failure(err, url, table, budget, req.lines));
  } finally {
    if (url) URL.revokeObjectURL(url);
  }
}

// One run per worker: the first message brings the request and the port to answer on.
self.onmessage = (e: MessageEvent<SandboxRequest>) => {
  self.onmessage = null;
  const port = e.ports[0];
  if (port) void run(e.data, port);
};
