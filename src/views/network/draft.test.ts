import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand';
import {
  attachedOnB,
  cancelDraft,
  draftGroups,
  draftStatus,
  groupIndexes,
  IDLE_DRAFT,
  partitionSentence,
  sideLetter,
  startDraft,
  toggleMoved,
  toggleSideB,
} from './draft';

const clients = [0, 1, 2, 3].map((id) => ({ id, node: 5 + id, home: id % 5 }));
const store = () => createStore(() => ({ ...IDLE_DRAFT }));

describe('partition drafts', () => {
  it('take attached nodes with their home unless moved across', () => {
    const s = store();
    startDraft(s);
    toggleSideB(s, 0);
    toggleSideB(s, 1);
    expect(draftGroups(s.getState(), 5, clients)).toEqual([
      [2, 3, 4, 7, 8],
      [0, 1, 5, 6],
    ]);
    toggleMoved(s, 1);
    expect(attachedOnB(s.getState(), 1, 1)).toBe(false);
    expect(draftGroups(s.getState(), 5, clients)).toEqual([
      [2, 3, 4, 6, 7, 8],
      [0, 1, 5],
    ]);
  });

  it('give no groups while a side is empty', () => {
    const s = store();
    startDraft(s);
    expect(draftGroups(s.getState(), 5, clients)).toBeNull();
    cancelDraft(s);
    expect(s.getState().drafting).toBe(false);
  });

  it('ignore ids outside the cluster', () => {
    const d = (sideB: number[]) => ({ sideB, moved: [] });
    expect(draftGroups(d([0, 1]), 5)).toEqual([
      [2, 3, 4],
      [0, 1],
    ]);
    expect(draftGroups(d([]), 5)).toBeNull();
    expect(draftGroups(d([0, 1, 2]), 3)).toBeNull();
    expect(draftGroups(d([1, 7]), 3)).toEqual([[0, 2], [1]]);
  });
});

describe('partition texts and sides', () => {
  const name = (id: number) => `S${id + 1}`;

  it('say who is on side B while drawing, and the groups in force', () => {
    expect(draftStatus([], name)).toBe(
      'Drawing a partition: click nodes to move them to side B (now empty), then “Cut the network”.',
    );
    expect(draftStatus([0, 2], name, 'servers')).toContain('click servers to move them');
    expect(draftStatus([0, 2], name)).toContain('(now S1, S3)');
    expect(partitionSentence([[0, 1], [2]], name)).toBe('Network partitioned: {S1, S2} and {S3}.');
  });

  it('put nodes named in no group together in one more group, as the network does', () => {
    expect(groupIndexes(null, 3)).toBeNull();
    const g = groupIndexes([[2], [0]], 4);
    expect(g).toEqual([1, 2, 0, 2]);
    expect([0, 1, 2, 3].map((id) => sideLetter(g, id))).toEqual(['B', 'C', 'A', 'C']);
    expect(sideLetter(null, 1)).toBe('');
  });
});
