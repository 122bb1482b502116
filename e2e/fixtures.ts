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
