import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLoaded } from './check';
import { detectFormat, HistoryError, parseHistory } from './parse';

const file = (name: string): string =>
  readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');

describe('real-format histories give their expected verdicts', () => {
  const cases: [string, string, boolean][] = [
    ['etcd-ok.log', 'porcupine-etcd', true],
    ['etcd-bad.log', 'porcupine-etcd', false],
    ['kv-ok.txt', 'porcupine-kv', true],
    ['kv-bad.txt', 'porcupine-kv', false],
    ['register-bad.edn', 'jepsen-edn', false],
    ['append-ok.edn', 'jepsen-edn', true],
    ['append-bad.edn', 'jepsen-edn', false],
    // 40 writes of 0..4 at once, then a read, a cas and a read: the plain search cannot finish
    // (2^40 subsets); the reduced search decides it in a few hundred steps.
    ['etcd-repeated-ok.log', 'porcupine-etcd', true],
    ['etcd-repeated-bad.log', 'porcupine-etcd', false],
    ['model-bad.json', 'json', false],
  ];
  for (const [name, format, linearizable] of cases)
    it(`${name}: ${linearizable ? 'linearizable' : 'not linearizable'}`, () => {
      const text = file(name);
      expect(detectFormat(text)).toBe(format);
      const v = checkLoaded(parseHistory(text));
      expect(v.unknown).toBe(false);
      expect(v.linearizable).toBe(linearizable);
      expect(v.witnesses.length > 0).toBe(!linearizable);
    });

  it('names the read that breaks a history and the writes its sentence relies on', () => {
    const v = checkLoaded(parseHistory(file('model-bad.json')));
    expect(v.witnesses[0]).toMatchObject({
      id: 4,
      sentence: "P2 read 1 from key 0 after P1's write of 2 had completed",
      related: [2, 0],
    });
  });

  it('a read of a value only a failed cas would have written is caught (Jepsen: fail did not happen)', () => {
    const v = checkLoaded(parseHistory(file('register-bad.edn')));
    expect(v.witnesses.map((w) => w.id)).toEqual([10]);
    expect(v.witnesses[0]!.sentence).toMatch(
      /^No order .* P1's read of 3 from the register happen: by then the register held (2 or 4|4 or 2)$/,
    );
  });

  it('Porcupine etcd: a failed cas is a check that the value differed', () => {
    const ok = parseHistory(file('etcd-ok.log'));
    expect(ok.ops.filter((o) => o.casMissed).length).toBe(1);
    const L = (p: number, type: string, f: string, v: string) =>
      `INFO  jepsen.util - ${p}\t:${type}\t:${f}\t${v}`;
    const log = [
      L(0, 'invoke', 'write', '1'),
      L(0, 'ok', 'write', '1'),
      L(1, 'invoke', 'cas', '[1 2]'),
      L(1, 'fail', 'cas', '[1 2]'),
    ];
    expect(checkLoaded(parseHistory(log.join('\n'))).linearizable).toBe(false);
    // The same history in Jepsen's EDN: a failed op did not happen, and that is all it says.
    const edn = log.map((l) => {
      const [, p, type, f, v] = /- (\d+)\t:(\w+)\t:(\w+)\t(.*)/.exec(l)!;
      return `{:type :${type}, :f :${f}, :value ${v}, :process ${p}}`;
    });
    expect(checkLoaded(parseHistory(edn.join('\n'))).linearizable).toBe(true);
  });
});

describe('bad input names the line and the field', () => {
  const bad = (text: string, format?: Parameters<typeof parseHistory>[1]) => {
    try {
      parseHistory(text, format);
    } catch (e) {
      expect(e).toBeInstanceOf(HistoryError);
      return (e as Error).message;
    }
    throw new Error('parsed');
  };
  it('EDN', () => {
    expect(
      bad('{:type :invoke, :f :write, :value 1, :process 0}\n{:type :done, :f :write, :process 0}'),
    ).toBe('line 2: :type is :done; expected one of :invoke, :ok, :fail, :info');
    expect(bad('{:type :invoke, :f :frob, :process 0}')).toMatch(
      /^line 1: :f is :frob; expected one of :read/,
    );
    expect(bad('{:type :invoke, :f :read, :process "a"}')).toBe(
      'line 1: :process must be an integer, not a',
    );
    expect(bad('{:type :ok, :f :read, :value 1, :process 4}')).toBe(
      'line 1: process 4 completes an op it never invoked',
    );
    expect(bad('{:type :invoke, :f :cas, :value 3, :process 0}')).toBe(
      'line 1: a cas value must be [expected new]',
    );
    expect(bad('{:type :invoke, :f :read, :process 0\n')).toBe('line 1: "{" is not closed');
  });
  it('Porcupine etcd and JSON', () => {
    expect(bad('INFO  jepsen.util - 0\t:invoke\t:read\tnil\nhello', 'porcupine-etcd')).toMatch(
      /^line 2: not a Jepsen log line/,
    );
    expect(
      bad('[{"type":"invoke","f":"read","process":0},{"type":"ok","f":"write","process":0}]'),
    ).toBe('line 1: process 0 completes a write, but invoked a read on line 0');
    expect(bad('[{"type":"invoke","f":"read","process":-0.5}]')).toBe(
      'entry 0: process must be an integer',
    );
    expect(bad('[1,')).toMatch(/^JSON: /);
  });
});
