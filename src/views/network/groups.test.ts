import { describe, expect, it } from 'vitest';
import { clusterLayout, groupOf, messagePoint } from './groups';
import { progress } from './ring';

const clients = (n: number, replicas: number) =>
  Array.from({ length: n }, (_, c) => ({ node: replicas + c, home: c % replicas }));

describe('clusterLayout', () => {
  it('draws a whole network as one row of replicas over one row of clients, no cut', () => {
    const l = clusterLayout(600, 220, 5, clients(4, 5), null);
    expect(l.regions).toEqual([]);
    expect(l.cuts).toEqual([]);
    const xs = l.replicas.map((s) => s.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(new Set(l.replicas.map((s) => s.y)).size).toBe(1);
    expect(l.clients.every((c) => c.y > l.replicas[0]!.y + l.boxH / 2)).toBe(true);
    expect(l.clients.every((c) => c.y + l.clientR < l.height)).toBe(true);
  });

  it('puts each side of a partition in its own region, clients with their side, cut between', () => {
    const groups = [
      [3, 4, 8],
      [0, 1, 2, 5, 6, 7],
    ];
    const l = clusterLayout(600, 220, 5, clients(4, 5), groups);
    expect(l.regions.map((r) => r.group)).toEqual([0, 1]);
    expect(l.cuts).toHaveLength(1);
    const cut = l.cuts[0]!;
    for (const r of [3, 4]) expect(l.replicas[r]!.x).toBeLessThan(cut);
    for (const r of [0, 1, 2]) expect(l.replicas[r]!.x).toBeGreaterThan(cut);
    // C3 (node 8) sits with S3 on the left; C0..C2 on the right.
    expect(l.clients[3]!.x).toBeLessThan(cut);
    for (const c of [0, 1, 2]) expect(l.clients[c]!.x).toBeGreaterThan(cut);
  });

  it('draws a client moved across the cut on its own side, away from its home', () => {
    const groups = [
      [0, 1, 6],
      [2, 3, 4, 5, 7, 8],
    ];
    const l = clusterLayout(600, 220, 5, clients(4, 5), groups);
    // C0 (node 5, home S0) is on the right side, S0 on the left.
    expect(l.replicas[0]!.x).toBeLessThan(l.cuts[0]!);
    expect(l.clients[0]!.x).toBeGreaterThan(l.cuts[0]!);
    expect(groupOf(groups, 5)).toBe(1);
    expect(groupOf(groups, 9)).toBe(2);
  });
});

describe('message paths', () => {
  it('start at the sender, end at the receiver, and arc above when going right', () => {
    const a = { x: 0, y: 100 };
    const b = { x: 200, y: 100 };
    expect(messagePoint(a, b, 0, 40)).toEqual(a);
    expect(messagePoint(a, b, 1, 40)).toEqual(b);
    expect(messagePoint(a, b, 0.5, 40).y).toBeLessThan(100);
    expect(messagePoint(b, a, 0.5, 40).y).toBeGreaterThan(100);
    expect(progress(100, 200, 150)).toBe(0.5);
    expect(progress(100, 200, 300)).toBe(1);
    expect(progress(100, 100, 50)).toBe(1);
  });
});
