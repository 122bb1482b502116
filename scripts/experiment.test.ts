/**
 * The experiment CLI end to end: one JSON document on stdout, logs on stderr, and a bad flag or
 * value exits 2 with a message naming it.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) =>
  spawnSync('npx', ['tsx', 'scripts/experiment.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });

describe('npm run experiment', () => {
  it('prints one JSON document with the result fields at the top level', () => {
    const r = run(
      'hashring-balance',
      '--nodes',
      '10',
      '--vnodes',
      '50',
      '--keys',
      '20000',
      '--seed',
      '3',
    );
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      cv: number;
      loads: number[];
      maxOverMean: number;
      params: { nodes: number };
    };
    expect(doc.loads).toHaveLength(10);
    expect(doc.loads.reduce((a, b) => a + b, 0)).toBe(20000);
    expect(doc.cv).toBeGreaterThan(0);
    expect(doc.params.nodes).toBe(10);
    expect(r.stderr).toMatch(/done in/);
  });

  it('is deterministic for the same flags', () => {
    const a = run('hashring-rebalance', '--op', 'add', '--keys', '5000');
    const b = run('hashring-rebalance', '--op', 'add', '--keys', '5000');
    expect(a.stdout).toBe(b.stdout);
  });

  it('prints CSV with --format csv', () => {
    const r = run('hashring-balance', '--nodes', '4', '--keys', '1000', '--format', 'csv');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/node/);
  });

  it('lists experiments and their params', () => {
    const r = run('--list', '--format', 'json');
    const list = JSON.parse(r.stdout) as { name: string; params: { name: string }[] }[];
    expect(list.map((e) => e.name)).toEqual(
      expect.arrayContaining(['hashring-balance', 'raft-election', 'stampede', 'cap-partition']),
    );
  });

  it.each([
    [['hashring-balance', '--nodes', '0'], '--nodes: 0 is below the minimum 1'],
    [['hashring-balance', '--vnodes', 'many'], '--vnodes: expected a number, got "many"'],
    [['hashring-balance', '--bogus', '1'], '--bogus: unknown parameter of hashring-balance'],
    [['hashring-balance', '--hash', 'md5'], '--hash: "md5" is not one of xxhash32, murmur3, fnv1a'],
    [['no-such-experiment'], '"no-such-experiment" is not an experiment'],
    [['hashring-balance', '--format', 'xml'], '--format: "xml" is not one of json, csv'],
  ])('rejects %j with a message naming it', (args, message) => {
    const r = run(...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });
});
