/**
 * The main thread while playgrounds play and rest (issue #11's targets), in headless Chromium
 * against the built app. For a window of wall time it counts animation frames (fps), long tasks
 * (PerformanceObserver 'longtask', > 50 ms) and the main thread's busy time (CDP
 * Performance.getMetrics TaskDuration delta over the window, as % of one core).
 *
 * Rows: Raft (9 servers, 1x, a client request every 100 ms), CAP (workload on, 1x) and stampede
 * at its heaviest preset (1x) while playing; every model of the model list paused; and an embed
 * page with 20 widgets at rest. Workers are not counted: the simulation is meant to be there.
 */
import type { Page } from '@playwright/test';
import { MODEL_IDS } from '../../src/sim/modelList';
import { stampedePresets } from '../../src/sim/models/stampede/meta';
import { BASE, startServer, withBrowser } from './browser';
import { EMBED_HOST, startEmbedServers } from './embed';

export interface MainThreadMeasurement {
  name: string;
  playing: boolean;
  /** An empty page: what the browser gives at best here, with no target of its own. */
  reference?: boolean;
  seconds: number;
  /** Animation frames per second over the window (not counted while paused). */
  fps?: number;
  longTasks: number;
  longestTaskMs: number;
  /** Main-thread busy time over the window, % of one core. */
  cpuPct: number;
}

/** What the targets ask: 60 fps within a tolerance, no long task, a third of a core at most. */
export const TARGETS = { fpsMin: 55, longTasks: 0, playingCpuPctMax: 30, restingCpuPctMax: 1 };

const WINDOW_S = Number(process.env.DSP_BENCH_WINDOW_S ?? 10);

/** The heaviest stampede preset: the most requests a second. */
const heaviestStampede = [...stampedePresets].sort(
  (a, b) => Number(b.params?.rate ?? 0) - Number(a.params?.rate ?? 0),
)[0]!;

const PLAYING: { model: string; name: string; hash: string }[] = [
  {
    model: 'raft',
    name: 'raft 9 servers, 1x, a client request every 100 ms',
    hash: '#/play/raft?preset=replication&param-servers=9&param-clientRateHz=10',
  },
  {
    model: 'cap',
    name: 'cap ap-partition, workload on, 1x',
    hash: '#/play/cap?preset=ap-partition',
  },
  {
    model: 'stampede',
    name: `stampede ${heaviestStampede.id} (heaviest preset), 1x`,
    hash: `#/play/stampede?preset=${heaviestStampede.id}`,
  },
  {
    model: 'traffic',
    name: 'traffic at 10,000 req/s on 16 instances, 1x',
    hash: '#/play/traffic?param-rateRps=10000&param-instances=16&param-concurrency=8&param-serviceMs=8',
  },
];

/** Frames, long tasks and main-thread busy time over `seconds` of wall time. */
async function measureWindow(
  page: Page,
  name: string,
  playing: boolean,
  seconds: number,
): Promise<MainThreadMeasurement> {
  // withBrowser's init script collects long tasks from the start: forget what loading cost.
  await page.evaluate(() => {
    const b = (window as unknown as { __bench?: { long: number[] } }).__bench;
    if (b) b.long.length = 0;
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  };
  const busy0 = await taskSeconds();
  const t0 = Date.now();
  // Paused pages get no rAF loop of ours: it would itself keep the main thread drawing frames.
  const frames = await page.evaluate(
    async ({ ms, count }) => {
      if (!count) {
        await new Promise((r) => setTimeout(r, ms));
        return 0;
      }
      let n = 0;
      const end = performance.now() + ms;
      await new Promise<void>((resolve) => {
        const tick = (t: number) => {
          n++;
          if (t < end) requestAnimationFrame(tick);
          else resolve();
        };
        requestAnimationFrame(tick);
      });
      return n;
    },
    { ms: seconds * 1000, count: playing },
  );
  const wallS = (Date.now() - t0) / 1000;
  const busy = (await taskSeconds()) - busy0;
  const long = await page.evaluate(
    () => (window as unknown as { __bench?: { long: number[] } }).__bench?.long ?? [],
  );
  await cdp.detach();
  return {
    name,
    playing,
    seconds: wallS,
    ...(playing && { fps: frames / wallS }),
    longTasks: long.length,
    longestTaskMs: Math.max(0, ...long),
    cpuPct: (busy / wallS) * 100,
  };
}

async function playground(page: Page, hash: string, play: boolean): Promise<void> {
  // A new document per row: a hash change alone would keep the previous row's page alive.
  await page.goto('about:blank');
  await page.goto(`${BASE}${hash}`);
  await page.waitForSelector('.widget[data-state="paused"]', { timeout: 30_000 });
  if (play) {
    await page.selectOption('.playback select', '1');
    await page.click('.playback button[aria-label="Play"]');
    await page.waitForSelector('.widget[data-state="playing"]');
  }
  // Past the first layout and the first burst of messages.
  await page.waitForTimeout(1500);
}

/** A page of 20 embedded widgets, all loaded (eager), none playing. */
async function embedAtRest(page: Page): Promise<MainThreadMeasurement> {
  await page.goto(`${EMBED_HOST}many.html?n=20&loading=eager`);
  const t0 = Date.now();
  for (;;) {
    const s = await page.evaluate(() =>
      [...document.querySelectorAll('ds-playground')].map(
        (e) => (e as HTMLElement & { status: string }).status,
      ),
    );
    if (s.length === 20 && s.every((x) => x === 'paused')) break;
    if (Date.now() - t0 > 60_000) throw new Error(`embed widgets did not settle (${s.join(' ')})`);
    await page.waitForTimeout(200);
  }
  await page.waitForTimeout(2000);
  return measureWindow(page, 'embed page, 20 widgets at rest', false, WINDOW_S);
}

/** Measures every row once; needs dist/ (and dist/embed/ for the embed row). */
export async function mainThreadBenches(withEmbed: boolean): Promise<MainThreadMeasurement[]> {
  const out: MainThreadMeasurement[] = [];
  const server = await startServer();
  try {
    await withBrowser(async (page) => {
      // What this browser on this machine gives an empty page: the fps rows cannot beat it.
      await page.setContent('<!doctype html><title>blank</title>');
      out.push({ ...(await measureWindow(page, 'blank page', true, WINDOW_S)), reference: true });
      for (const p of PLAYING) {
        process.stderr.write(`  ${p.name}...\n`);
        await playground(page, p.hash, true);
        out.push(await measureWindow(page, `${p.name}, playing`, true, WINDOW_S));
      }
      for (const model of MODEL_IDS) {
        const hash = PLAYING.find((p) => p.model === model)?.hash ?? `#/play/${model}`;
        process.stderr.write(`  ${model} paused...\n`);
        await playground(page, hash, false);
        out.push(await measureWindow(page, `${model} playground, paused`, false, WINDOW_S));
      }
    });
  } finally {
    server.kill();
  }
  if (withEmbed) {
    process.stderr.write('  embed page, 20 widgets at rest...\n');
    const servers = await startEmbedServers();
    try {
      out.push(await withBrowser(embedAtRest));
    } finally {
      for (const s of servers) s.kill();
    }
  }
  return out;
}
