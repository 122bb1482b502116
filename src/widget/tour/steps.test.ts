import { describe, expect, it } from 'vitest';
import { parseSteps, parseUntil, stepsFromJson } from './stepSchema';
import { resolveArgs, resolveNodes } from './steps';

const raw = (attrs: Record<string, string>, text = 'A caption.') => ({
  attrs,
  caption: text,
  text,
});

describe('guided tour steps', () => {
  it('reads the three kinds of stop', () => {
    expect(parseUntil('event:leader')).toEqual({ kind: 'event', event: 'leader', nth: 1 });
    expect(parseUntil('event:vote*2')).toEqual({ kind: 'event', event: 'vote', nth: 2 });
    expect(parseUntil('t:500')).toEqual({ kind: 'time', atMs: 500 });
    expect(parseUntil('metric:term>=2')).toEqual({
      kind: 'metric',
      metric: 'term',
      op: '>=',
      value: 2,
    });
  });

  it('names the step and the field, and the limit', () => {
    const r = parseSteps([
      raw({ until: 'event:leader' }),
      raw({ until: 'when it is done' }),
      raw({ until: 'event:vote*5000' }),
      raw({ until: 't:5', highlight: 'S1' }),
      raw({ until: 't:5' }, ''),
    ]);
    expect(r.ok).toBe(false);
    const errors = !r.ok ? r.errors.map((e) => `${e.path}: ${e.message}`) : [];
    expect(errors[0]).toMatch(/^tour\.steps\.2\.until: "when it is done" is not a stop/);
    expect(errors[1]).toBe(
      'tour.steps.3.until: "event:vote*5000" counts 5000 events; the count is 1 to 1000',
    );
    expect(errors[2]).toMatch(/^tour\.steps\.4\.highlight: "S1": names a node/);
    expect(errors[3]).toMatch(/^tour\.steps\.5\.caption: needs at least 1 characters/);
    const unknown = parseSteps([raw({ until: 't:1', untill: 'x' })]);
    expect(!unknown.ok && unknown.errors[0]!.path).toBe('tour.steps.1.untill');
    const many = parseSteps(Array.from({ length: 31 }, () => raw({ until: 't:1' })));
    expect(!many.ok && many.errors[0]).toEqual({
      path: 'tour.steps',
      message: '31 items is above the maximum 30',
    });
  });

  it('keeps an action with its arguments and resolves leader against the frame', () => {
    const r = parseSteps([raw({ until: 'event:election', do: 'crash', 'arg-server': 'leader' })]);
    expect(r.ok && r.value[0]!.do).toEqual({ action: 'crash', args: { server: 'leader' } });
    const view = {
      servers: [
        { id: 0, role: 'follower' },
        { id: 1, role: 'leader' },
        { id: 2, role: 'candidate' },
      ],
    };
    expect(resolveArgs({ server: 'leader', on: 'true', n: '3' }, view)).toEqual({
      server: 1,
      on: true,
      n: 3,
    });
    expect(resolveNodes(['candidates', '0'], view)).toEqual([0, 2]);
  });
});

describe('steps against the widget model', () => {
  it('names an action or metric the model does not have, with the ones it has', async () => {
    const { checkStepsForModel } = await import('./steps');
    const info = {
      title: 'Raft consensus',
      actions: { crash: {}, restart: {} },
      metrics: [{ id: 'term' }, { id: 'leader' }],
    } as unknown as Parameters<typeof checkStepsForModel>[1];
    const r = parseSteps([
      raw({ until: 'metric:terms>=2' }),
      raw({ until: 't:5', do: 'explode' }),
      raw({ until: 'metric:term>=2', do: 'crash' }),
    ]);
    expect(r.ok).toBe(true);
    const errors = r.ok ? checkStepsForModel(r.value, info) : [];
    expect(errors).toEqual([
      {
        path: 'tour.steps.1.until',
        message: '"terms" is not a metric of Raft consensus (term, leader)',
      },
      {
        path: 'tour.steps.2.do',
        message: '"explode" is not an action of Raft consensus (crash, restart)',
      },
    ]);
  });
});

describe("the embed's tour attribute", () => {
  it('reads a JSON list of steps by the same rules, naming the attribute', () => {
    const ok = stepsFromJson(
      '[{"caption":"First candidate.","until":"event:election","highlight":"candidates"},' +
        '{"caption":"Crash.","until":"event:election","do":"crash","args":{"server":"leader"}}]',
    );
    expect(ok.ok && ok.value.map((s) => s.text)).toEqual(['First candidate.', 'Crash.']);
    expect(ok.ok && ok.value[1]!.do).toEqual({ action: 'crash', args: { server: 'leader' } });
    const errs = (raw: string) =>
      ((r) => (r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`)))(stepsFromJson(raw));
    expect(errs('{oops')[0]).toMatch(/^tour: is not JSON/);
    expect(errs('{}')).toEqual(['tour: is not a list of steps']);
    expect(errs('[{"caption":"x","until":"soon"}]')[0]).toMatch(/^tour\.steps\.1\.until: "soon"/);
    expect(errs('[{"until":"t:1"}]')[0]).toMatch(/^tour\.steps\.1\.caption: needs at least 1/);
  });
});
