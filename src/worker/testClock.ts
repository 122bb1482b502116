/** Test clocks for the host: timers run only when a test advances time. */
import type { HostClock } from './host';

/** A manual clock: timers run only when the test advances time. */
export function fakeClock(tickPerReadMs = 0) {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  const clock: HostClock = {
    // With `tickPerReadMs`, every reading costs time: budgets run out as on a busy thread.
    now: () => (now += tickPerReadMs),
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (h) => {
      timers = timers.filter((t) => t.id !== h);
    },
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const t = timers[0];
      if (!t || t.at > end) break;
      timers.shift();
      now = t.at;
      t.fn();
    }
    now = end;
  };
  return { clock, advance };
}
