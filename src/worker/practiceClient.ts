/**
 * Asks the practice worker for a question. One worker serves the page, started on the first
 * question; without module workers the generator runs on the main thread (the same code).
 */
import * as Comlink from 'comlink';
import type { PracticeResult, PracticeWorkerApi } from './practiceApi';

let remote: Comlink.Remote<PracticeWorkerApi> | null = null;

export function practiceQuestion(model: string, seed: number): Promise<PracticeResult> {
  if (typeof Worker === 'undefined')
    return import('./practiceApi').then((m) => m.generatePractice(model, seed));
  if (!remote) {
    const worker = new Worker(new URL('./practiceWorker.ts', import.meta.url), {
      type: 'module',
      name: 'ds-playground-practice',
    });
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      remote = null;
    });
    remote = Comlink.wrap<PracticeWorkerApi>(worker);
  }
  return remote.generate(model, seed);
}
