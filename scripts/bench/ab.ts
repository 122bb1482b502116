/**
 * Main-thread CPU of one playing page in two builds, measured in turns (A, B, A, B, ...) so a
 * machine whose load drifts treats both alike. A tool for deciding whether a change helps, not a
 * benchmark: `npm run bench -- main-thread` measures against the targets.
 *
 *   npx tsx scripts/bench/ab.ts <distA> <distB> [hash] [rounds] [seconds]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../browser.mjs';

const [distA, distB] = [process.argv[2]!, process.argv[3]!];
const hash =
  process.argv[4] || '#/play/raft?preset=replication&param-servers=9&param-clientRateHz=10';
const rounds = Number(process.argv[5] ?? 3);
const seconds = Number(process.argv[6] ?? 8);
const port = Number(process.env.DSP_BENCH_PORT ?? 4179);

function serve(dir: string, p: number): ChildProcess {
  return spawn(
    'node',
    ['scripts/serve-static.mjs', '--dir', dir, '--prefix', '/bench/', '--port', String(p)],
    {
      stdio: 'ignore',
    },
  );
}

const servers = [serve(distA, port), serve(distB, port + 1)];
await new Promise((r) => setTimeout(r, 800));
const executablePath = (await findChromium()) ?? undefined;
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: CHROMIUM_ARGS,
});
const results: Record<'A' | 'B', number[]> = { A: [], B: [] };
const cpu: Record<'A' | 'B', number[]> = { A: [], B: [] };
const browserCdp = await browser.newBrowserCDPSession();
/**
 * CPU time (s) the renderers' main threads have used: /proc's utime + stime of each renderer's
 * first thread (CrRendererMain). CPU time, not wall time, so other load on the machine
 * stretches it far less than the TaskDuration metric.
 */
async function rendererMainCpuS(): Promise<number> {
  const info = (await browserCdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; id: number }[];
  };
  let ticks = 0;
  for (const p of info.processInfo.filter((x) => x.type === 'renderer')) {
    try {
      const f = readFileSync(`/proc/${p.id}/task/${p.id}/stat`, 'utf8');
      const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
      ticks += Number(rest[11]) + Number(rest[12]);
    } catch {
      // gone
    }
  }
  return ticks / 100;
}
try {
  for (let round = 0; round < rounds; round++) {
    for (const [name, p] of [
      ['A', port],
      ['B', port + 1],
    ] as const) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`http://127.0.0.1:${p}/bench/${hash}`);
      await page.waitForSelector('.widget[data-state="paused"]', { timeout: 90_000 });
      await page.selectOption('.playback select', '1');
      await page.click('.playback button[aria-label="Play"]');
      await page.mouse.move(0, 0);
      await page.waitForTimeout(1500);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const task = async () =>
        (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')
          ?.value ?? 0;
      const t0 = await task();
      const c0 = await rendererMainCpuS();
      const w0 = Date.now();
      await page.waitForTimeout(seconds * 1000);
      const wall = (Date.now() - w0) / 1000;
      const pct = (100 * ((await task()) - t0)) / wall;
      const cpuPct = (100 * ((await rendererMainCpuS()) - c0)) / wall;
      results[name].push(pct);
      cpu[name].push(cpuPct);
      console.log(
        `round ${round + 1} ${name}: TaskDuration ${pct.toFixed(1)}%, main-thread CPU ${cpuPct.toFixed(1)}%`,
      );
      await page.close();
    }
  }
} finally {
  await browser.close();
  for (const s of servers) s.kill();
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(
  `median TaskDuration A ${med(results.A).toFixed(1)}%  B ${med(results.B).toFixed(1)}%; ` +
    `main-thread CPU A ${med(cpu.A).toFixed(1)}%  B ${med(cpu.B).toFixed(1)}%`,
);
