import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { capExperiments, randomPartitions, runCapPartition, splitGroups } from './experiments';
import { checkHistory } from './history';
import { capPartitionMeta, capPartitionParams } from './meta';

const base = capPartitionParams.parse({ ops: 300, seed: 7 }) as Parameters<
  typeof runCapPartition
>[0];

describe('cap-partition', () => {
  const cp = runCapPartition({ ...base, mode: 'cp' });
  const ap = runCapPartition({ ...base, mode: 'ap' });
  const quorum = runCapPartition({ ...base, mode: 'quorum' });

  it('trades availability for consistency across the modes', () => {
    expect(cp.partitions).toBeGreaterThan(0);
    expect(cp.availability).toBeLessThan(1);
    expect(cp.linearizable).toBe(true);
    expect(cp.violations).toBe(0);
    expect(cp.staleReads).toBe(0);
    expect(ap.availability).toBe(1);
    expect(ap.linearizable).toBe(false);
    expect(ap.violations).toBeGreaterThan(0);
    expect(ap.staleReads).toBeGreaterThan(0);
    expect(quorum.availability).toBeLessThan(1);
  });

  it('returns the whole Jepsen history in time order, and the offline check agrees', () => {
    for (const r of [cp, ap, quorum]) {
      expect(r.opsOk + r.opsFailed + r.opsUnknown).toBe(300);
      expect(r.history).toHaveLength(600);
      expect(Object.keys(r.history[0]!).sort()).toEqual(
        ['f', 'index', 'key', 'process', 'time', 'type', 'value'].sort(),
      );
      expect(
        r.history.every((e, i) => e.index === i && (i === 0 || e.time >= r.history[i - 1]!.time)),
      ).toBe(true);
      const offline = checkHistory(r.history);
      expect(offline.linearizable).toBe(r.linearizable);
    }
  });

  it('is deterministic and serializes to JSON', () => {
    const again = runCapPartition({ ...base, mode: 'ap' });
    expect(JSON.stringify(again)).toBe(JSON.stringify(ap));
    expect(JSON.parse(JSON.stringify(ap))).toEqual(ap);
  });

  it('catches a deliberately corrupted cp history', () => {
    // Pair invokes with completions, then make a read return a value overwritten before it began.
    const h = cp.history.map((e) => ({ ...e }));
    const open = new Map<number, number>();
    const ops: { inv: number; ret: number; key: number; f: string; type: string }[] = [];
    for (const e of h) {
      if (e.type === 'invoke') open.set(e.process, e.index);
      else ops.push({ inv: open.get(e.process)!, ret: e.index, key: e.key, f: e.f, type: e.type });
    }
    const oks = ops.filter((o) => o.type === 'ok');
    let target: (typeof ops)[number] | undefined;
    let old: (typeof ops)[number] | undefined;
    for (const r of oks.filter((o) => o.f === 'read')) {
      const w2 = oks.findLast((w) => w.f === 'write' && w.key === r.key && w.ret < r.inv);
      const w1 = w2 && oks.find((w) => w.f === 'write' && w.key === r.key && w.ret < w2.inv);
      if (w1 && w2) {
        target = r;
        old = w1;
        break;
      }
    }
    h[target!.ret]!.value = h[old!.inv]!.value;
    const v = checkHistory(h);
    expect(v.linearizable).toBe(false);
    expect(v.witnesses[0]!.id).toBe(target!.inv);
    expect(v.witnesses[0]!.sentence).toMatch(/ had completed$|already read the newer/);
  });

  it('makes one CSV row per run and names bad params', () => {
    expect(capPartitionMeta.toRows(ap)).toEqual([
      {
        availability: 1,
        linearizable: false,
        violations: ap.violations,
        staleReads: ap.staleReads,
        opsOk: 300,
        opsFailed: 0,
        opsUnknown: 0,
        partitions: ap.partitions,
      },
    ]);
    expect(() => runCapPartition({ ...base, mode: 'quorum', N: 3, R: 4 })).toThrow(
      'params.R: 4 is above N (3)',
    );
    expect(capExperiments[0]!.meta).toBe(capPartitionMeta);
  });

  it('draws partitions that keep clients with their home replica', () => {
    expect(splitGroups([1, 3], 5, 4)).toEqual([
      [1, 3, 6, 8],
      [0, 2, 4, 5, 7],
    ]);
    const inputs = randomPartitions(
      new Rng(3),
      { replicas: 5, clients: 3, partitionMs: 1000 },
      60_000,
    );
    expect(inputs.length).toBeGreaterThan(10);
    inputs.forEach((input, i) => expect(input.action).toBe(i % 2 ? 'heal' : 'partition'));
    for (const p of inputs.filter((i) => i.action === 'partition')) {
      const [a, b] = p.groups as number[][];
      expect(a!.length > 0 && b!.length > 0).toBe(true);
    }
  });
});
