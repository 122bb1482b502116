import { describe, expect, it } from 'vitest';
import { CapUiStore, clientOnB, draftGroups } from './draft';

const clients = [0, 1, 2, 3].map((id) => ({ id, node: 5 + id, home: id % 5 }));

describe('partition drafts', () => {
  it('take clients with their home replica unless moved across', () => {
    const s = new CapUiStore();
    s.startDraft();
    s.toggleReplica(0);
    s.toggleReplica(1);
    expect(draftGroups(s.get(), 5, clients)).toEqual([
      [2, 3, 4, 7, 8],
      [0, 1, 5, 6],
    ]);
    s.toggleClient(1);
    expect(clientOnB(s.get(), 1, 1)).toBe(false);
    expect(draftGroups(s.get(), 5, clients)).toEqual([
      [2, 3, 4, 6, 7, 8],
      [0, 1, 5],
    ]);
  });

  it('give no groups while a side is empty', () => {
    const s = new CapUiStore();
    s.startDraft();
    expect(draftGroups(s.get(), 5, clients)).toBeNull();
    s.cancelDraft();
    expect(s.get().drafting).toBe(false);
  });
});
