/**
 * What each replica holds for one key, as the drawing and the side table show it: the value,
 * its version (ABD tag in cp, last-writer-wins timestamp, or version vector), and whether the
 * replica is up to date with the newest version any replica holds.
 */
import type { CapView, Ver } from './types';

/**
 * current: holds the newest version; behind: another replica holds a newer one; concurrent (version
 * vectors): neither is newer, a conflict the next merge keeps as siblings.
 */
export type CellState = 'current' | 'behind' | 'concurrent' | 'siblings' | 'empty' | 'none';

export interface Cell {
  replica: number;
  state: CellState;
  /** "12", "12 | 13", "∅" or "–". */
  value: string;
  /** "tag 10", "ts 3908", "vv 1.0.2", or "" */
  version: string;
  /** Sentence for screen readers and tooltips. */
  label: string;
}

const newer = (a: Ver, b: Ver): boolean => a.ts > b.ts || (a.ts === b.ts && a.node > b.node);
const same = (a: Ver, b: Ver): boolean => a.ts === b.ts && a.node === b.node;

/** a's version vector is >= b's everywhere and differs somewhere. */
function dominates(a: Ver, b: Ver): boolean {
  const n = Math.max(a.vv?.length ?? 0, b.vv?.length ?? 0);
  let more = false;
  for (let i = 0; i < n; i++) {
    const x = a.vv?.[i] ?? 0;
    const y = b.vv?.[i] ?? 0;
    if (x < y) return false;
    if (x > y) more = true;
  }
  return more;
}

export function versionText(v: Ver, mode: CapView['mode']): string {
  if (v.vv) return `vv ${v.vv.join('.')}`;
  return mode === 'cp' ? `tag ${v.ts}` : `ts ${v.ts}`;
}

/** The replicas that hold `key`: its preference list in quorum mode, every replica otherwise. */
export function holdersOf(view: CapView, key: number): number[] {
  if (view.mode === 'quorum') return view.quorum.prefs[key] ?? [];
  return view.replicas.map((r) => r.id);
}

export function cellsFor(view: CapView, key: number): { cells: Cell[]; converged: boolean } {
  const holders = new Set(holdersOf(view, key));
  let best: Ver | null = null;
  const held: Ver[] = [];
  for (const r of view.replicas) {
    if (!holders.has(r.id)) continue;
    for (const v of r.values[key]?.versions ?? []) {
      held.push(v);
      if (!best || newer(v, best)) best = v;
    }
  }
  const K = view.keys[key] ?? `k${key}`;
  const fingerprints = new Set<string>();
  const cells = view.replicas.map((r): Cell => {
    const name = r.label;
    if (!holders.has(r.id))
      return {
        replica: r.id,
        state: 'none',
        value: '–',
        version: '',
        label: `${name} does not hold ${K}`,
      };
    const vers = r.values[key]?.versions ?? [];
    fingerprints.add(
      vers
        .map((v) => `${v.ts}.${v.node}`)
        .sort()
        .join(','),
    );
    if (vers.length === 0)
      return {
        replica: r.id,
        // Holding nothing while another replica holds a version is being behind too.
        state: best ? 'behind' : 'empty',
        value: '∅',
        version: 'nothing yet',
        label: `${name} holds nothing for ${K}${best ? ', behind the newest version' : ''}`,
      };
    if (vers.length > 1) {
      const values = vers.map((v) => v.value).join(' | ');
      return {
        replica: r.id,
        state: 'siblings',
        value: values,
        version: `${vers.length} versions`,
        label: `${name} holds ${vers.length} siblings of ${K}: ${values}`,
      };
    }
    const v = vers[0]!;
    if (v.vv) {
      const others = held.filter((o) => !same(o, v));
      const state: CellState = others.some((o) => dominates(o, v))
        ? 'behind'
        : others.some((o) => !dominates(v, o))
          ? 'concurrent'
          : 'current';
      return {
        replica: r.id,
        state,
        value: String(v.value),
        version: versionText(v, view.mode),
        label: `${name} holds ${K} = ${v.value} (${versionText(v, view.mode)})${state === 'behind' ? ', behind a newer version' : state === 'concurrent' ? ', concurrent with another replica’s version' : ', the newest version'}`,
      };
    }
    const current = best !== null && same(v, best);
    return {
      replica: r.id,
      state: current ? 'current' : 'behind',
      value: String(v.value),
      version: versionText(v, view.mode),
      label: `${name} holds ${K} = ${v.value} (${versionText(v, view.mode)}, written via S${v.node})${current ? ', the newest version' : ', behind the newest version'}`,
    };
  });
  return { cells, converged: fingerprints.size <= 1 };
}
