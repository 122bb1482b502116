import { describe, expect, it } from 'vitest';
import { cellsFor } from './cells';
import type { CapView, Ver } from './types';

const ver = (value: number, ts: number, node = 0, vv?: number[]): Ver => ({
  value,
  ts,
  node,
  ...(vv ? { vv } : {}),
});

function viewOf(mode: CapView['mode'], cells: Ver[][], prefs: number[][] = [[0, 1, 2]]): CapView {
  return {
    mode,
    keys: ['k0'],
    quorum: { majority: 2, N: 3, R: 2, W: 2, readRepair: false, prefs },
    replicas: cells.map((versions, id) => ({
      id,
      label: `S${id}`,
      side: 0,
      values: [{ versions, read: versions[0]?.value ?? null }],
      coordinating: [],
    })),
  } as unknown as CapView;
}

describe('cellsFor', () => {
  it('marks replicas behind the newest version and says whether all agree', () => {
    const v = viewOf('cp', [[ver(5, 3)], [ver(5, 3)], [ver(4, 2)]]);
    const { cells, converged } = cellsFor(v, 0);
    expect(cells.map((c) => [c.state, c.value, c.version])).toEqual([
      ['current', '5', 'tag 3'],
      ['current', '5', 'tag 3'],
      ['behind', '4', 'tag 2'],
    ]);
    expect(converged).toBe(false);
    expect(cellsFor(viewOf('ap', [[ver(5, 3)], [ver(5, 3)]]), 0).converged).toBe(true);
  });

  it('shows siblings, empty cells, and replicas that do not hold the key in quorum mode', () => {
    const v = viewOf('quorum', [
      [ver(1, 10, 0, [1, 0, 0]), ver(2, 11, 1, [0, 1, 0])],
      [],
      [ver(1, 10)],
      [ver(9, 99)],
    ]);
    const { cells } = cellsFor(v, 0);
    expect(cells.map((c) => c.state)).toEqual(['siblings', 'behind', 'behind', 'none']);
    expect(cells[1]!.value).toBe('∅');
    expect(cellsFor(viewOf('cp', [[], []]), 0).cells.map((c) => c.state)).toEqual([
      'empty',
      'empty',
    ]);
    expect(cells[0]!.value).toBe('1 | 2');
    // S3 is not in k0's preference list: its (newer) version does not count.
    expect(cells[3]!.value).toBe('–');
  });

  it('with version vectors, tells a dominated version from a concurrent one', () => {
    const a = ver(17, 50, 0, [4, 4, 3, 4, 0]);
    const b = ver(18, 60, 2, [1, 4, 4, 6, 0]);
    const old = ver(16, 40, 2, [1, 4, 3, 6, 0]);
    const { cells } = cellsFor(viewOf('ap', [[a], [b], [old]]), 0);
    expect(cells.map((c) => c.state)).toEqual(['concurrent', 'concurrent', 'behind']);
    const agreed = cellsFor(viewOf('ap', [[b], [b]]), 0);
    expect(agreed.cells.map((c) => c.state)).toEqual(['current', 'current']);
  });
});
