import { describe, expect, it } from 'vitest';
import { checkHistoryText } from './checkApi';

const clock = () => 0;

describe('the check page worker API', () => {
  it('answers a bad history with the parser message, not a throw', () => {
    const a = checkHistoryText('{:type :invoke, :f :frob, :process 0}', undefined, () => {}, clock);
    expect(a).toEqual({
      ok: false,
      error:
        'line 1: :f is :frob; expected one of :read, :get, :write, :put, :cas, :compare-and-set, :append',
    });
  });

  it('answers a good one with the ops, the verdict and progress per key', () => {
    const progress: [number, number][] = [];
    const text = [
      '{:type :invoke, :f :write, :value 1, :process 0, :key "a"}',
      '{:type :ok, :f :write, :value 1, :process 0, :key "a"}',
      '{:type :invoke, :f :read, :value nil, :process 1, :key "b"}',
      '{:type :ok, :f :read, :value 5, :process 1, :key "b"}',
    ].join('\n');
    const a = checkHistoryText(text, undefined, (d, t) => progress.push([d, t]), clock);
    expect(a.ok && a.verdict.keys.map((k) => [k.key, k.result])).toEqual([
      ['a', 'ok'],
      ['b', 'violation'],
    ]);
    expect(a.ok && a.ops.length).toBe(2);
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });
});
