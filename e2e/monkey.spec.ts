/**
 * A seeded monkey on every kind of page: it clicks, types, presses keys, scrolls and drags at
 * random for a while (10 s a page; a minute with DSP_LONG=1, as `npm run test:long` runs it) and
 * the page must never show an error boundary, log a console error or throw (the fixture checks
 * those two). A failure names the seed and the last actions; DSP_MONKEY_SEED=<n> replays one.
 */
import type { Page } from '@playwright/test';
import { MODEL_IDS } from '../src/sim/modelList';
import { expect, test } from './fixtures';

const MS = Number(process.env.DSP_MONKEY_MS ?? (process.env.DSP_LONG ? 60_000 : 10_000));
const SEED = process.env.DSP_MONKEY_SEED ? Number(process.env.DSP_MONKEY_SEED) : undefined;

const PAGES = [
  './',
  ...MODEL_IDS.map((id) => `./#/play/${id}`),
  './#/experiments',
  './#/editor',
  './#/embed',
  './#/check',
  './#/lesson/raft-election',
  './#/lesson/cap-partition',
  './#/lesson/stampede-herd',
  './#/lesson/hashring-ring',
];

/** mulberry32: a small seeded generator, enough to pick actions reproducibly. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = [
  'Tab',
  'Shift+Tab',
  'Enter',
  'Space',
  'Escape',
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageDown',
  'k',
  'j',
  'l',
  'f',
  '?',
  '.',
  ',',
  '0',
  '1',
  '[',
  ']',
];
const TEXTS = [
  '2.5',
  '-1',
  '0',
  '1e309',
  'NaN',
  'abc',
  '',
  '99999999999',
  '%',
  '__proto__',
  'constructor',
  '<img src=x onerror=alert(1)>',
  '{"model":"raft"',
  'x'.repeat(2000),
];

/** Clickable things in the viewport, as points to press. */
async function targets(
  page: Page,
): Promise<{ x: number; y: number; w: number; h: number; what: string }[]> {
  return page.evaluate(() => {
    const out: { x: number; y: number; w: number; h: number; what: string }[] = [];
    const sel =
      'button:not([disabled]), a[href^="#"], input:not([disabled]), select, textarea, summary, [role=button], [tabindex="0"], canvas, label';
    const roots: (Document | ShadowRoot)[] = [document];
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    for (const root of roots)
      for (const el of root.querySelectorAll<HTMLElement>(sel)) {
        const r = el.getBoundingClientRect();
        if (r.width < 2 || r.height < 2 || r.bottom < 0 || r.top > innerHeight) continue;
        if (r.right < 0 || r.left > innerWidth) continue;
        const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30);
        out.push({
          x: r.left,
          y: r.top,
          w: r.width,
          h: r.height,
          what: `${el.tagName.toLowerCase()} "${label}"`,
        });
      }
    return out;
  });
}

async function monkey(
  page: Page,
  start: string,
  seed: number,
): Promise<{ actions: number; routes: number }> {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const done: string[] = [];
  const origin = new URL(page.url()).origin;
  const deadline = Date.now() + MS;
  const routes = new Set<string>();
  // Dialogs (confirm before discarding edits) are answered at random too.
  page.on('dialog', (d) => void (random() < 0.5 ? d.accept() : d.dismiss()));
  while (Date.now() < deadline) {
    const r = random();
    let what: string;
    if (r < 0.45) {
      const ts = await targets(page);
      if (!ts.length) continue;
      const t = pick(ts);
      what = `click ${t.what}`;
      await page.mouse.click(
        t.x + t.w * (0.2 + 0.6 * random()),
        t.y + t.h * (0.2 + 0.6 * random()),
      );
    } else if (r < 0.65) {
      const k = pick(KEYS);
      what = `press ${k}`;
      await page.keyboard.press(k);
    } else if (r < 0.8) {
      const s = pick(TEXTS);
      what = `type "${s.slice(0, 20)}"`;
      await page.keyboard.type(s, { delay: 0 });
    } else if (r < 0.9) {
      const dy = Math.round((random() - 0.4) * 1200);
      what = `scroll ${dy}`;
      await page.mouse.wheel(0, dy);
    } else {
      const vp = page.viewportSize() ?? { width: 1280, height: 720 };
      const x0 = random() * vp.width;
      const y0 = random() * vp.height;
      what = `drag from ${x0.toFixed(0)},${y0.toFixed(0)}`;
      await page.mouse.move(x0, y0);
      await page.mouse.down();
      await page.mouse.move(random() * vp.width, random() * vp.height, { steps: 4 });
      await page.mouse.up();
    }
    done.push(what);
    await page.waitForTimeout(20 + random() * 80);
    // Wandered off (a link out, a download page): come back and go on.
    if (new URL(page.url()).origin !== origin) {
      done.push(`left for ${page.url()}; back to ${start}`);
      await page.goto(start);
    }
    routes.add(new URL(page.url()).hash.split('?')[0]!);
    const broken = await page.getByText(/could not be shown/).count();
    expect(
      broken,
      `an error boundary after: ${done.slice(-12).join(' → ')} (seed ${seed}, from ${start})`,
    ).toBe(0);
  }
  return { actions: done.length, routes: routes.size };
}

PAGES.forEach((url, i) => {
  const seed = SEED ?? 1000 + i;
  test(`monkey on ${url} (seed ${seed})`, async ({ page }) => {
    test.setTimeout(MS + 60_000);
    await page.goto(url);
    await expect(page.locator('main h1').first()).toBeVisible();
    const { actions, routes } = await monkey(page, url, seed);
    console.log(`monkey on ${url}: ${actions} actions, ${routes} routes visited (seed ${seed})`);
    // A monkey that did nothing would pass anything.
    expect(actions).toBeGreaterThan(20);
  });
});
