/** The traffic model's presets (lessons and the playground open them). */
import type { PresetMeta } from '../../core/types';

/** Four instances of 100 requests a second each (10 ms mean service, one at a time). */
const stormBase = {
  rateRps: 280,
  timeoutMs: 200,
  deadlineMs: 1000,
  retry: 'immediate',
  maxAttempts: 3,
};

export const trafficPresets: PresetMeta[] = [
  {
    id: 'steady',
    title: 'Four instances, 70% busy',
    description:
      'Clients send 280 requests a second to four instances that each serve 100 a second ' +
      '(10 ms on average, one at a time). Round robin spreads them evenly.',
  },
  {
    id: 'busy-90',
    title: 'The same at 90% busy',
    description:
      '360 requests a second on the same four instances: only 20% more traffic than at 70%, ' +
      'but the queues and the latency are several times longer.',
    params: { rateRps: 360 },
  },
  {
    id: 'random-90',
    title: 'Random balancing at 90%',
    description:
      'Eight instances at 90% busy, each request sent to one at random. Some queues grow long ' +
      'by bad luck while others sit idle. Switch to two random choices and compare.',
    params: { instances: 8, rateRps: 720, balancer: 'random' },
  },
  {
    id: 'slow-instance',
    title: 'One slow instance',
    description:
      'At 5 s I1 becomes five times slower. Round robin keeps sending it a quarter of the ' +
      'traffic; its queue grows without end until requests time out.',
    params: { rateRps: 240 },
    inputs: [{ at: 5000, action: 'slow', instance: 1, factor: 5 }],
  },
  {
    id: 'crash',
    title: 'An instance crashes',
    description:
      'I2 crashes at 5 s and restarts at 12 s. Its requests fail; immediate retries send them ' +
      'to the others, and the balancer stops sending to I2 while it refuses connections.',
    params: { rateRps: 240, retry: 'immediate', maxAttempts: 3 },
    inputs: [
      { at: 5000, action: 'crash', instance: 2 },
      { at: 12000, action: 'restart', instance: 2 },
    ],
  },
  {
    id: 'retry-storm',
    title: 'A retry storm outlives its trigger',
    description:
      'At 70% busy every instance stops the world for 2 s at 5 s. Clients time out after ' +
      '200 ms and retry at once, up to three tries: the queues fill with work nobody waits ' +
      'for, and the system stays down long after the pause is over.',
    params: stormBase,
    inputs: [{ at: 5000, action: 'pause', ms: 2000 }],
  },
  {
    id: 'retry-budget',
    title: 'The same stall with a retry budget',
    description:
      'The same stall, but retries may be at most 10% of new requests. The queues drain and ' +
      'the system recovers soon after the pause.',
    params: { ...stormBase, retryBudget: true },
    inputs: [{ at: 5000, action: 'pause', ms: 2000 }],
  },
  {
    id: 'circuit-breaker',
    title: 'The same stall with a circuit breaker',
    description:
      'The same stall, with a circuit breaker in the clients. After 20 failed tries in a row it ' +
      'opens and fails tries at once, so the queues stop growing and drain; a probe a second ' +
      'later finds the service answering again and closes it.',
    params: { ...stormBase, breaker: true },
    inputs: [{ at: 5000, action: 'pause', ms: 2000 }],
  },
  {
    id: 'burst',
    title: 'A burst of traffic',
    description:
      'Traffic jumps from 200 to 600 requests a second for 3 s at 10 s: more than the four ' +
      'instances can serve. Queues build during the burst and take time to drain after it.',
    params: { rateRps: 200, pattern: 'burst', burstRps: 600, burstAtMs: 10_000, burstMs: 3000 },
  },
  {
    id: 'rate-limited-burst',
    title: 'The same burst behind a rate limit',
    description:
      'A token bucket at the load balancer admits 360 tries a second (with a burst of 50). ' +
      'During the burst the excess is rejected at once instead of queueing, so the requests ' +
      'that get in are answered quickly and nothing is left to drain afterwards.',
    params: {
      rateRps: 200,
      pattern: 'burst',
      burstRps: 600,
      burstAtMs: 10_000,
      burstMs: 3000,
      rateLimitRps: 360,
      rateLimitBurst: 50,
    },
  },
];
