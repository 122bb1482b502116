/**
 * What the learner points at on a ring view (a node or a message, shared by the stage and the
 * space-time diagram), and what activating a node does: while a partition is drawn it moves the
 * node to side B or back, otherwise the model's `pick` (choose it for the toolbar).
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { StoreApi } from 'zustand';
import { toggleSideB, type PartitionDraft } from './draft';
import type { Focus } from './live';
import type { How } from './nodes';

export function useNodeFocus(ui: StoreApi<PartitionDraft>, pick: (id: number) => void) {
  const [hover, setHover] = useState<Focus>(null);
  const latestPick = useRef(pick);
  useLayoutEffect(() => {
    latestPick.current = pick;
  });
  const onNode = useCallback(
    (id: number, how: How) => {
      if (how === 'hover') setHover({ kind: 'node', id });
      else if (how === 'leave') setHover((h) => (h?.kind === 'node' && h.id === id ? null : h));
      else if (ui.getState().drafting) toggleSideB(ui, id);
      else latestPick.current(id);
    },
    [ui],
  );
  const onRecord = useCallback((record: number, how: How) => {
    setHover(record < 0 || how === 'leave' ? null : { kind: 'message', record, flight: -1 });
  }, []);
  return { hover, onNode, onRecord };
}
