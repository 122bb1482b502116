/**
 * Jepsen-style histories of register operations, and the offline check of a whole history.
 * `ok` took effect, `fail` did not, `info` may or may not have. A write carries its value on the
 * invoke; a read carries what it returned on the ok (null when nothing had been written, a sorted
 * list when siblings came back). Time is virtual milliseconds.
 *
 * The checker treats every key as one read/write register. A read that returns several siblings
 * (ap mode with version vectors) is not a read of a register: no state explains it, so it always
 * counts as a violation, with its own sentence ("... got the siblings {3, 5}: a linearizable
 * register returns one value"). Reconciled single values after that are checked as usual.
 */
import type { ReadValue } from './linearizability';
import {
  checkAll,
  checkKey,
  complete,
  createMonitor,
  invoke,
  type CheckOptions,
  type Witness,
} from './monitor';

export interface HistoryEntry {
  index: number;
  type: 'invoke' | 'ok' | 'fail' | 'info';
  f: 'read' | 'write';
  key: number;
  value: ReadValue;
  process: number;
  time: number;
}

export interface HistoryVerdict {
  linearizable: boolean;
  /** The search gave up on some key (budget); `linearizable` is then false. */
  unknown: boolean;
  /** Reads that could not be linearized (greedy: each is left out before looking further). */
  violations: number;
  witnesses: Witness[];
  steps: number;
}

/**
 * Checks a whole history, key by key, as the model does live: completions pair with their
 * process's open invoke, and each completion checks its key (which also moves its window on).
 */
export function checkHistory(
  entries: readonly HistoryEntry[],
  options: CheckOptions = {},
): HistoryVerdict {
  const m = createMonitor();
  const open = new Map<number, number>();
  const witnesses: Witness[] = [];
  for (const e of entries) {
    if (e.type === 'invoke') {
      open.set(e.process, e.index);
      invoke(
        m,
        {
          id: e.index,
          process: e.process,
          f: e.f,
          key: e.key,
          value: e.f === 'write' ? (e.value as number) : null,
        },
        e.time,
      );
      continue;
    }
    const id = open.get(e.process);
    if (id === undefined) continue;
    open.delete(e.process);
    const key = complete(m, id, e.type, e.value, e.time);
    if (key >= 0) witnesses.push(...checkKey(m, key, options));
  }
  witnesses.push(...checkAll(m, options));
  const statuses = Object.values(m.keys).map((k) => k.status);
  return {
    linearizable: statuses.every((s) => s === 'ok'),
    unknown: statuses.includes('unknown'),
    violations: m.violations,
    witnesses,
    steps: m.steps,
  };
}
