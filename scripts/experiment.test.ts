/**
 * The experiment CLI end to end: one JSON document on stdout, logs on stderr, and a bad flag or
 * value exits 2 with a message naming it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDEN_CASES, presetRaw } from '../src/sim/golden';
import { shareHash } from '../src/widget/share';

const run = (...args: string[]) => runWithInput(undefined, ...args);
const runWithInput = (input: string | undefined, ...args: string[]) =>
  spawnSync('npx', ['tsx', 'scripts/experiment.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    ...(input !== undefined && { input }),
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

describe('npm run experiment -- --scenario', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dsp-replay-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  // A golden case: the CLI must print the fingerprint the Node and browser golden tests pin.
  const golden = GOLDEN_CASES.find((c) => c.model === 'raft')!;
  const scenario = presetRaw(golden.model, golden.preset);

  it('replays a scenario file and prints the golden fingerprint', () => {
    const path = file('run.json', JSON.stringify(scenario));
    const r = run('--scenario', path, '--until', String(golden.untilMs));
    expect(r.stderr).toMatch(/replayed raft to \d+ ms/);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { fingerprint: string; untilMs: number; metrics: object };
    expect(doc.fingerprint).toBe(golden.trace);
    expect(doc.untilMs).toBe(golden.untilMs);
    expect(Object.keys(doc.metrics).length).toBeGreaterThan(0);
  });

  it('takes a share link, its t= as the time, and stdin', () => {
    const link = `http://localhost/ds-playground/${shareHash(scenario, golden.untilMs)}`;
    const r = run('--scenario', link);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { fingerprint: string }).fingerprint).toBe(golden.trace);
    const s = runWithInput(
      JSON.stringify(scenario),
      '--scenario',
      '-',
      '--until',
      String(golden.untilMs),
    );
    expect(s.status).toBe(0);
    expect((JSON.parse(s.stdout) as { fingerprint: string }).fingerprint).toBe(golden.trace);
  });

  it('reads a preset link with overrides by the same rules as the app', () => {
    const r = run('--scenario', 'http://localhost/ds/#/play/raft?preset=split-vote&seed=9&t=3000');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { untilMs: number; scenario: { seed: number } };
    expect(doc.untilMs).toBe(3000);
    expect(doc.scenario.seed).toBe(9);
  });

  it.each([
    [
      'bad.json',
      '{ "model": "raft", "params": { "servers": 40 } }',
      'bad.json: params.servers: 40 is above the maximum 9',
    ],
    ['broken.json', '{ "model": ', 'broken.json: not valid JSON'],
    ['unknown.json', '{ "model": "paxos" }', 'unknown.json: model: "paxos" is not a known model'],
  ])('rejects %s with a message naming the file and the field', (name, text, message) => {
    const r = run('--scenario', file(name, text));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it.each([
    [['--scenario', '/no/such/file.json'], '--scenario: cannot read "/no/such/file.json" (ENOENT)'],
    [
      ['--scenario', '#/play/raft?preset=split-votes'],
      'the link: preset: "split-votes" is not a preset of raft',
    ],
    [
      ['--scenario', '#/play/raft?param-servers=40'],
      'the link: param-servers: 40 is above the maximum 9',
    ],
    [['--scenario', '-', '--until', '-3'], '--until: "-3" is not a whole number of ms'],
    [['--scenario', '-', '--nodes', '3'], '--nodes: not a flag of --scenario'],
    [['hashring-balance', '--scenario', '-'], 'give an experiment name or --scenario, not both'],
  ])('rejects %j', (args, message) => {
    const r = runWithInput('{}', ...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('app links and times the CLI refuses with a message and status 2', () => {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const cases: [string, string[], string][] = [
    [
      'an input action named toString',
      [
        '--scenario',
        `http://x/#/play/hashring?s=${b64({ model: 'hashring', inputs: [{ at: 0, action: 'toString' }] })}`,
      ],
      'inputs.0.action: "toString" is not an action',
    ],
    [
      'an input action named constructor',
      [
        '--scenario',
        `http://x/#/play/raft?s=${b64({ model: 'raft', inputs: [{ at: 0, action: 'constructor' }] })}`,
      ],
      'inputs.0.action',
    ],
    [
      'a malformed % escape',
      ['--scenario', 'http://x/#/play/%E0%A4%A?preset=basic'],
      'escape that is not valid',
    ],
    ['an empty t=', ['--scenario', 'http://x/#/play/hashring?t='], 't: "" is not a whole number'],
    [
      '--until 0x10',
      ['--scenario', 'http://x/#/play/hashring', '--until', '0x10'],
      '--until: "0x10"',
    ],
  ];
  for (const [name, args, message] of cases)
    it(name, () => {
      const r = run(...args);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.status).toBe(2);
    });
});
