/**
 * The network params a model with a network shows the learner, under the names the kernel keeps
 * the network in sync with (`latencyMsMin`, `latencyMsMax`, `lossRate`, see network.ts). Spread
 * the result into the model's params schema where the fields belong:
 *   z.strictObject({ nodes: ..., ...networkParams({ minMs: 20, maxMs: 60, ... }), ... })
 */
import { z } from 'zod';

export interface NetworkParamsOptions {
  /** Defaults of the one-way delay's bounds (virtual ms). */
  minMs: number;
  maxMs: number;
  /** The largest value each bound may take. */
  minMsLimit: number;
  maxMsLimit: number;
  /** What losing a message means in this model, when there is more to say. */
  lossDescription?: string;
}

/** Latency min and max (integer ms, uniform between them) and the loss rate (advanced, 0 to 0.5). */
export function networkParams(o: NetworkParamsOptions) {
  return {
    latencyMsMin: z.number().int().min(0).max(o.minMsLimit).default(o.minMs).meta({
      title: 'Latency min',
      description: 'One-way message delay, lower bound.',
      unit: 'ms',
    }),
    latencyMsMax: z.number().int().min(0).max(o.maxMsLimit).default(o.maxMs).meta({
      title: 'Latency max',
      description: 'One-way message delay, upper bound.',
      unit: 'ms',
    }),
    lossRate: z
      .number()
      .min(0)
      .max(0.5)
      .default(0)
      .meta({
        title: 'Loss rate',
        description: o.lossDescription ?? 'Probability that a message is lost.',
        step: 0.01,
        advanced: true,
      }),
  };
}
