/**
 * The partition being drawn, as a slice of a view's per-widget UI store: the toolbar
 * (PartitionControls) starts and applies it, the stage moves nodes to side B when clicked.
 * Plain data in the store; these functions change it.
 */
import type { StoreApi } from 'zustand';
import { groupOf } from './groups';

export interface PartitionDraft {
  drafting: boolean;
  /** Nodes on side B; every other node is on side A. */
  sideB: readonly number[];
  /** Attached nodes (clients) drawn on the other side from the node they hang off. */
  moved: readonly number[];
}

export const IDLE_DRAFT: PartitionDraft = { drafting: false, sideB: [], moved: [] };

const toggle = (xs: readonly number[], x: number): number[] =>
  xs.includes(x) ? xs.filter((y) => y !== x) : [...xs, x].sort((a, b) => a - b);

export const startDraft = (s: StoreApi<PartitionDraft>): void =>
  s.setState({ drafting: true, sideB: [], moved: [] });
export const cancelDraft = (s: StoreApi<PartitionDraft>): void =>
  s.setState({ drafting: false, sideB: [], moved: [] });
export const toggleSideB = (s: StoreApi<PartitionDraft>, id: number): void =>
  s.setState({ sideB: toggle(s.getState().sideB, id) });
export const toggleMoved = (s: StoreApi<PartitionDraft>, id: number): void =>
  s.setState({ moved: toggle(s.getState().moved, id) });

/** Is an attached node `c` (hanging off `home`) on side B in this draft? */
export const attachedOnB = (
  d: Pick<PartitionDraft, 'sideB' | 'moved'>,
  c: number,
  home: number,
): boolean => d.sideB.includes(home) !== d.moved.includes(c);

/**
 * The `partition` input's groups for a draft over `n` nodes (ids 0..n-1) plus attached nodes
 * (their node ids, the id the draft knows them by, and the node they hang off), or null when a
 * side would be empty.
 */
export function draftGroups(
  d: Pick<PartitionDraft, 'sideB' | 'moved'>,
  n: number,
  attached: readonly { id: number; node: number; home: number }[] = [],
): number[][] | null {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < n; i++) (d.sideB.includes(i) ? b : a).push(i);
  for (const c of attached) (attachedOnB(d, c.id, c.home) ? b : a).push(c.node);
  return a.length && b.length ? [a, b] : null;
}

/** The status line while a partition is drawn: how, and who is on side B so far. */
export const draftStatus = (
  sideB: readonly number[],
  nameOf: (id: number) => string,
  what = 'nodes',
): string =>
  `Drawing a partition: click ${what} to move them to side B (now ${sideB.length ? sideB.map(nameOf).join(', ') : 'empty'}), then “Cut the network”.`;

/** A partition in force, said: "Network partitioned: {S1, S2} and {S3, S4, S5}." */
export const partitionSentence = (
  groups: readonly (readonly number[])[],
  nameOf: (id: number) => string,
): string =>
  `Network partitioned: ${groups.map((g) => `{${g.map(nameOf).join(', ')}}`).join(' and ')}.`;

/**
 * Each node's group under a partition in force, or null when whole. Nodes named in no group form
 * one more group together (as the kernel's network has it), after the named ones.
 */
export function groupIndexes(
  groups: readonly (readonly number[])[] | null,
  n: number,
): number[] | null {
  if (!groups) return null;
  return Array.from({ length: n }, (_, id) => groupOf(groups, id));
}

/** A node's side letter ("A", "B", ...) from `groupIndexes`, "" when whole. */
export const sideLetter = (groupOf: readonly number[] | null, id: number): string =>
  groupOf ? String.fromCharCode(65 + groupOf[id]!) : '';
