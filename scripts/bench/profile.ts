/**
 * Where a playing page's main thread goes: a CPU profile (self time by function) and a trace
 * (time by event name) of a window while a playground plays, against the built app.
 *
 *   npx vite build && npx tsx scripts/bench/profile.ts '#/play/raft?preset=replication&param-servers=9&param-clientRateHz=10' [seconds]
 *
 * A tool for finding what to optimize, not a benchmark: `npm run bench -- main-thread` measures.
 */
import { BASE, startServer, withBrowser } from './browser';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string; beginData?: { dirtyObjects?: number; totalObjects?: number } };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const hash =
  process.argv[2] || '#/play/raft?preset=replication&param-servers=9&param-clientRateHz=10';
const seconds = Number(process.argv[3] ?? 5);

const server = await startServer();
try {
  await withBrowser(async (page) => {
    await page.goto(`${BASE}${hash}`);
    await page.waitForSelector('.widget[data-state="paused"]', { timeout: 30_000 });
    await page.selectOption('.playback select', '1');
    await page.click('.playback button[aria-label="Play"]');
    // DSP_MOUSE_AWAY=1 parks the mouse off the page (hover hit tests after each layout stop).
    // DSP_HIDE='<selector>' hides parts of the page, to see what they cost.
    if (process.env.DSP_HIDE)
      await page.addStyleTag({ content: `${process.env.DSP_HIDE} { display: none !important }` });
    if (process.env.DSP_MOUSE_AWAY) await page.mouse.move(0, 0);
    await page.waitForTimeout(1500);
    // DOM churn: nodes added or removed and attributes set, a second (independent of load).
    await page.evaluate(() => {
      const w = window as unknown as { __churn: { nodes: number; attrs: number } };
      w.__churn = { nodes: 0, attrs: 0 };
      new MutationObserver((list) => {
        for (const m of list) {
          if (m.type === 'attributes') w.__churn.attrs++;
          else w.__churn.nodes += m.addedNodes.length + m.removedNodes.length;
        }
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = async () =>
      new Map((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const m0 = await metrics();
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const t0 = Date.now();
    await page.waitForTimeout(seconds * 1000);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const wall = (Date.now() - t0) / 1000;
    const m1 = await metrics();
    const d = (k: string) => (m1.get(k) ?? 0) - (m0.get(k) ?? 0);
    const busy = d('TaskDuration');
    const churn = await page.evaluate(
      () => (window as unknown as { __churn: { nodes: number; attrs: number } }).__churn,
    );
    console.log(
      `DOM churn: ${(churn.nodes / wall).toFixed(0)} nodes and ${(churn.attrs / wall).toFixed(0)} attributes a second`,
    );
    // ThreadTime is the main thread's CPU time: less inflated than TaskDuration on a busy machine.
    console.log(
      `thread CPU ${((d('ThreadTime') / wall) * 100).toFixed(1)}% · script ${((d('ScriptDuration') / wall) * 100).toFixed(1)}% · layout ${((d('LayoutDuration') / wall) * 100).toFixed(1)}% (${(d('LayoutCount') / wall).toFixed(0)}/s) · style ${((d('RecalcStyleDuration') / wall) * 100).toFixed(1)}% (${(d('RecalcStyleCount') / wall).toFixed(0)}/s)`,
    );
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    let total = 0;
    profile.samples.forEach((id, i) => {
      const n = byId.get(id)!;
      const dt = profile.timeDeltas[i] ?? 0;
      const f = n.callFrame;
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
      self.set(key, (self.get(key) ?? 0) + dt);
      total += dt;
    });
    console.log(
      `main-thread TaskDuration ${((busy / wall) * 100).toFixed(1)}% of a core over ${wall.toFixed(1)} s`,
    );
    const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, 40);
    for (const [k, us] of rows)
      if (!k.startsWith('(idle)'))
        console.log(`${(us / 1000 / wall / 10).toFixed(2).padStart(6)}%  ${k}`);
    void total;
    // Inclusive time by function: what each entry point (a message, a frame callback, React's
    // scheduler) costs with everything it calls. A function on the stack twice counts once.
    const selfUs = new Map<number, number>();
    profile.samples.forEach((id, i) =>
      selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
    );
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const incl = new Map<string, number>();
    for (const [id, us] of selfUs) {
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const f = byId.get(at)!.callFrame;
        if (!f.url) continue;
        const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
        if (seen.has(key)) continue;
        seen.add(key);
        incl.set(key, (incl.get(key) ?? 0) + us);
      }
    }
    console.log('inclusive (% of wall time):');
    for (const [k, us] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 30))
      console.log(`${(us / 1000 / wall / 10).toFixed(2).padStart(6)}%  ${k}`);
    await cdp.detach();
    // The trace: time by event name on the renderer's main thread (nested events counted in
    // their parent too, so rows overlap: read them as where, not as a sum).
    const browser = page.context().browser()!;
    await browser.startTracing(page, { categories: ['devtools.timeline', 'blink', 'cc'] });
    await page.waitForTimeout(seconds * 1000);
    const buf = await browser.stopTracing();
    const events = (JSON.parse(buf.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
    const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const byName = new Map<string, number>();
    for (const e of events)
      if (e.ph === 'X' && main && e.pid === main.pid && e.tid === main.tid && e.dur)
        byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur);
    // Layouts: how many objects each had to lay out (what dirtied them is where to look next).
    const layouts = events.filter(
      (e) =>
        e.name === 'Layout' && e.ph === 'X' && main && e.pid === main.pid && e.tid === main.tid,
    );
    const dirty = layouts.map((e) => Number(e.args?.beginData?.dirtyObjects ?? 0));
    const totals = layouts.map((e) => Number(e.args?.beginData?.totalObjects ?? 0));
    const ms = layouts.map((e) => (e.dur ?? 0) / 1000);
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    console.log(
      `layouts ${layouts.length}: median ${med(ms).toFixed(2)} ms, dirty objects median ${med(dirty)} of ${med(totals)}`,
    );
    console.log('trace, main thread, by event (% of wall time):');
    for (const [k, us] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25))
      console.log(`${((us / 1e6 / seconds) * 100).toFixed(1).padStart(6)}%  ${k}`);
  });
} finally {
  server.kill();
}
