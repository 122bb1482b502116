/**
 * A real VitePress 1.6 site (e2e/docs-sites/vitepress, built by scripts/build-docs-fixture.mjs
 * as part of `npm test`) from README's recipe: the package's markdown-it plugin turns fences into
 * widgets, its SSR-safe export registers the element, and the widgets come from another origin
 * (the e2e "CDN"). Issue 13: what a docs author gets, checked in the browser.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const PORT = Number(process.env.DSP_E2E_PORT ?? 4173);
const EMBED_PORT = Number(process.env.DSP_E2E_EMBED_PORT ?? PORT + 10_000);
const SITE = `http://127.0.0.1:${EMBED_PORT + 2}/`;
const SRC = `http://127.0.0.1:${EMBED_PORT}/ds-playground/embed/ds-playground.js`;
const BUILT = 'e2e/docs-sites/vitepress/.vitepress/dist/fixture.json';

test.beforeAll(() => {
  const how = 'build it: node scripts/build-docs-fixture.mjs (with the same DSP_E2E_* ports)';
  expect(existsSync(BUILT), `the VitePress fixture is not built; ${how}`).toBe(true);
  const built = JSON.parse(readFileSync(BUILT, 'utf8')) as { src: string };
  expect(built.src, `the fixture was built for other ports; ${how}`).toBe(SRC);
});

/**
 * `host`: a `<ds-playground>`. Widgets load lazily: scrolled into view, then drawn. Scrolled again
 * on every poll: VitePress may scroll the page back to the top as it hydrates, and a lazy widget
 * scrolled out of view before it started waits (seen once in a full run, the ring never started).
 */
async function ready(host: Locator): Promise<void> {
  await expect
    .poll(
      async () => {
        await host.scrollIntoViewIfNeeded();
        return (
          (await host
            .locator('.widget')
            .getAttribute('data-state', { timeout: 500 })
            .catch(() => null)) ?? ''
        );
      },
      { timeout: 20_000 },
    )
    .toMatch(/paused|playing/);
}
const timeOf = async (widget: Locator) => Number(await widget.getAttribute('data-t'));
const raft = (page: Page) => page.locator('ds-playground[model="raft"]');
const ring = (page: Page) => page.locator('#ring');
/** The widgets' workers: blob: workers of the site's origin (the script is cross-origin). */
const simWorkers = (page: Page) =>
  page.workers().filter((w) => w.url().startsWith(`blob:${SITE.slice(0, -1)}/`));

test('widgets draw from fences and from tags, loaded from another origin', async ({ page }) => {
  await page.goto(SITE);
  await ready(raft(page));
  await ready(ring(page));
  // The fence's attributes reached the element; both drew their stage.
  await expect(page.locator('ds-playground[model="raft"]')).toHaveAttribute('height', '300');
  await expect(raft(page).locator('.widget svg').first()).toBeVisible();
  await expect(ring(page).locator('.widget svg').first()).toBeVisible();
  // The JSON fence: an encoded scenario, its seed kept.
  await page.goto(`${SITE}cap.html`);
  const cap = page.locator('ds-playground[scenario]');
  await ready(cap);
  await expect
    .poll(() => cap.evaluate((e) => (e as unknown as { status: string }).status))
    .toMatch(/paused|playing/);
  await expect(cap.getByRole('button', { name: /play/i }).first()).toBeVisible();
});

test("VitePress's dark-mode switch restyles the widgets without restarting the run", async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(SITE);
  await ready(raft(page));
  await ready(ring(page));
  // #ring has `:theme` bound to the switch (an attribute change); the Raft fence follows
  // html.dark by itself. The ring (in view) plays a while, then pauses.
  const w = ring(page).locator('.widget');
  await ring(page).evaluate((e) => (e as HTMLElement & { play(): void }).play());
  await expect.poll(() => timeOf(w)).toBeGreaterThan(500);
  await ring(page).evaluate((e) => (e as HTMLElement & { pause(): void }).pause());
  await expect(w).toHaveAttribute('data-state', 'paused');
  // Frames already sent when it paused may still arrive: wait until the time stands still.
  await expect
    .poll(async () => {
      const a = await timeOf(w);
      await page.waitForTimeout(300);
      return (await timeOf(w)) - a;
    })
    .toBe(0);
  const t = await timeOf(w);
  const bgs = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('ds-playground')].map((e) =>
        getComputedStyle(e).getPropertyValue('--bg').trim(),
      ),
    );
  expect(await bgs()).toEqual(['#f7f7f5', '#f7f7f5']);
  await page.locator('.VPNavBar .VPSwitchAppearance:visible').click();
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await expect(page.locator('#ring')).toHaveAttribute('theme', 'dark');
  await expect.poll(bgs).toEqual(['#111317', '#111317']);
  expect(await timeOf(w)).toBe(t);
  await page.locator('.VPNavBar .VPSwitchAppearance:visible').click();
  await expect.poll(bgs).toEqual(['#f7f7f5', '#f7f7f5']);
  expect(await timeOf(w)).toBe(t);
});

test('typing in a widget does not open VitePress search; elsewhere "/" still does', async ({
  page,
}) => {
  await page.goto(SITE);
  await ready(ring(page));
  const search = page.locator('.VPLocalSearchBox');
  const find = page.locator('#ring').getByRole('spinbutton', { name: 'Find key' });
  await find.click();
  await page.keyboard.type('/2.5/');
  await expect(find).toHaveValue('2.5');
  await page.waitForTimeout(300);
  await expect(search).toHaveCount(0);
  // The same key outside the widget opens the site's search: the check above can fail.
  await page.locator('h1').click();
  await page.keyboard.press('/');
  await expect(search).toBeVisible();
});

test('client-side navigation back and forth reuses workers and frees them', async ({ page }) => {
  await page.goto(SITE);
  await ready(raft(page));
  await ready(ring(page));
  // A full page load would lose this: the links below are VitePress's client-side router.
  await page.evaluate(() => Object.assign(window, { __samePage: true }));
  const first = simWorkers(page);
  expect(first.length).toBeGreaterThan(0);
  const seen = new Set(first);
  for (let round = 0; round < 3; round++) {
    await page.locator('.vp-doc').getByRole('link', { name: 'CAP', exact: true }).click();
    await ready(page.locator('ds-playground[scenario]'));
    await page.locator('.vp-doc').getByRole('link', { name: 'Raft', exact: true }).click();
    await ready(raft(page));
    await ready(ring(page));
    for (const w of simWorkers(page)) seen.add(w);
  }
  expect(await page.evaluate(() => (window as { __samePage?: boolean }).__samePage)).toBe(true);
  // No widget left on the page a worker per visit: the pool's workers were reused.
  expect(seen.size).toBeLessThanOrEqual(first.length);
  expect(await page.locator('ds-playground').count()).toBe(2);
  // A page without widgets: once idle, every worker goes.
  await page.locator('.vp-doc').getByRole('link', { name: 'About', exact: true }).click();
  await expect(page.locator('h1')).toHaveText(/About/);
  await expect(page.locator('ds-playground')).toHaveCount(0);
  await expect.poll(() => simWorkers(page).length, { timeout: 20_000 }).toBe(0);
});
