/**
 * The code lab's sandbox: a dedicated worker, started fresh for each run (neither the simulation
 * worker nor the main thread), that imports the learner's compiled module and runs the model's
 * experiment with the learner's function plugged in. Every call goes through the time budget
 * (./runtime.ts); errors come back with the line of the learner's TypeScript (./sourceMap.ts).
 *
 * This keeps a learner's bug (an endless loop, an exception) away from the page. It is not a
 * security boundary for hostile code: the code is the learner's own, typed into this page, and is
 * never read from a link.
 */
import { GUARD } from './guard';
import type { SandboxMessage, SandboxRequest } from './protocol';
import type { Runner } from './runners/types';
import { BudgetExceeded, CallBudget, ContractError } from './runtime';
import { parseMappings, stackLine, type LineTable } from './sourceMap';

const RUNNERS: Record<string, () => Promise<Runner>> = {
  hashring: () => import('./runners/hashring').then((m) => m.runHashring),
  stampede: () => import('./runners/stampede').then((m) => m.runStampedeLab),
  raft: () => import('./runners/raft').then((m) => m.runRaftLab),
};

const post = (m: SandboxMessage): void => self.postMessage(m);

function failure(
  err: unknown,
  moduleUrl: string,
  table: LineTable,
  budget: CallBudget,
): SandboxMessage {
  if (err instanceof BudgetExceeded)
    return { type: 'failed', kind: 'timeout', message: err.message, line: err.line };
  if (err instanceof ContractError)
    return { type: 'failed', kind: 'contract', message: err.message, line: err.line };
  if (err instanceof Error && err.name === 'ParamsError')
    return { type: 'failed', kind: 'params', message: err.message, line: null };
  const stack = err instanceof Error ? (err.stack ?? '') : '';
  const line = stackLine(stack, moduleUrl, table) ?? (budget.lastLine || null);
  const message =
    err instanceof Error ? `${err.name}: ${err.message}` : `Uncaught ${String(err as string)}`;
  return { type: 'failed', kind: 'error', message, line };
}

/** Network and script loading are of no use to a strategy; take them away from its code. */
function lockDown(): void {
  for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts'])
    Object.defineProperty(self, name, { value: undefined, configurable: false, writable: false });
}

async function run(req: SandboxRequest): Promise<void> {
  const table = parseMappings(req.map);
  const budget = new CallBudget(
    req.budgetMs,
    () => performance.now(),
    () => post({ type: 'beat' }),
  );
  let url = '';
  try {
    const load = RUNNERS[req.model];
    if (!load) throw new Error(`The code lab has no runner for "${req.model}"`);
    const runner = await load();
    (globalThis as Record<string, unknown>)[GUARD] = budget.guard;
    lockDown();
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
        const now = performance.now();
        if (now - lastPost < 50 && done < total) return;
        lastPost = now;
        post({ type: 'progress', done, total });
      },
    });
    post({ type: 'done', result: out.result, rows: out.rows });
  } catch (err) {
    post(failure(err, url, table, budget));
  } finally {
    if (url) URL.revokeObjectURL(url);
  }
}

self.onmessage = (e: MessageEvent<SandboxRequest>) => void run(e.data);
