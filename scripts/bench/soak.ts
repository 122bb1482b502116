/**
 * Soak: each playground plays at max speed for a long stretch of wall time (5 minutes each by
 * default, DSP_SOAK_S to change it) with its heaviest preset, as a widget left open in a docs tab
 * would, and reports the simulation worker's and the page's JS heap (after a forced GC) at the
 * start, after the first minute and at the end. Targets (#18): the worker ends under 300 MB and
 * neither grows more than 10% after the first minute. DSP_SOAK_MODELS=raft soaks one playground.
 */
import type { Browser, CDPSession, Page } from '@playwright/test';
import { MODEL_IDS } from '../../src/sim/modelList';
import { stampedePresets } from '../../src/sim/models/stampede/meta';
import { BASE, startServer, withBrowser } from './browser';

export interface SoakMeasurement {
  model: string;
  hash: string;
  seconds: number;
  /** Virtual seconds simulated. */
  virtualS: number;
  workerMb: { start: number; minute: number; end: number };
  pageMb: { start: number; minute: number; end: number };
}

/** Growth under `growthFloorMb` is not counted: 0.2 MB on a 2 MB heap is noise, not a leak. */
export const SOAK_TARGETS = { workerEndMbMax: 300, growthAfterMinuteMax: 0.1, growthFloorMb: 2 };

/** Growth after the first minute, as a fraction; 0 when it is under the floor in MB. */
export const soakGrowth = (x: { minute: number; end: number }): number =>
  x.end - x.minute < SOAK_TARGETS.growthFloorMb ? 0 : x.end / Math.max(x.minute, 1e-9) - 1;

const SOAK_S = Number(process.env.DSP_SOAK_S ?? 300);
/** DSP_SOAK_MODELS=raft,cap soaks only those playgrounds (all of them when unset). */
const SOAK_MODELS = (process.env.DSP_SOAK_MODELS ?? '')
  .split(',')
  .map((m) => m.trim())
  .filter(Boolean);

const heaviestStampede = [...stampedePresets].sort(
  (a, b) => Number(b.params?.rate ?? 0) - Number(a.params?.rate ?? 0),
)[0]!;
/** The heaviest scenario of each playground (the default preset when none is heavier). */
const HEAVIEST: Record<string, string> = {
  raft: '#/play/raft?preset=replication&param-servers=9&param-clientRateHz=10',
  cap: '#/play/cap?preset=ap-partition',
  stampede: `#/play/stampede?preset=${heaviestStampede.id}`,
  hashring: '#/play/hashring?preset=big',
};

/** A CDP channel to the page's simulation worker (its own target). */
async function workerChannel(browser: Browser) {
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'worker' && /worker/.test(t.url));
  if (!worker) throw new Error('no simulation worker found');
  const { sessionId } = await cdp.send('Target.attachToTarget', {
    targetId: worker.targetId,
    flatten: false,
  });
  let next = 1;
  const ask = <T>(method: string): Promise<T> =>
    new Promise((resolve) => {
      const id = next++;
      const on = (e: { sessionId?: string; message: string }) => {
        if (e.sessionId !== sessionId) return;
        const m = JSON.parse(e.message) as { id?: number; result: T };
        if (m.id !== id) return;
        cdp.off('Target.receivedMessageFromTarget', on);
        resolve(m.result);
      };
      cdp.on('Target.receivedMessageFromTarget', on);
      void cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method }),
      });
    });
  return { ask, detach: () => cdp.detach() };
}

async function heapMb(ask: <T>(method: string) => Promise<T>): Promise<number> {
  await ask('HeapProfiler.collectGarbage');
  const h = await ask<{ usedSize: number }>('Runtime.getHeapUsage');
  return h.usedSize / 2 ** 20;
}

async function soakOne(page: Page, model: string): Promise<SoakMeasurement> {
  const hash = HEAVIEST[model] ?? `#/play/${model}`;
  await page.goto('about:blank');
  await page.goto(`${BASE}${hash}`);
  await page.waitForSelector('.widget[data-state="paused"]', { timeout: 30_000 });
  await page.selectOption('.playback select', 'max');
  await page.click('.playback button[aria-label="Play"]');
  await page.waitForSelector('.widget[data-state="playing"]');
  const worker = await workerChannel(page.context().browser()!);
  const pageCdp: CDPSession = await page.context().newCDPSession(page);
  const pageAsk = <T>(method: string) => pageCdp.send(method as never) as Promise<T>;
  try {
    const t0 = Date.now();
    await page.waitForTimeout(5000);
    const start = { worker: await heapMb(worker.ask), page: await heapMb(pageAsk) };
    await page.waitForTimeout(Math.max(0, Math.min(60_000, SOAK_S * 1000) - (Date.now() - t0)));
    const minute = { worker: await heapMb(worker.ask), page: await heapMb(pageAsk) };
    await page.waitForTimeout(Math.max(0, SOAK_S * 1000 - (Date.now() - t0)));
    const end = { worker: await heapMb(worker.ask), page: await heapMb(pageAsk) };
    const virtualS = Number(await page.locator('.widget').first().getAttribute('data-t')) / 1000;
    return {
      model,
      hash,
      seconds: (Date.now() - t0) / 1000,
      virtualS,
      workerMb: { start: start.worker, minute: minute.worker, end: end.worker },
      pageMb: { start: start.page, minute: minute.page, end: end.page },
    };
  } finally {
    await worker.detach();
    await pageCdp.detach();
  }
}

/** Every playground in turn (or those DSP_SOAK_MODELS names); needs dist/. */
export async function soakBenches(): Promise<SoakMeasurement[]> {
  const unknown = SOAK_MODELS.filter((m) => !MODEL_IDS.includes(m));
  if (unknown.length)
    throw new Error(
      `DSP_SOAK_MODELS: no playground ${unknown.join(', ')}; there are ${MODEL_IDS.join(', ')}`,
    );
  const out: SoakMeasurement[] = [];
  const server = await startServer();
  try {
    await withBrowser(async (page) => {
      for (const model of MODEL_IDS) {
        if (SOAK_MODELS.length && !SOAK_MODELS.includes(model)) continue;
        process.stderr.write(`  ${model} at max speed for ${SOAK_S} s...\n`);
        out.push(await soakOne(page, model));
      }
    });
  } finally {
    server.kill();
  }
  return out;
}
