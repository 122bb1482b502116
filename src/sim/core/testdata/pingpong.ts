/** A tiny networked model for kernel tests: nodes pass a token around with random think times. */
import { z } from 'zod';
import type { ModelDef } from '../types';

const params = z.strictObject({
  nodes: z.number().int().min(2).max(8).default(3),
  thinkMsMax: z.number().int().min(1).max(1000).default(50),
  latencyMsMin: z.number().int().min(0).max(1000).default(5),
  latencyMsMax: z.number().int().min(0).max(1000).default(15),
  lossRate: z.number().min(0).max(1).default(0),
});
type P = z.output<typeof params>;
interface S {
  holder: number;
  passes: number;
  received: number[];
  doubleTokens: boolean;
}
type T = { kind: 'pass'; from: number };
type M = { type: 'token'; n: number };

export const pingpong: ModelDef<P, S, T, M, { holder: number }> = {
  meta: {
    id: 'pingpong',
    title: 'Ping-pong',
    summary: 'test model',
    params,
    network: true,
    actions: {
      inject: {
        label: 'Inject a token',
        args: z.strictObject({ node: z.number().int().min(0).max(7) }),
      },
    },
    presets: [{ id: 'default', title: 'Default' }],
    metrics: [{ id: 'passes', label: 'Passes' }],
    experiments: [],
  },
  init(ctx) {
    ctx.schedule(ctx.rng('think').int(1, ctx.params.thinkMsMax), { kind: 'pass', from: 0 });
    return {
      holder: 0,
      passes: 0,
      received: new Array<number>(ctx.params.nodes).fill(0),
      doubleTokens: false,
    };
  },
  onTimer(s, t, ctx) {
    const to = (t.from + 1) % ctx.params.nodes;
    ctx.send(t.from, to, { type: 'token', n: s.passes });
  },
  onMessage(s, m, ctx) {
    s.holder = m.to;
    s.passes++;
    s.received[m.to]!++;
    ctx.log(`N${m.to} got the token from N${m.from}`, { nodes: [m.to] });
    ctx.schedule(ctx.rng('think').int(1, ctx.params.thinkMsMax), { kind: 'pass', from: m.to });
  },
  onInput(s, input, ctx) {
    if (input.action === 'inject') {
      s.doubleTokens = true;
      ctx.schedule(0, { kind: 'pass', from: input.node as number });
    }
  },
  view: (s) => ({ view: { holder: s.holder } }),
  metrics: (s) => ({ passes: s.passes }),
  invariants: [
    {
      id: 'one-token',
      label: 'One token',
      description: 'Only one token circulates.',
      check: (s) => (s.doubleTokens ? 'a second token was injected' : null),
    },
  ],
};
