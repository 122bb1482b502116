/**
 * Runs one history check off the page's thread: a worker per check, ended when the check is done
 * or cancelled (a search cannot be interrupted from outside, so Cancel terminates its worker).
 * Without module workers the check runs on the main thread, and Cancel only drops its answer.
 */
import * as Comlink from 'comlink';
import type { CheckAnswer, CheckProgress, CheckWorkerApi, Format } from './checkApi';

export interface RunningCheck {
  /** Settles with the answer; rejects with CheckCancelled after cancel(). */
  answer: Promise<CheckAnswer>;
  cancel(): void;
  where: 'worker' | 'main-thread';
}

export class CheckCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export function startCheck(
  text: string,
  format: Format | undefined,
  onProgress: CheckProgress,
): RunningCheck {
  let cancelled: (e: Error) => void = () => {};
  const stopped = new Promise<never>((_, reject) => (cancelled = reject));
  if (typeof Worker === 'undefined') {
    const answer = import('./checkApi').then((m) =>
      m.checkHistoryText(text, format, onProgress, () => performance.now()),
    );
    return {
      answer: Promise.race([answer, stopped]),
      cancel: () => cancelled(new CheckCancelled()),
      where: 'main-thread',
    };
  }
  const worker = new Worker(new URL('./checkWorker.ts', import.meta.url), {
    type: 'module',
    name: 'ds-playground-check',
  });
  const crashed = new Promise<never>((_, reject) =>
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      reject(new Error(e.message || 'the checker stopped'));
    }),
  );
  const remote = Comlink.wrap<CheckWorkerApi>(worker);
  const end = () => {
    remote[Comlink.releaseProxy]();
    worker.terminate();
  };
  const answer = Promise.race([
    remote.check(text, format, Comlink.proxy(onProgress)),
    crashed,
    stopped,
  ]).finally(end);
  return { answer, cancel: () => cancelled(new CheckCancelled()), where: 'worker' };
}
