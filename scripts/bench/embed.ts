/**
 * The embed benchmark: a docs page (scripts/embed-host.mjs) on one origin with 20
 * `<ds-playground>` widgets from a CORS "CDN" origin. Measures main-thread long tasks while the
 * page loads and while the visible widgets play, the main thread's JS heap and the renderer
 * processes' memory (workers included), and CPU once every widget is scrolled out of sight.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../browser.mjs';

// DSP_BENCH_EMBED_PORT moves the "CDN" origin; the docs page is on the port after it.
const CDN_PORT = Number(process.env.DSP_BENCH_EMBED_PORT ?? 14180);
const HOST_PORT = CDN_PORT + 1;
const CDN = `http://127.0.0.1:${CDN_PORT}/bench/`;
export const EMBED_HOST = `http://127.0.0.1:${HOST_PORT}/`;
const HOST = EMBED_HOST;

export interface EmbedMeasurement {
  name: string;
  widgets: number;
  /** Widgets that had started (booted a worker) by the end. */
  started: number;
  workers: number;
  loadLongTasks: number;
  loadLongestMs: number;
  playLongTasks: number;
  playLongestMs: number;
  /** Main thread's JS heap after load, MB. */
  mainHeapMb: number;
  /** Proportional set size of the page's renderer processes (page, iframes, workers), MB. */
  rendererPssMb: number;
  /**
   * Their private memory (USS: pages no other process maps), MB. PSS also charges a share of the
   * browser's code pages, which moves with whatever other Chromium runs on the machine.
   */
  rendererPrivateMb: number;
  /** Main-thread busy time with every widget out of sight, % of one core. */
  offscreenMainPct: number;
  /** CPU of the renderer processes (all threads, workers included) out of sight, % of one core. */
  offscreenRendererPct: number;
  /** The same while the visible widgets play, for comparison. */
  playingRendererPct: number;
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not start`);
}

/** The "CDN" serving dist/ with CORS, and the docs page that embeds from it. */
export async function startEmbedServers(): Promise<ChildProcess[]> {
  const cdn = spawn(
    'node',
    [
      'scripts/serve-static.mjs',
      '--dir',
      'dist',
      '--prefix',
      '/bench/',
      '--port',
      String(CDN_PORT),
      '--cors',
    ],
    { stdio: 'ignore' },
  );
  const host = spawn(
    'node',
    ['scripts/embed-host.mjs', '--port', String(HOST_PORT), '--cdn', CDN],
    {
      stdio: 'ignore',
    },
  );
  await waitFor(`${CDN}embed/ds-playground.js`);
  await waitFor(HOST);
  return [cdn, host];
}

interface Renderer {
  pid: number;
  ticks: number;
  pssKb: number;
  privateKb: number;
}

/** Renderer processes below the browser: CPU ticks, PSS and private memory. */
function renderers(browserPid: number): Renderer[] {
  const children = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      // gone
    }
  }
  const out: Renderer[] = [];
  const walk = (pid: number) => {
    for (const c of children.get(pid) ?? []) {
      try {
        const cmd = readFileSync(`/proc/${c}/cmdline`, 'utf8');
        if (cmd.includes('--type=renderer')) {
          const f = readFileSync(`/proc/${c}/stat`, 'utf8').slice(0).split(') ')[1]!.split(' ');
          const ticks = Number(f[11]) + Number(f[12]);
          const rollup = readFileSync(`/proc/${c}/smaps_rollup`, 'utf8');
          const kb = (field: string) =>
            Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(rollup)?.[1] ?? 0);
          out.push({
            pid: c,
            ticks,
            pssKb: kb('Pss'),
            privateKb: kb('Private_Clean') + kb('Private_Dirty'),
          });
        }
      } catch {
        // gone
      }
      walk(c);
    }
  };
  walk(browserPid);
  return out;
}

const TICKS_PER_S = 100; // USER_HZ on Linux

/** CPU of the renderers over `ms`, % of one core. */
async function rendererCpu(browserPid: number, ms: number): Promise<number> {
  const before = new Map(renderers(browserPid).map((r) => [r.pid, r.ticks]));
  await new Promise((r) => setTimeout(r, ms));
  let ticks = 0;
  for (const r of renderers(browserPid)) ticks += r.ticks - (before.get(r.pid) ?? r.ticks);
  return (ticks / TICKS_PER_S / (ms / 1000)) * 100;
}

async function mainMetrics(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
  };
  return { read, detach: () => cdp.detach() };
}

const OBSERVE = `
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask', buffered: true });
`;
const takeLong = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    const l = [...w.__long];
    w.__long.length = 0;
    return l;
  });
const states = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('ds-playground')].map(
      (e) => (e as HTMLElement & { status: string }).status,
    ),
  );

async function measure(
  page: Page,
  browserPid: number,
  name: string,
  query: string,
): Promise<EmbedMeasurement> {
  await page.goto(`${HOST}many.html?${query}`);
  // Loaded: every started widget is ready, and nothing new for a moment.
  const t0 = Date.now();
  for (;;) {
    const s = await states(page);
    const started = s.filter((x) => x !== 'idle');
    if (started.length && started.every((x) => x === 'paused' || x === 'playing')) break;
    if (Date.now() - t0 > 60_000)
      throw new Error(`${name}: widgets did not start (${s.join(' ')})`);
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(1000);
  const load = await takeLong(page);
  const m = await mainMetrics(page);
  const heap = (await m.read()).JSHeapUsedSize ?? 0;
  const procs = renderers(browserPid);
  const pssKb = procs.reduce((a, r) => a + r.pssKb, 0);
  const privateKb = procs.reduce((a, r) => a + r.privateKb, 0);
  // The visible widgets play (autoplay): long tasks and CPU while they do.
  await page.evaluate(() => {
    for (const e of document.querySelectorAll('ds-playground'))
      (e as HTMLElement & { play(): void }).play();
  });
  await page.waitForTimeout(500);
  await takeLong(page);
  const playingRendererPct = await rendererCpu(browserPid, 4000);
  const play = await takeLong(page);
  const s = await states(page);
  const started = s.filter((x) => x !== 'idle').length;
  const workers = page.workers().length;
  // Every widget out of sight: they pause; what is left running?
  await page.locator('#bottom').scrollIntoViewIfNeeded();
  await page.waitForTimeout(1500);
  const a = await m.read();
  const offscreenRendererPct = await rendererCpu(browserPid, 5000);
  const b = await m.read();
  await m.detach();
  const stillPlaying = (await states(page)).filter((x) => x === 'playing').length;
  if (stillPlaying) throw new Error(`${name}: ${stillPlaying} widgets kept playing out of sight`);
  return {
    name,
    widgets: s.length,
    started,
    workers,
    loadLongTasks: load.length,
    loadLongestMs: Math.max(0, ...load),
    playLongTasks: play.length,
    playLongestMs: Math.max(0, ...play),
    mainHeapMb: heap / 2 ** 20,
    rendererPssMb: pssKb / 1024,
    rendererPrivateMb: privateKb / 1024,
    offscreenMainPct: (((b.TaskDuration ?? 0) - (a.TaskDuration ?? 0)) / 5) * 100,
    offscreenRendererPct,
    playingRendererPct,
  };
}

/** Runs the embed page benchmarks; needs dist/ with the embed build. */
export async function embedBenches(): Promise<EmbedMeasurement[]> {
  const servers = await startEmbedServers();
  const executablePath = (await findChromium()) ?? undefined;
  const server = await chromium.launchServer({
    ...(executablePath ? { executablePath } : {}),
    args: CHROMIUM_ARGS,
  });
  try {
    const browser = await chromium.connect(server.wsEndpoint());
    const pid = server.process().pid!;
    const out: EmbedMeasurement[] = [];
    for (const [name, query] of [
      ['20 widgets, lazy (default), autoplay', 'n=20&autoplay'],
      ['20 widgets, eager, autoplay', 'n=20&autoplay&loading=eager'],
    ] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript(OBSERVE);
      const page = await context.newPage();
      out.push(await measure(page, pid, name, query));
      await context.close();
    }
    await browser.close();
    return out;
  } finally {
    await server.close();
    for (const s of servers) s.kill();
  }
}
