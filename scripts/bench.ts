/**
 * `npm run bench`: simulation throughput and experiment times in Node, then frame timing,
 * long tasks and page weight in headless Chromium against the built app, and a docs page with
 * 20 embedded widgets (scripts/bench/embed.ts), then the main thread's fps, long tasks and CPU
 * while playgrounds play and rest (scripts/bench/main-thread.ts), then a soak of every playground
 * at max speed (scripts/bench/soak.ts: 5 minutes each, DSP_SOAK_S). Prints a table, writes
 * bench/results/latest.json, and exits 1 naming every row that misses its target.
 *
 * Parts: `npm run bench -- node` (Node only), `-- validate` (each way in checking its worst
 * input, scripts/bench/validate.ts: 50 ms at most), `-- browser` (the browser part only), `-- embed`
 * (the embed page only), `-- main-thread` (the main-thread rows only, for a quiet machine),
 * `-- soak` (the soak only; DSP_SOAK_MODELS=raft,cap for some playgrounds only). The
 * flags may also be written `--node` and so on. Ports: DSP_BENCH_PORT, DSP_BENCH_EMBED_PORT.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { MODEL_IDS } from '../src/sim/modelList';
import type { Bench } from './bench/types';
import { embedBenches, type EmbedMeasurement } from './bench/embed';
import {
  pageJsBytes,
  playBench,
  startServer,
  withBrowser,
  type PlayMeasurement,
} from './bench/browser';
import { raftPlayBench } from './bench/raft-browser';
import { capPlayBench } from './bench/cap-browser';
import { mainThreadBenches, TARGETS, type MainThreadMeasurement } from './bench/main-thread';
import { SOAK_TARGETS, soakBenches, soakGrowth, type SoakMeasurement } from './bench/soak';
import { validateBenches } from './bench/validate';

interface Row {
  suite: string;
  name: string;
  value: number;
  unit: string;
  target?: string;
  meets?: boolean;
  note?: string;
}

async function nodeBenches(): Promise<Row[]> {
  const rows: Row[] = [];
  // Every model of the model list that has `scripts/bench/<id>.ts` exporting `<id>Benches`.
  for (const suite of MODEL_IDS) {
    const path = `./bench/${suite}.ts`;
    if (!existsSync(new URL(path, import.meta.url))) continue;
    const mod = (await import(path)) as Record<string, Bench[] | undefined>;
    for (const b of mod[`${suite}Benches`] ?? []) {
      process.stderr.write(`  ${suite}: ${b.name}...\n`);
      const r = b.run();
      rows.push({
        suite,
        name: b.name,
        value: r.value,
        unit: r.unit,
        ...(b.target && { target: b.target }),
        ...(b.meets && { meets: b.meets(r.value) }),
        ...(r.note && { note: r.note }),
      });
    }
  }
  return rows;
}

/** The two rows of a simulation playing in the browser: long tasks, and frame timing. */
function playRows(m: PlayMeasurement): Row[] {
  return [
    {
      suite: 'browser',
      name: `${m.name}: long tasks > 50 ms`,
      value: m.longTasks,
      unit: 'tasks',
      target: '0',
      meets: m.longTasks === 0,
      note: `longest ${m.longestTaskMs.toFixed(0)} ms`,
    },
    {
      suite: 'browser',
      name: `${m.name}: frame interval p95`,
      value: m.frameMsP95,
      unit: 'ms',
      note: `p50 ${m.frameMsP50.toFixed(1)} ms, max ${m.frameMsMax.toFixed(0)} ms, ${m.frames} frames`,
    },
  ];
}

/** Rows for one page of 20 embedded widgets (scripts/bench/embed.ts). */
function embedRows(m: EmbedMeasurement): Row[] {
  const suite = 'embed';
  const n = `${m.name}`;
  return [
    {
      suite,
      name: `${n}: long tasks while loading`,
      value: m.loadLongTasks,
      unit: 'tasks',
      note: `longest ${m.loadLongestMs.toFixed(0)} ms; ${m.started} of ${m.widgets} widgets started, ${m.workers} workers`,
    },
    {
      suite,
      name: `${n}: long tasks while the visible ones play`,
      value: m.playLongTasks,
      unit: 'tasks',
      note: `longest ${m.playLongestMs.toFixed(0)} ms; renderer CPU ${m.playingRendererPct.toFixed(0)}% of a core`,
    },
    { suite, name: `${n}: main-thread JS heap`, value: m.mainHeapMb, unit: 'MB' },
    {
      suite,
      name: `${n}: renderer memory (PSS, workers included)`,
      value: m.rendererPssMb,
      unit: 'MB',
    },
    {
      suite,
      name: `${n}: renderer private memory (USS, workers included)`,
      value: m.rendererPrivateMb,
      unit: 'MB',
    },
    {
      suite,
      name: `${n}: CPU with all scrolled out of sight`,
      value: m.offscreenRendererPct,
      unit: '% core',
      target: '<= 1%',
      meets: m.offscreenRendererPct <= 1,
      note: `main thread busy ${m.offscreenMainPct.toFixed(2)}%`,
    },
  ];
}

/** Rows for one main-thread window: fps, long tasks and CPU playing; CPU at rest. */
function mainThreadRows(m: MainThreadMeasurement): Row[] {
  const suite = 'main-thread';
  const longNote = `${m.longTasks} long tasks, longest ${m.longestTaskMs.toFixed(0)} ms`;
  if (m.reference)
    return [
      {
        suite,
        name: `${m.name}: frames per second`,
        value: m.fps ?? 0,
        unit: 'fps',
        note: `the most any page gets here; main-thread CPU ${m.cpuPct.toFixed(2)}%`,
      },
    ];
  if (!m.playing)
    return [
      {
        suite,
        name: `${m.name}: main-thread CPU`,
        value: m.cpuPct,
        unit: '% core',
        target: `< ${TARGETS.restingCpuPctMax}%`,
        meets: m.cpuPct < TARGETS.restingCpuPctMax,
        note: `${longNote}; over ${m.seconds.toFixed(1)} s`,
      },
    ];
  return [
    {
      suite,
      name: `${m.name}: frames per second`,
      value: m.fps ?? 0,
      unit: 'fps',
      target: `>= ${TARGETS.fpsMin}`,
      meets: (m.fps ?? 0) >= TARGETS.fpsMin,
      note: `over ${m.seconds.toFixed(1)} s`,
    },
    {
      suite,
      name: `${m.name}: long tasks > 50 ms`,
      value: m.longTasks,
      unit: 'tasks',
      target: String(TARGETS.longTasks),
      meets: m.longTasks <= TARGETS.longTasks,
      note: `longest ${m.longestTaskMs.toFixed(0)} ms`,
    },
    {
      suite,
      name: `${m.name}: main-thread CPU`,
      value: m.cpuPct,
      unit: '% core',
      target: `<= ${TARGETS.playingCpuPctMax}%`,
      meets: m.cpuPct <= TARGETS.playingCpuPctMax,
    },
  ];
}

/** Rows for one soaked playground: the worker's heap at the end, and growth after a minute. */
function soakRows(m: SoakMeasurement): Row[] {
  const suite = 'soak';
  const n = `${m.model} at max speed`;
  const growth = soakGrowth;
  const mb = (x: { start: number; minute: number; end: number }) =>
    `${x.start.toFixed(1)} / ${x.minute.toFixed(1)} / ${x.end.toFixed(1)} MB at 5 s / 1 min / end`;
  return [
    {
      suite,
      name: `${n}: worker heap at the end`,
      value: m.workerMb.end,
      unit: 'MB',
      target: `< ${SOAK_TARGETS.workerEndMbMax} MB`,
      meets: m.workerMb.end < SOAK_TARGETS.workerEndMbMax,
      note: `${m.seconds.toFixed(0)} s wall, ${m.virtualS.toFixed(0)} s simulated; ${mb(m.workerMb)}`,
    },
    {
      suite,
      name: `${n}: worker heap growth after the first minute (over ${SOAK_TARGETS.growthFloorMb} MB)`,
      value: growth(m.workerMb) * 100,
      unit: '%',
      target: `< ${SOAK_TARGETS.growthAfterMinuteMax * 100}%`,
      meets: growth(m.workerMb) < SOAK_TARGETS.growthAfterMinuteMax,
    },
    {
      suite,
      name: `${n}: page heap growth after the first minute (over ${SOAK_TARGETS.growthFloorMb} MB)`,
      value: growth(m.pageMb) * 100,
      unit: '%',
      target: `< ${SOAK_TARGETS.growthAfterMinuteMax * 100}%`,
      meets: growth(m.pageMb) < SOAK_TARGETS.growthAfterMinuteMax,
      note: mb(m.pageMb),
    },
  ];
}

async function browserBenches(): Promise<{ rows: Row[]; play: PlayMeasurement[] }> {
  if (!existsSync('dist/index.html')) {
    process.stderr.write('  (no dist/: run `npm run build` first; skipping browser benchmarks)\n');
    return { rows: [], play: [] };
  }
  const embed = existsSync('dist/embed/ds-playground.js') ? await embedBenches() : [];
  if (!embed.length) process.stderr.write('  (no dist/embed/: skipping the embed benchmark)\n');
  const server = await startServer();
  try {
    return await withBrowser(async (page) => {
      const rows: Row[] = [];
      const play: PlayMeasurement[] = [];
      const m = await playBench(
        page,
        'hashring 100,000 keys playing',
        '#/play/hashring?preset=big',
        { speed: '10', seconds: 6 },
      );
      play.push(m);
      rows.push(...playRows(m));
      const r = await raftPlayBench(page);
      play.push(r);
      rows.push(...playRows(r));
      const c = await capPlayBench(page);
      play.push(c);
      rows.push(...playRows(c));
      const js = await pageJsBytes(page, '#/lesson/hashring-ring');
      rows.push({
        suite: 'browser',
        name: 'lesson page initial JS, main thread (gzip)',
        value: js.gzipBytes / 1024,
        unit: 'kB',
        target: '<= 150 kB',
        meets: js.gzipBytes <= 150 * 1024,
        note: `${js.files} files; the simulation worker loads ${(js.workerBytes / 1024).toFixed(1)} kB more, off the main thread`,
      });
      for (const m of embed) rows.push(...embedRows(m));
      return { rows, play };
    });
  } finally {
    server.kill();
  }
}

const fmt = (v: number): string =>
  Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-US') : v.toFixed(v < 10 ? 2 : 1);

const hasDist = (): boolean => {
  if (existsSync(`${process.env.DSP_BENCH_DIST ?? 'dist'}/index.html`)) return true;
  process.stderr.write('  (no dist/: run `npm run build` first; skipping browser benchmarks)\n');
  return false;
};

async function main() {
  const parts = new Set(process.argv.slice(2).map((a) => a.replace(/^--/, '')));
  const known = ['node', 'validate', 'browser', 'embed', 'main-thread', 'soak'];
  const unknown = [...parts].filter((p) => !known.includes(p));
  if (unknown.length) {
    console.error(`unknown part ${unknown.join(', ')}; parts: ${known.join(', ')}`);
    process.exit(2);
  }
  const all = parts.size === 0;
  const loadBefore = loadavg()[0]!;
  let rows: Row[] = [];
  let play: PlayMeasurement[] = [];
  let mainThread: MainThreadMeasurement[] = [];
  if (all || parts.has('node')) {
    process.stderr.write('Node benchmarks\n');
    rows = await nodeBenches();
  }
  if (all || parts.has('validate')) {
    process.stderr.write('Validation of the worst input at each way in\n');
    for (const b of await validateBenches()) {
      process.stderr.write(`  ${b.name}...\n`);
      const r = b.run();
      rows.push({
        suite: 'validate',
        name: b.name.replace(/^validate: /, ''),
        value: r.value,
        unit: r.unit,
        ...(b.target && { target: b.target }),
        ...(b.meets && { meets: b.meets(r.value) }),
        ...(r.note && { note: r.note }),
      });
    }
  }
  if (parts.has('embed') && !parts.has('browser')) {
    process.stderr.write('Embed benchmark\n');
    for (const m of await embedBenches()) rows.push(...embedRows(m));
  }
  if (all || parts.has('browser')) {
    process.stderr.write('Browser benchmarks\n');
    const b = await browserBenches();
    rows.push(...b.rows);
    play = b.play;
  }
  if ((all || parts.has('browser') || parts.has('main-thread')) && hasDist()) {
    process.stderr.write('Main thread while playing and at rest\n');
    mainThread = await mainThreadBenches(existsSync('dist/embed/ds-playground.js'));
    rows.push(...mainThread.flatMap(mainThreadRows));
  }
  let soak: SoakMeasurement[] = [];
  if ((all || parts.has('soak')) && hasDist()) {
    process.stderr.write('Soak: each playground at max speed (DSP_SOAK_S seconds each)\n');
    soak = await soakBenches();
    rows.push(...soak.flatMap(soakRows));
  }
  const w = Math.max(...rows.map((r) => `${r.suite}  ${r.name}`.length), 20);
  console.log(`\n${'benchmark'.padEnd(w)}  ${'value'.padStart(14)}  target`);
  for (const r of rows) {
    const mark = r.meets === undefined ? '   ' : r.meets ? ' ok' : ' !!';
    console.log(
      `${`${r.suite}  ${r.name}`.padEnd(w)}  ${`${fmt(r.value)} ${r.unit}`.padStart(14)}  ${r.target ?? ''}${mark}${r.note ? `  (${r.note})` : ''}`,
    );
  }
  // Timings on a shared machine measure the neighbours too: say how busy it was.
  const load = { before: loadBefore, after: loadavg()[0]! };
  console.log(
    `\nload average (1 min) ${load.before.toFixed(1)} before, ${load.after.toFixed(1)} after, on ${cpus().length} cores` +
      (Math.max(load.before, load.after) > cpus().length / 2
        ? ': a busy machine, the browser rows are not to be trusted'
        : ''),
  );
  mkdirSync('bench/results', { recursive: true });
  const out = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    load,
    rows,
    play,
    mainThread,
    soak,
  };
  writeFileSync('bench/results/latest.json', JSON.stringify(out, null, 2));
  console.log('\nwrote bench/results/latest.json');
  const missed = rows.filter((r) => r.meets === false);
  if (missed.length) {
    console.error(`\n${missed.length} row(s) missed the target:`);
    for (const r of missed)
      console.error(
        `  ${r.suite}  ${r.name}: ${fmt(r.value)} ${r.unit}, target ${r.target ?? '?'}`,
      );
    process.exitCode = 1;
  }
}

await main();
