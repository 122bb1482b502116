import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand';
import {
  attachedOnB,
  cancelDraft,
  draftGroups,
  IDLE_DRAFT,
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
