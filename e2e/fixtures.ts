/**
 * Shared test fixture: every page is watched for console errors, uncaught exceptions and requests
 * to any host other than the app's own; a test fails if any happen.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export interface Watch {
  errors: string[];
  foreign: string[];
}

export const test = base.extend<{ watch: Watch }>({
  watch: [
    async ({ page }, use) => {
      const watch: Watch = { errors: [], foreign: [] };
      page.on('console', (m) => {
        if (m.type() === 'error') watch.errors.push(m.text());
      });
      page.on('pageerror', (e) => watch.errors.push(`uncaught: ${e.message}`));
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (
          !['127.0.0.1', 'localhost'].includes(url.hostname) &&
          !['data:', 'blob:'].includes(url.protocol)
        )
          watch.foreign.push(r.url());
      });
      await use(watch);
      expect(watch.errors, 'console errors').toEqual([]);
      expect(watch.foreign, 'requests to other hosts').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Fails on any axe violation, listing rule ids and targets. */
export async function expectAccessible(page: Page, include?: string): Promise<void> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, 'axe violations').toEqual([]);
}

/** Waits until the widget has loaded its scenario and drawn a frame. */
export async function widgetReady(page: Page, selector = '.widget'): Promise<void> {
  await expect(
    page.locator(`${selector}[data-state="paused"], ${selector}[data-state="playing"]`).first(),
  ).toBeVisible({ timeout: 20_000 });
}

/**
 * Watches the page's main thread for long tasks (> 50 ms) from the next navigation on. `reset()`
 * forgets what loading cost; `check(label)` logs what it saw since then and fails on any.
 */
export async function watchLongTasks(
  page: Page,
): Promise<{ reset(): Promise<void>; check(label: string): Promise<void> }> {
  await page.addInitScript(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const read = () => page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  return {
    reset: async () => {
      await page.evaluate(() => ((window as unknown as { __long: number[] }).__long.length = 0));
    },
    check: async (label) => {
      const long = await read();
      console.log(
        `${label} long tasks while playing: ${long.length} (${long.map((d) => d.toFixed(0)).join(', ')} ms)`,
      );
      expect(long, `${label}: main-thread tasks over 50 ms`).toEqual([]);
    },
  };
}

/** Picks a playback speed and presses Play. */
export async function playAt(page: Page, speed: string): Promise<void> {
  await page.selectOption('.playback select', speed);
  await page.locator('.playback button[aria-label="Play"]').click();
}
