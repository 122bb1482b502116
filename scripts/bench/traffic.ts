/**
 * Traffic benchmarks: the live model in the kernel, invariants checked after every event as in
 * the widget, at 10,000 new requests a second on 16 instances (8 at a time each, about 60%
 * busy) for 60 s of virtual time. The target is 10 times real time: the worker then spends at
 * most a tenth of a core playing the widget at 1x.
 */
import { Sim } from '../../src/sim/core/sim';
import { trafficParams } from '../../src/sim/models/traffic/meta';
import { trafficModel } from '../../src/sim/models/traffic/model';
import type { TrafficState } from '../../src/sim/models/traffic/types';
import type { Bench } from './types';

const TARGET_X = 10;
export const TRAFFIC_10K = { rateRps: 10_000, instances: 16, concurrency: 8, serviceMs: 8 };

function play(durationMs: number) {
  const params = trafficParams.parse(TRAFFIC_10K);
  const sim = new Sim(
    trafficModel,
    { model: 'traffic', params, seed: 1, inputs: [] },
    { checkInvariants: true, keepLog: true },
  );
  // The host's pattern: a frame's worth of virtual time, then the view and the metrics.
  for (let t = 0; t < durationMs; t += 33) {
    sim.runUntil(t);
    sim.frame();
    sim.metrics();
    sim.drainLog();
  }
  return sim.state as TrafficState;
}

export const trafficBenches: Bench[] = [
  {
    name: 'traffic live model: 60 s at 10,000 req/s, invariants on',
    target: `>= ${TARGET_X}x real time`,
    meets: (x: number) => x >= TARGET_X,
    run() {
      play(5000);
      const start = performance.now();
      const s = play(60_000);
      const ms = performance.now() - start;
      const perSec = Math.round(s.totals.started / (ms / 1000));
      return {
        value: Math.round((60_000 / ms) * 10) / 10,
        unit: 'x real time',
        note: `${s.totals.started.toLocaleString('en-US')} requests in ${Math.round(ms)} ms, ${perSec.toLocaleString('en-US')} requests/s`,
      };
    },
  },
];
