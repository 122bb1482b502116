/** What the traffic model sends the page each frame: aggregated, bounded whatever the rate. */
import { BREAKER_NAMES } from './breaker';
import { load, queueLength } from './instances';
import type { Second, TrafficState as S, TrySample } from './types';

export const instanceName = (i: number): string => `I${i}`;
export const clientName = (i: number): string => `C${i}`;

export interface InstanceView {
  name: string;
  up: boolean;
  paused: boolean;
  slowFactor: number;
  ejected: boolean;
  queue: number;
  running: number;
  outstanding: number;
  /** Last completed second. */
  util: number;
  meanQueue: number;
  served: number;
}

export interface TrafficView {
  now: number;
  clients: number;
  instances: InstanceView[];
  /** Completed seconds, oldest first (at most 60). */
  seconds: Second[];
  /** A bounded sample of recent tries, for drawing. */
  samples: TrySample[];
  inSystem: number;
  /** The circuit breaker's state ('closed', 'open', 'half-open'), or null when it is off. */
  breaker: string | null;
  totals: {
    started: number;
    answered: number;
    failed: number;
    timedOut: number;
    retries: number;
    late: number;
  };
}

export function buildView(s: S, now: number): TrafficView {
  const t = s.totals;
  return {
    now,
    clients: 0,
    instances: s.instances.map((i, k) => ({
      name: instanceName(k),
      up: i.up,
      paused: i.up && i.pausedUntil > s.t,
      slowFactor: i.slowFactor,
      ejected: i.ejectedUntil > s.t,
      queue: queueLength(i),
      running: i.running.length,
      outstanding: load(i),
      util: i.util,
      meanQueue: i.meanQueue,
      served: i.served,
    })),
    seconds: s.seconds.slice(),
    samples: s.samples.map((x) => ({ ...x })),
    inSystem: s.open.size,
    breaker: BREAKER_NAMES[s.breaker.state] ?? null,
    totals: {
      started: t.started,
      answered: t.answered,
      failed: t.failed,
      timedOut: t.timedOut,
      retries: t.retries,
      late: t.late,
    },
  };
}
