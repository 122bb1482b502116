import { describe, expect, it } from 'vitest';
import { fateOf, linkMessages, type MessageRecord } from './records';
import { setTimerArc } from './nodes';
import { alongLink, distToSegment2, LABEL_WIDTH, progress, ringKeepOut, ringLayout } from './ring';

describe('ring layout', () => {
  it('places servers clockwise from the top, inside the box with room for labels', () => {
    for (const n of [3, 5, 9]) {
      const l = ringLayout(n, 420, 500);
      expect(l.spots).toHaveLength(n);
      expect(l.spots[0]!.y).toBeLessThan(l.cy);
      expect(Math.abs(l.spots[0]!.x - l.cx)).toBeLessThan(1e-9);
      // The second server is to the right of the first (clockwise).
      expect(l.spots[1]!.x).toBeGreaterThan(l.cx);
      for (const s of l.spots) {
        expect(s.x - 55).toBeGreaterThanOrEqual(0);
        expect(s.x + 55).toBeLessThanOrEqual(420);
        expect(s.y + l.r + 34).toBeLessThanOrEqual(500);
      }
    }
  });

  it('measures the room between labels on one line, so a small ring shortens them', () => {
    // Five servers: the bottom pair's labels share a line, 2R sin 36° apart.
    const small = ringLayout(5, 260, 230);
    const big = ringLayout(5, 560, 520);
    expect(small.labelRoom).toBeCloseTo(2 * small.Rx * Math.sin(Math.PI / 5), 6);
    expect(small.labelRoom).toBeLessThan(LABEL_WIDTH);
    expect(big.labelRoom).toBeGreaterThanOrEqual(LABEL_WIDTH);
    // Three servers: the two at the bottom share a line; nobody shares the top one's.
    const three = ringLayout(3, 560, 520);
    expect(three.labelRoom).toBeCloseTo(2 * three.Rx * Math.sin(Math.PI / 3), 6);
  });

  it('keeps every label inside the box and clear of the others, short and narrow stages too', () => {
    // Issue 13 bug 6: a short ring (a phone's is 340 x 200, Raft's at height 300 beside its
    // diagram 315 x 284) drew a circle as small as the height allowed, labels running together.
    const sizes = [
      [340, 200],
      [315, 284],
      [288, 300],
      [420, 500],
      [700, 480],
      [600, 230],
    ];
    const problems: string[] = [];
    for (const n of [3, 5, 7]) {
      // Seven nodes need more than 300 px across for their short labels.
      for (const [w, h] of (sizes as [number, number][]).filter(([w]) => n < 7 || w > 360)) {
        const l = ringLayout(n, w, h);
        // What the views do: short labels (84 px) when the full ones would touch.
        const labelW = l.labelRoom < LABEL_WIDTH ? 84 : LABEL_WIDTH;
        const boxes = ringKeepOut(l, labelW).filter((_, i) => i % 2 === 1);
        const where = `${n} nodes in ${w} x ${h}`;
        boxes.forEach((b, i) => {
          if (b.x0 < -0.5 || b.x1 > w + 0.5 || b.y0 < -0.5 || b.y1 > h + 0.5)
            problems.push(`${where}: label ${i} leaves the box`);
        });
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i]!;
            const b = boxes[j]!;
            const apart = a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0;
            if (!apart) problems.push(`${where}: labels ${i} and ${j} overlap`);
          }
      }
    }
    expect(problems).toEqual([]);
  });

  it('moves a message from the sender’s edge to the receiver’s edge', () => {
    const l = ringLayout(5, 400, 400);
    const a = l.spots[0]!;
    const b = l.spots[2]!;
    const start = alongLink(l, 0, 2, 0);
    const end = alongLink(l, 0, 2, 1);
    expect(Math.hypot(start.x - a.x, start.y - a.y)).toBeCloseTo(l.r + 4);
    expect(Math.hypot(end.x - b.x, end.y - b.y)).toBeCloseTo(l.r + 4);
    expect(progress(100, 120, 110)).toBe(0.5);
    expect(progress(100, 120, 90)).toBe(0);
    expect(progress(100, 120, 130)).toBe(1);
  });

  it('shows the fraction of a timer arc left as a dash, and nothing when it has run out', () => {
    const el = { style: { strokeDashoffset: '', visibility: '' } };
    const arc = (f: number) => {
      setTimerArc(el as unknown as SVGCircleElement, f);
      return [el.style.strokeDashoffset, el.style.visibility];
    };
    expect(arc(0.25)).toEqual(['0.7500', 'visible']);
    expect(arc(1.5)).toEqual(['0.0000', 'visible']);
    expect(arc(0)).toEqual(['1.0000', 'hidden']);
    expect(arc(-0.2)).toEqual(['1.0000', 'hidden']);
  });

  it('measures a point against a segment', () => {
    expect(distToSegment2(0, 5, -10, 0, 10, 0)).toBe(25);
    expect(distToSegment2(20, 0, -10, 0, 10, 0)).toBe(100);
  });
});

describe('message records', () => {
  const rec = (
    id: number,
    from: number,
    to: number,
    sentAt: number,
    deliverAt = -1,
  ): MessageRecord & { term: number } => ({
    id,
    from,
    to,
    type: 'AppendEntries',
    term: 1,
    label: 'AE t1 ♥',
    sentAt,
    deliverAt,
    droppedAt: -1,
  });
  const flight = (id: number, from: number, to: number, sentAt: number) => ({
    id,
    from,
    to,
    sentAt,
    deliverAt: sentAt + 15,
    type: 'AppendEntries',
    label: 'AE t1 ♥',
  });

  it('pairs history records with messages in flight, equal keys in send order', () => {
    const records = [
      rec(1, 0, 1, 100),
      rec(2, 0, 1, 100),
      rec(3, 0, 2, 100, 112),
      rec(4, 0, 3, 100),
    ];
    const links = linkMessages(records, [flight(71, 0, 1, 100), flight(70, 0, 1, 100)]);
    expect(links.flightOf.get(1)).toBe(70);
    expect(links.flightOf.get(2)).toBe(71);
    expect(links.recordOf.get(71)).toBe(2);
    expect(fateOf(records[0]!, links)).toBe('in flight');
    expect(fateOf(records[2]!, links)).toBe('delivered');
    // Sent, not delivered and not in flight: the network lost it.
    expect(fateOf(records[3]!, links)).toBe('lost');
  });
});
