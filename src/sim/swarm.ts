/**
 * One fault-schedule generator for property tests of models with `meta.network`: `swarm(meta,
 * options)` is a fast-check arbitrary of timed scenario inputs (partitions, heals, loss-rate
 * changes and the model's own fault actions such as a crash). It is swarm testing (Groce et al.,
 * ISSTA 2012): each schedule first draws which fault kinds it uses at all, so some runs are all
 * partitions, some all crashes and restarts, instead of every run being the same even mix that
 * never lets one kind pile up.
 *
 * Every input it makes is checked against the model's own action schema, so a schedule is always
 * one the scenario parser would accept.
 */
import fc from 'fast-check';
import type { ModelMeta, ScenarioInput } from './core/types';

export interface SwarmOptions {
  /** Network node ids are 0 to nodes - 1; partitions put each into one of the groups. */
  nodes: number;
  /** Faults happen at whole milliseconds from 0 to untilMs. */
  untilMs: number;
  /** The model's fault actions and how to draw their arguments, e.g. `crash: {server}`. */
  actions?: Record<string, fc.Arbitrary<Record<string, unknown>>>;
  /** Loss rates a `set` input may switch to; leave out for no loss changes. */
  lossRates?: readonly number[];
  /** Groups a partition splits the nodes into, at most (default 3). */
  maxGroups?: number;
  /** Faults in one schedule (default 2 to 24). */
  minFaults?: number;
  maxFaults?: number;
}

type Maker = fc.Arbitrary<ScenarioInput>;

/** The fault kinds `swarm` would draw from, for tests and messages. */
export function swarmKinds(meta: ModelMeta, o: SwarmOptions): string[] {
  if (!meta.network) throw new Error(`swarm: ${meta.id} has no network (meta.network)`);
  const kinds = ['partition', 'heal'];
  if (o.lossRates?.length) {
    if (!('lossRate' in meta.params.shape))
      throw new Error(`swarm: ${meta.id} has no lossRate param to change`);
    kinds.push('loss');
  }
  for (const action of Object.keys(o.actions ?? {})) {
    if (!meta.actions[action]) throw new Error(`swarm: ${meta.id} has no action ${action}`);
    kinds.push(action);
  }
  return kinds;
}

/** Random fault schedules for `meta`'s model, sorted by time. */
export function swarm(meta: ModelMeta, o: SwarmOptions): fc.Arbitrary<ScenarioInput[]> {
  const kinds = swarmKinds(meta, o);
  const at = fc.integer({ min: 0, max: o.untilMs });
  const maxGroups = o.maxGroups ?? 3;
  const makers: Record<string, Maker> = {
    partition: fc
      .tuple(at, fc.array(fc.nat(maxGroups - 1), { minLength: o.nodes, maxLength: o.nodes }))
      .map(([t, sides]) => ({
        at: t,
        action: 'partition',
        groups: Array.from({ length: maxGroups }, (_, g) =>
          sides.flatMap((side, id) => (side === g ? [id] : [])),
        ).filter((g) => g.length > 0),
      })),
    heal: at.map((t) => ({ at: t, action: 'heal' })),
    loss: fc
      .tuple(at, fc.constantFrom(...(o.lossRates ?? [0])))
      .map(([t, lossRate]) => ({ at: t, action: 'set', params: { lossRate } })),
  };
  for (const [action, args] of Object.entries(o.actions ?? {})) {
    const schema = meta.actions[action]!.args;
    makers[action] = fc.tuple(at, args).map(([t, a]) => {
      const checked = schema.safeParse(a);
      if (!checked.success)
        throw new Error(`swarm: ${meta.id} ${action} ${JSON.stringify(a)}: ${checked.error}`);
      return { at: t, action, ...(checked.data as Record<string, unknown>) };
    });
  }
  return fc
    .subarray(kinds, { minLength: 1 })
    .chain((enabled) =>
      fc.array(fc.oneof(...enabled.map((k) => makers[k]!)), {
        minLength: o.minFaults ?? 2,
        maxLength: o.maxFaults ?? 24,
        size: 'max',
      }),
    )
    .map((inputs) => [...inputs].sort((a, b) => a.at - b.at));
}
