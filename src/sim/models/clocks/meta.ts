/**
 * What the page needs to know about the clocks model: params, actions, presets and metrics. No
 * simulation code.
 *
 * Faithful to: Lamport, "Time, Clocks, and the Ordering of Events in a Distributed System"
 * (1978) for happened-before and the clock condition; Fidge (1988) and Mattern (1988) for vector
 * clocks, which characterize happened-before exactly; Kulkarni, Demirbas et al., "Logical
 * Physical Clocks" (2014) for hybrid logical clocks (l, c), which stay within the clock skew of
 * physical time. Processes are P0..P(n-1); each does local events, sends and receives on a
 * seeded random schedule, and every event carries all three stamps.
 */
import { z } from 'zod';
import { networkParams } from '../../core/netParams';
import type { ModelMeta, PresetMeta } from '../../core/types';

export const PROCESSES_MAX = 5;

export const clocksParams = z.strictObject({
  processes: z.number().int().min(2).max(PROCESSES_MAX).default(3).meta({
    title: 'Processes',
    description: 'Processes P0..P(n-1), one lane each on the space-time diagram.',
  }),
  rate: z.number().min(0).max(10).default(0.5).meta({
    title: 'Event rate',
    description: 'Events each process starts per second (Poisson); 0 leaves only your own events.',
    unit: 'events/s',
    step: 0.1,
  }),
  sendRatio: z.number().min(0).max(1).default(0.5).meta({
    title: 'Send ratio',
    description:
      'Fraction of the events a process starts that send a message (the rest are local).',
    step: 0.05,
  }),
  ...networkParams({
    minMs: 300,
    maxMs: 1200,
    minMsLimit: 5000,
    maxMsLimit: 10000,
    lossDescription: 'Probability that a message is lost: its send has no receive.',
  }),
  skewMsMax: z.number().int().min(0).max(5000).default(100).meta({
    title: 'Clock skew',
    description:
      "How far ahead of true time a process's physical clock may start (each its own, seeded): two clocks start at most this far apart.",
    unit: 'ms',
  }),
  driftPpmMax: z.number().int().min(0).max(100_000).default(0).meta({
    title: 'Clock drift',
    description:
      'Largest rate error of a physical clock, in millionths (10,000 is 1%): the clock runs that much fast or slow.',
    unit: 'ppm',
    advanced: true,
  }),
  lww: z.boolean().default(false).meta({
    title: 'Local events write x',
    description:
      "Every local event writes the shared key x; each process keeps a copy and every message carries the sender's, and a copy keeps the write with the highest stamp (last writer wins), once by wall clock and once by HLC.",
  }),
});
export type ClocksParams = z.output<typeof clocksParams>;

const process = z
  .number()
  .int()
  .min(0)
  .max(PROCESSES_MAX - 1);

const presets: PresetMeta[] = [
  {
    id: 'three',
    title: 'Three processes',
    description: 'Three processes sending now and then; every event stamped three ways.',
  },
  {
    id: 'quiet',
    title: 'Only your events',
    description: 'Nothing happens until you make it: build a history event by event.',
    params: { rate: 0 },
  },
  {
    id: 'skewed',
    title: 'Skewed clocks',
    description:
      'Physical clocks up to a second apart and drifting 5%: hybrid clocks still order causally.',
    params: { processes: 4, skewMsMax: 1000, driftPpmMax: 50_000 },
    seed: 3,
  },
  {
    id: 'lww',
    title: 'Last writer wins',
    description:
      'Clocks up to 2 s apart and every local event a write to x: wall-clock LWW discards some writes that came after the write they lose to; HLC LWW never does.',
    params: { skewMsMax: 2000, lww: true, rate: 1 },
  },
];

export const clocksMeta: ModelMeta = {
  id: 'clocks',
  title: 'Clocks',
  summary:
    'Lamport timestamps, vector clocks and hybrid logical clocks on one space-time diagram: pick two events and see whether one happened before the other.',
  params: clocksParams,
  network: true,
  actions: {
    local: {
      label: 'Local event',
      description: 'The process does something that sends nothing: its clocks tick.',
      args: z.strictObject({ process: process.meta({ title: 'Process' }) }),
    },
    send: {
      label: 'Send a message',
      description:
        'The sender stamps a message with its clocks; the receiver merges them on arrival.',
      args: z.strictObject({
        from: process.meta({ title: 'From' }),
        to: process.meta({ title: 'To' }),
      }),
    },
    write: {
      label: 'Write x',
      description:
        'The process writes the shared key x, stamped with its wall clock and its HLC; its copy keeps whichever write has the higher stamp.',
      args: z.strictObject({ process: process.meta({ title: 'Process' }) }),
    },
    compare: {
      label: 'Compare two events',
      description:
        'Says whether the first event happened before the second, after it, or neither (concurrent), and shows the chain of messages that proves it.',
      args: z.strictObject({
        a: z.number().int().min(0).max(1_000_000_000).meta({ title: 'First event' }),
        b: z.number().int().min(0).max(1_000_000_000).meta({ title: 'Second event' }),
      }),
    },
  },
  presets,
  metrics: [
    { id: 'events', label: 'Events', chart: true },
    { id: 'messages', label: 'Messages sent' },
    { id: 'received', label: 'Messages received' },
    { id: 'maxLamport', label: 'Highest Lamport timestamp', chart: true },
    { id: 'hlcAheadMs', label: 'Largest HLC lead over its physical clock', unit: 'ms', digits: 0 },
    { id: 'writes', label: 'Writes to x' },
    { id: 'lostWall', label: 'Later writes lost to LWW (wall clock)' },
    { id: 'lostHlc', label: 'Later writes lost to LWW (HLC)' },
  ],
  experiments: [],
};
