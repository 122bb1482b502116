/**
 * Browser benchmarks in headless Chromium against the built app: frame timing and main-thread
 * long tasks while a model plays, and the JS a lesson page downloads.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../browser.mjs';

export interface PlayMeasurement {
  name: string;
  seconds: number;
  frames: number;
  frameMsP50: number;
  frameMsP95: number;
  frameMsMax: number;
  longTasks: number;
  longestTaskMs: number;
}

// Several checkouts can run benchmarks at once: DSP_BENCH_PORT moves the app's static server.
const PORT = Number(process.env.DSP_BENCH_PORT ?? 4179);
export const BASE = `http://127.0.0.1:${PORT}/bench/`;

export async function startServer(): Promise<ChildProcess> {
  const server = spawn(
    'node',
    [
      'scripts/serve-static.mjs',
      '--dir',
      process.env.DSP_BENCH_DIST ?? 'dist',
      '--prefix',
      '/bench/',
      '--port',
      String(PORT),
    ],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 50; i++) {
    try {
      const r = await fetch(BASE);
      if (r.ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error('static server did not start');
}

/**
 * Installs observers before any page script runs. tsx compiles this file with esbuild's keepNames,
 * which wraps functions inside page.evaluate callbacks in a `__name` helper the page lacks: shim it.
 */
const OBSERVE = `
  window.__name = window.__name || ((f) => f);
  window.__bench = { long: [], frames: [] };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__bench.long.push(e.duration); }).observe({ type: 'longtask', buffered: true });
`;

async function measurePlay(page: Page, seconds: number) {
  return page.evaluate(async (ms) => {
    const b = (window as unknown as { __bench: { long: number[] } }).__bench;
    b.long.length = 0;
    const frames: number[] = [];
    let last = performance.now();
    const end = last + ms;
    await new Promise<void>((resolve) => {
      const tick = (t: number) => {
        frames.push(t - last);
        last = t;
        if (t < end) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    return { frames, long: [...b.long] };
  }, seconds * 1000);
}

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

export async function playBench(
  page: Page,
  name: string,
  hash: string,
  opts: { speed?: string; seconds?: number; setup?: (p: Page) => Promise<void> } = {},
): Promise<PlayMeasurement> {
  await page.goto(`${BASE}${hash}`);
  await page.waitForSelector('.widget[data-state="paused"]', { timeout: 30_000 });
  await opts.setup?.(page);
  if (opts.speed) await page.selectOption('.playback select', opts.speed);
  await page.click('.playback button[aria-label="Play"]');
  await page.waitForTimeout(500);
  const seconds = opts.seconds ?? 5;
  const { frames, long } = await measurePlay(page, seconds);
  return {
    name,
    seconds,
    frames: frames.length,
    frameMsP50: quantile(frames, 0.5),
    frameMsP95: quantile(frames, 0.95),
    frameMsMax: Math.max(0, ...frames),
    longTasks: long.length,
    longestTaskMs: Math.max(0, ...long),
  };
}

/** Gzip bytes of every script a page loads (editor excluded by not opening it). */
/**
 * Gzip bytes of every script a page loads in a fresh context (nothing cached), split into the
 * main thread's and the simulation worker's (worker-* chunks). The editor is not opened.
 */
export async function pageJsBytes(
  page: Page,
  hash: string,
): Promise<{ files: number; gzipBytes: number; workerBytes: number }> {
  const context = await page.context().browser()!.newContext();
  const fresh = await context.newPage();
  const scripts = new Set<string>();
  fresh.on('response', (r) => {
    const u = r.url();
    if (new URL(u).pathname.endsWith('.js')) scripts.add(u);
  });
  await fresh.goto(`${BASE}${hash}`);
  await fresh.waitForSelector('.widget[data-state="paused"]', { timeout: 30_000 });
  await fresh.waitForLoadState('networkidle');
  await context.close();
  let gzipBytes = 0;
  let workerBytes = 0;
  for (const u of scripts) {
    const rel = new URL(u).pathname.replace(/^\/bench\//, '');
    const size = gzipSync(readFileSync(join('dist', rel)), { level: 9 }).length;
    if (/^worker-/.test(rel.split('/').pop() ?? '')) workerBytes += size;
    else gzipBytes += size;
  }
  return { files: scripts.size, gzipBytes, workerBytes };
}

export async function withBrowser<T>(fn: (page: Page) => Promise<T>): Promise<T> {
  const executablePath = (await findChromium()) ?? undefined;
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(OBSERVE);
    const page = await context.newPage();
    return await fn(page);
  } finally {
    await browser.close();
  }
}
