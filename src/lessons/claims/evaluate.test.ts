import { describe, expect, it } from 'vitest';
import { claim, defineClaims, percent } from './define';
import { describeFailures, evaluateClaims } from './evaluate';

const LESSON = `---
title: t
---

::widget{#w preset=basic param-strategy=modulo param-keys=4000}

Adding a node moves :claim[80%]{#moved} of the keys.
And :claim[something]{#missing}.
`;

const moved = claim({
  says: 'about 80% move',
  measure: async (ctx) =>
    (await ctx.run('w', [{ at: 100, action: 'addNode' }], 200)).sim.metrics().movedFraction!,
  holds: (x) => Math.abs(x - 0.8) < 0.02,
  show: percent(0),
});

describe('evaluateClaims', () => {
  it('replays the widget with the actions and names the lesson, line and value of a failure', async () => {
    const claims = defineClaims({
      moved: { ...moved, holds: (x: number) => x < 0.5 },
      unused: claim({ says: 'never marked', measure: () => 1, holds: () => true }),
    });
    const r = await evaluateClaims('l', LESSON, claims, 'hashring');
    expect(describeFailures('l', r)).toEqual([
      'content/l.md:7 claim #moved "about 80% move": does not hold: measured 0.7955',
      'content/l.md:8 claim #missing "": no check "missing" in l.claims.ts',
      'content/l.md:0 claim #unused "never marked": the check is not marked in the text (add :claim[...]{#unused})',
    ]);
  });

  it('passes a holding claim, and asks for the text to be updated when it shows another value', async () => {
    const ok = await evaluateClaims('l', LESSON.replace(/And.*\n/, ''), { moved }, 'hashring');
    expect(describeFailures('l', ok)).toEqual([]);
    expect(ok[0]!.shown).toBe('80%');
    const stale = LESSON.replace(':claim[80%]', ':claim[75%]').replace(/And.*\n/, '');
    expect(describeFailures('l', await evaluateClaims('l', stale, { moved }, 'hashring'))).toEqual([
      'content/l.md:7 claim #moved "about 80% move": holds, but the text says "75%" where the check measured "80%": update the text',
    ]);
  });

  it('compares a label that wraps across lines as the page shows it, on one line', async () => {
    const percentOf = claim({ ...moved, show: (x: number) => `${Math.round(x * 100)} per cent` });
    const wrapped = LESSON.replace(':claim[80%]', ':claim[80\nper cent]').replace(/And.*\n/, '');
    const r = await evaluateClaims('l', wrapped, { moved: percentOf }, 'hashring');
    expect(describeFailures('l', r)).toEqual([]);
  });

  it('reads a changed seed on the widget, as the page does', async () => {
    const reseeded = LESSON.replace('param-keys=4000', 'param-keys=4000 seed=7');
    const r = await evaluateClaims('l', reseeded.replace(/And.*\n/, ''), { moved }, 'hashring');
    expect(r[0]!.measured).not.toBe(0.7955);
  });
});
