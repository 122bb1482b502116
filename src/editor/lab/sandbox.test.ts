/**
 * The page's side of a sandbox run, with a fake frame: answers come only on the run's port and
 * are checked; one that is not the protocol ends the run with a message naming the field, and
 * the frame is removed however the run ends.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SandboxFrame } from './frame';
import type { SandboxRequest } from './protocol';

vi.mock('virtual:lab-runner', () => ({ default: '/* runner */' }));

const { runInSandbox } = await import('./sandbox');

/** The page's window, as far as the sandbox uses it. */
const page = new EventTarget();

beforeEach(() => {
  vi.stubGlobal('addEventListener', page.addEventListener.bind(page));
  vi.stubGlobal('removeEventListener', page.removeEventListener.bind(page));
});
afterEach(() => vi.unstubAllGlobals());

function start(lines = 5, onProgress?: (done: number, total: number) => void) {
  const fake = { port: null as MessagePort | null, removed: 0, window: {} as Window };
  let request: SandboxRequest | null = null;
  const run = runInSandbox({
    model: 'hashring',
    js: '',
    map: '{}',
    exportName: 'hash',
    exportLine: 1,
    lines,
    params: {},
    ...(onProgress ? { onProgress } : {}),
    openFrame: (_source, req, port): SandboxFrame => {
      request = req;
      fake.port = port;
      return { window: fake.window, remove: () => void fake.removed++ };
    },
  });
  const send = (m: unknown) => fake.port!.postMessage(m);
  return { run, fake, send, request: () => request };
}

describe('a sandbox run, seen from the page', () => {
  it('takes the runner’s result from its port and removes the frame', async () => {
    const { run, fake, send, request } = start();
    expect(request()?.lines).toBe(5);
    send({ type: 'armed' });
    send({ type: 'done', result: { cv: 0.05 }, rows: [] });
    const o = await run.outcome;
    expect(o).toMatchObject({ ok: true, result: { cv: 0.05 } });
    expect(fake.removed).toBe(1);
  });

  it('ends the run on a line outside the learner’s file, naming the field and the limit', async () => {
    const { run, fake, send } = start(5);
    send({ type: 'failed', kind: 'error', message: 'spoofed', line: 99999 });
    const o = await run.outcome;
    expect(o).toMatchObject({ ok: false, kind: 'protocol', line: null });
    expect(!o.ok && o.message).toContain('line: 99999 is above the maximum 5');
    expect(fake.removed).toBe(1);
  });

  it('ends the run on counts that are not finite', async () => {
    const progress = vi.fn();
    const { run, send } = start(5, progress);
    send({ type: 'progress', done: Number.NaN, total: Infinity });
    const o = await run.outcome;
    expect(o).toMatchObject({ ok: false, kind: 'protocol' });
    expect(progress).not.toHaveBeenCalled();
  });

  it('hears the frame only from the frame’s window, and only that its worker stopped', async () => {
    const { run, fake } = start();
    page.dispatchEvent(
      new MessageEvent('message', { data: { type: 'done', result: {}, rows: [] }, source: null }),
    );
    page.dispatchEvent(
      Object.assign(
        new MessageEvent('message', { data: { type: 'crashed', message: 'boom' } }),
        {},
      ),
    );
    const fromFrame = new MessageEvent('message', { data: { type: 'crashed', message: 'boom' } });
    Object.defineProperty(fromFrame, 'source', { value: fake.window });
    page.dispatchEvent(fromFrame);
    const o = await run.outcome;
    expect(o).toMatchObject({ ok: false, kind: 'crashed', message: 'The sandbox stopped: boom' });
  });

  it('Cancel removes the frame', async () => {
    const { run, fake } = start();
    run.cancel();
    expect(await run.outcome).toMatchObject({ ok: false, kind: 'cancelled' });
    expect(fake.removed).toBe(1);
  });
});
