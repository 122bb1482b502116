/**
 * The page's check of what the code lab's sandbox sends back: only the runner's protocol, with
 * lines within the learner's file and counts finite and bounded, each refusal naming the field.
 */
import { describe, expect, it } from 'vitest';
import { formatError } from '../../sim/core/errors';
import { COUNT_MAX, MESSAGE_CHARS_MAX, readFrameMessage, sandboxMessageReader } from './protocol';
import { framePolicy, frameDocument } from './frame';

const read = sandboxMessageReader(12);
const problems = (data: unknown): string[] => {
  const r = read(data);
  return r.ok ? [] : r.errors.map(formatError);
};

describe('the runner protocol', () => {
  it('accepts the runner’s own messages', () => {
    for (const m of [
      { type: 'beat' },
      { type: 'armed' },
      { type: 'progress', done: 3, total: 10 },
      { type: 'progress', done: 10, total: 10 },
      { type: 'done', result: { cv: 0.05, perNode: [1, 2] }, rows: [{ seed: 1, cv: 0.05 }] },
      { type: 'failed', kind: 'error', message: 'TypeError: x', line: 12 },
      { type: 'failed', kind: 'timeout', message: 'one call ran longer', line: 1 },
      { type: 'failed', kind: 'params', message: 'params.nodes: too big', line: null },
    ])
      expect(read(m), JSON.stringify(m)).toEqual({ ok: true, value: m });
  });

  it('refuses a line the learner’s file does not have, naming the field and the limit', () => {
    const failed = (line: unknown) => ({ type: 'failed', kind: 'error', message: 'x', line });
    expect(problems(failed(99999))).toEqual(['line: 99999 is above the maximum 12']);
    expect(problems(failed(13))).toEqual(['line: 13 is above the maximum 12']);
    expect(problems(failed(0))).toEqual(['line: 0 is below the minimum 1']);
    expect(problems(failed(-1))).toHaveLength(1);
    expect(problems(failed(2.5))).toEqual([expect.stringMatching(/^line: .*integer/)]);
    expect(problems(failed(Number.NaN))).toHaveLength(1);
    expect(problems(failed('3'))).toEqual(['line: expected a number, got "3"']);
    expect(problems(failed(undefined))).toHaveLength(1);
  });

  it('refuses counts that are not finite, negative, too large or past the total', () => {
    const progress = (done: unknown, total: unknown) => ({ type: 'progress', done, total });
    expect(problems(progress(Infinity, 10))).toHaveLength(1);
    expect(problems(progress(Number.NaN, 10))).toHaveLength(1);
    expect(problems(progress(1, -Infinity))).toHaveLength(1);
    expect(problems(progress(-1, 10))).toEqual(['done: -1 is below the minimum 0']);
    expect(problems(progress(1, COUNT_MAX + 1))).toEqual([
      `total: ${COUNT_MAX + 1} is above the maximum ${COUNT_MAX}`,
    ]);
    expect(problems(progress(11, 10))).toEqual(['done: is above total']);
  });

  it('refuses what is not the protocol: unknown types, extra fields, kinds, other shapes', () => {
    for (const m of [
      null,
      'done',
      42,
      [],
      {},
      { type: 'hello' },
      { type: 'done' },
      { type: 'done', result: 5, rows: [] },
      { type: 'done', result: {}, rows: [{ cv: {} }] },
      { type: 'done', result: {}, rows: 'all' },
      { type: 'beat', extra: 1 },
      { type: 'failed', kind: 'watchdog', message: 'x', line: null },
      { type: 'failed', kind: 'error', message: 7, line: null },
      { type: 'failed', kind: 'error', message: 'x'.repeat(MESSAGE_CHARS_MAX + 1), line: null },
    ])
      expect(read(m).ok, JSON.stringify(m)?.slice(0, 80)).toBe(false);
  });

  it('stays quick on a huge message', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ i }));
    const t = performance.now();
    expect(read({ type: 'done', result: {}, rows }).ok).toBe(false);
    expect(performance.now() - t).toBeLessThan(1000);
  });

  it('the frame may only say that its worker stopped', () => {
    expect(readFrameMessage({ type: 'crashed', message: 'boom' }).ok).toBe(true);
    expect(readFrameMessage({ type: 'done', result: {}, rows: [] }).ok).toBe(false);
    expect(readFrameMessage({ type: 'crashed', message: 'boom', line: 3 }).ok).toBe(false);
  });
});

describe('the sandbox frame', () => {
  it('forbids every connection and eval, and allows workers and scripts only from blob:', () => {
    const policy = framePolicy('n0nce');
    expect(policy).toMatch(/^default-src 'none';/);
    expect(policy).toContain("script-src 'nonce-n0nce' blob:;");
    expect(policy).toContain('worker-src blob:;');
    expect(policy).not.toMatch(/unsafe|https?:|\*|'self'|data:/);
    const doc = frameDocument('n0nce');
    // The policy comes before the one script, which carries the nonce.
    expect(doc.indexOf('Content-Security-Policy')).toBeLessThan(doc.indexOf('<script'));
    expect(doc.match(/<script/g)).toHaveLength(1);
    expect(doc).toContain('<script nonce="n0nce">');
  });
});
