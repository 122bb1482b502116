/**
 * How long each way in takes to check its worst input (#18: no validation over 50 ms on inputs up
 * to 1 MB): share links, query values, routes, embed attributes, tours, lesson directives, the
 * editor's text, CLI flags, and the worker's zod check. Each row is the median of 7 runs after a
 * warm-up (the slowest in the note), in Node, with the page's own check modules (the hooks map
 * `virtual:catalog` to every model's description). `npm run bench -- validate`, or alone with
 * `npx tsx scripts/bench/validate.ts`.
 */
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Bench } from './types';

register('./validate/hooks.mjs', import.meta.url);

export const VALIDATE_TARGET_MS = 50;

const RUNS = 7;

function timed(fn: () => unknown): { medianMs: number; maxMs: number } {
  fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { medianMs: ms[RUNS >> 1]!, maxMs: ms[RUNS - 1]! };
}

/** The benchmarks, once the page's modules are loaded through the hooks. */
export async function validateBenches(): Promise<Bench[]> {
  const { scenarioFromQuery } = await import('../../src/app/pages/scenarioFromQuery');
  const { pageOf, parseHash } = await import('../../src/app/router');
  const { scenarioFromAttrs } = await import('../../src/widget/attrs');
  const { encodeScenario } = await import('../../src/widget/share');
  const { parseEmbedOptions } = await import('../../src/embed/options');
  const { stepsFromJson } = await import('../../src/widget/tour/stepSchema');
  const { actionOf } = await import('../../src/lessons/directives');
  const { modelInfo } = await import('../../src/widget/models');
  const { checkText } = await import('../../src/editor/scenario/checkText');
  const { formatScenario } = await import('../../src/editor/scenario/format');
  const { parseScenario } = await import('../../src/sim/core/scenario');
  const { catalog, modelIds } = await import('../../src/sim/catalog');
  const { planFrom, UsageError } = await import('../experiment');
  const h = await import('../../src/fuzz/hostile');

  const near = h.manyInputs('hashring', 'addNode', 10_000);
  const nearLink = encodeScenario(near as never);
  const hugeLink = encodeScenario(h.manyInputs('hashring', 'addNode', 100_000) as never);
  const deepLink = h.b64url(h.DEEP_LIST);
  const nearText = formatScenario(near as never);
  const hugeText = JSON.stringify(h.manyInputs('hashring', 'addNode', 100_000));
  const manyParams = new URLSearchParams(
    Array.from({ length: 100_000 }, (_, i) => [`param-p${i}`, '1'] as [string, string]),
  );
  const protoParams = new URLSearchParams(
    Array.from(
      { length: 20_000 },
      (_, i) => [`param-${h.PROTO_NAMES[i % 7]}${i}`, h.SPACES.slice(0, 40)] as [string, string],
    ),
  );
  const raft = modelInfo('raft');
  const cliFlags = Array.from({ length: 100_000 }, (_, i) => `--f${i}=1`);
  const cli = (argv: string[]) =>
    planFrom(argv, () => h.MEGABYTE).catch((e: unknown) => {
      if (!(e instanceof UsageError)) throw e;
    });

  const cases: [string, () => unknown][] = [
    ['share link: 10,000 inputs (410 kB), taken', () => scenarioFromAttrs({ s: nearLink })],
    ['share link: 100,000 inputs (3 MB), refused', () => scenarioFromAttrs({ s: hugeLink })],
    ['share link: nested 10,000 deep, refused', () => scenarioFromAttrs({ s: deepLink })],
    ['share link: 1 MB of garbage', () => scenarioFromAttrs({ s: h.MEGABYTE })],
    ['query: 100,000 param-* values', () => scenarioFromQuery('raft', manyParams)],
    ['query: 20,000 prototype-named params', () => scenarioFromQuery('raft', protoParams)],
    ['query: t= of 1 MB', () => scenarioFromQuery('raft', new URLSearchParams({ t: h.MEGABYTE }))],
    ['route: 1 MB hash of bad escapes', () => pageOf(parseHash(`#/play/${'%'.repeat(1 << 20)}`))],
    ['route: 100,000 parts', () => pageOf(parseHash(`#/${'a/'.repeat(100_000)}`))],
    ['embed: height "1" + 60,000 spaces', () => parseEmbedOptions({ height: h.SPACES })],
    ['embed: controls of 1 MB', () => parseEmbedOptions({ controls: h.SPACES.repeat(17) })],
    ['embed: scenario attribute of 10,000 inputs', () => scenarioFromAttrs({ scenario: nearLink })],
    ['embed: tour of 1 MB', () => stepsFromJson(h.MEGABYTE)],
    [
      'lesson: :action with a 1 MB argument',
      () => actionOf({ action: 'partition', 'arg-groups': h.MEGABYTE }, raft),
    ],
    ['editor: 10,000 inputs as text (450 kB), taken', () => checkText(nearText)],
    ['editor: 100,000 inputs (3 MB), refused', () => checkText(hugeText)],
    ['editor: nested 10,000 deep, refused', () => checkText(h.DEEP_OBJECT)],
    ['worker (zod): 10,000 inputs', () => parseScenario(near, catalog, modelIds())],
  ];
  const benches: Bench[] = cases.map(([name, fn]) => ({
    name: `validate: ${name}`,
    target: `<= ${VALIDATE_TARGET_MS} ms`,
    meets: (v) => v <= VALIDATE_TARGET_MS,
    run() {
      const { medianMs, maxMs } = timed(fn);
      return { value: medianMs, unit: 'ms', note: `slowest of ${RUNS}: ${maxMs.toFixed(1)} ms` };
    },
  }));
  // The CLI's reader is async (it loads the experiment's module); timed around its await.
  const cliCases: [string, string[]][] = [
    ['CLI: 100,000 flags', ['hashring-balance', ...cliFlags]],
    ['CLI: a 1 MB scenario file', ['--scenario', 'big.json']],
  ];
  for (const [name, argv] of cliCases) {
    await cli(argv);
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await cli(argv);
      ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    benches.push({
      name: `validate: ${name}`,
      target: `<= ${VALIDATE_TARGET_MS} ms`,
      meets: (v) => v <= VALIDATE_TARGET_MS,
      run: () => ({
        value: ms[RUNS >> 1]!,
        unit: 'ms',
        note: `slowest of ${RUNS}: ${ms[RUNS - 1]!.toFixed(1)} ms`,
      }),
    });
  }
  return benches;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let missed = 0;
  for (const b of await validateBenches()) {
    const r = b.run();
    const ok = b.meets?.(r.value) ?? true;
    if (!ok) missed++;
    console.log(
      `${b.name.padEnd(64)} ${r.value.toFixed(2).padStart(8)} ${r.unit}  ${ok ? 'ok' : '!!'}  (${r.note ?? ''})`,
    );
  }
  process.exitCode = missed ? 1 : 0;
}
