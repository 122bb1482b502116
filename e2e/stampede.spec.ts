import type { Page } from '@playwright/test';
import { expect, expectAccessible, test, widgetReady } from './fixtures';

const status = (page: Page) => page.getByTestId('stampede-status').first();
const num = async (page: Page, attr: string) => Number(await status(page).getAttribute(attr));
const time = async (page: Page) =>
  Number(await page.locator('.widget').first().getAttribute('data-t'));
const strategyButton = (page: Page, name: string) =>
  page.getByRole('group', { name: 'Strategy' }).getByRole('button', { name, exact: true });

test('switching from none to singleflight removes the database spike at expiry', async ({
  page,
}) => {
  await page.goto('./#/play/stampede?preset=herd');
  await widgetReady(page);
  await page.selectOption('.playback select', '10');
  await page.locator('.playback button[aria-label="Play"]').click();
  // The first expiry (0.59 s): about 200 requests recompute key 0 and the database queue spikes.
  await expect.poll(() => num(page, 'data-herd'), { timeout: 30_000 }).toBeGreaterThan(100);
  expect(await num(page, 'data-db-peak')).toBeGreaterThan(100);
  await expect(page.getByTestId('stampede-herd')).toContainText(/\d+ recomputes/);

  await strategyButton(page, 'singleflight').click();
  const switchedAt = await time(page);
  await expect(strategyButton(page, 'singleflight')).toHaveAttribute('aria-pressed', 'true');
  // The action records the strategy as a param: the panel (and a share link) show it.
  await expect(page.getByRole('combobox', { name: 'Strategy' })).toHaveValue('singleflight');
  await expect(page.getByRole('log')).toContainText('from none to singleflight');

  // Once the chart's 10 s window holds only singleflight expiries, the spike is gone.
  await expect.poll(() => time(page), { timeout: 40_000 }).toBeGreaterThan(switchedAt + 11_000);
  await page.locator('.playback button[aria-label="Pause"]').click();
  expect(await num(page, 'data-expiries')).toBeGreaterThanOrEqual(2);
  expect(await num(page, 'data-db-peak')).toBeLessThanOrEqual(2);
  expect(await num(page, 'data-herd')).toBe(1);
  await expect(page.getByTestId('stampede-herd')).toContainText('1 recompute');
  await expectAccessible(page);
});

test('a share link opened in a fresh browser reproduces the run', async ({ page, browser }) => {
  await page.goto('./#/play/stampede?preset=herd');
  await widgetReady(page);
  await strategyButton(page, 'lock').click();
  await page.getByRole('button', { name: 'Traffic spike ×2' }).click();
  await page.selectOption('.playback select', '5');
  await page.locator('.playback button[aria-label="Play"]').click();
  await expect.poll(() => time(page), { timeout: 30_000 }).toBeGreaterThan(3000);
  await page.getByRole('button', { name: 'Slow the database ×5' }).click();
  await expect.poll(() => time(page), { timeout: 30_000 }).toBeGreaterThan(6000);
  await page.locator('.playback button[aria-label="Pause"]').click();
  // Dots hop at a pace set by the playback speed, which a link does not carry: compare at 1x.
  await page.selectOption('.playback select', '1');
  await expect(page.getByRole('combobox', { name: 'Strategy' })).toHaveValue('lock');
  await page.getByRole('button', { name: 'Share' }).click();
  const url = await page.getByTestId('share-url').inputValue();
  expect(url).toContain('#/play/stampede?s=');

  const state = async (p: Page) => ({
    t: await p.locator('.widget').getAttribute('data-t'),
    status: await status(p).evaluate((e) => ({ ...(e as HTMLElement).dataset })),
    text: await status(p).textContent(),
    side: await p.locator('.stampede-side').innerText(),
    metrics: await p.locator('.metrics dl').innerText(),
    strategy: await p.getByRole('combobox', { name: 'Strategy' }).inputValue(),
    rate: await p.getByRole('spinbutton', { name: /Request rate/ }).inputValue(),
    recompute: await p.getByRole('spinbutton', { name: /Recompute time/ }).inputValue(),
  });
  const pixels = (p: Page) =>
    p.locator('.stampede-view canvas').evaluate((c) => (c as HTMLCanvasElement).toDataURL());
  const original = await state(page);
  expect(original).toMatchObject({ strategy: 'lock', rate: '4000', recompute: '500' });
  const originalPixels = await pixels(page);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await widgetReady(other);
  await expect.poll(() => other.locator('.widget').getAttribute('data-t')).toBe(original.t);
  await expect.poll(() => state(other)).toEqual(original);
  await expect.poll(() => pixels(other)).toBe(originalPixels);
  await fresh.close();
});

// Each lesson's generic check (opens, runs, axe) is in lessons.spec.ts.

test('committing a prediction switches the lesson widget to singleflight', async ({ page }) => {
  await page.goto('./#/lesson/stampede-coalescing');
  await widgetReady(page);
  const q = page.locator('[data-question="q-sf"]');
  await q.getByRole('radio').nth(1).check();
  await q.getByRole('button', { name: /Commit my answer/ }).click();
  await expect(q.locator('.reveal')).toBeVisible();
  await expect(q).toContainText('You predicted it.');
  const widget = page.locator('.widget[data-widget-id="co"]');
  await expect(widget.getByTestId('stampede-status')).toHaveAttribute(
    'data-strategy',
    'singleflight',
  );
  await expect(widget).toHaveAttribute('data-state', 'playing');
});

test('the experiment compares every strategy in a table and a chart', async ({ page }) => {
  await page.goto('./#/experiments/stampede');
  const exp = page.locator('[data-experiment="stampede"]');
  await expect(exp).toBeVisible();
  const duration = exp.locator('.params').getByRole('spinbutton', { name: /Duration/ });
  await duration.fill('5000');
  await duration.press('Enter');
  await expect(exp.getByLabel('Values to sweep, comma separated')).toHaveValue(
    'none, lock, singleflight, swr, xfetch, jitter, lease',
  );
  await exp.getByRole('button', { name: 'Run experiment' }).click();
  await expect(exp.locator('table.results tbody tr')).toHaveCount(7, { timeout: 60_000 });
  await expect(exp.locator('.category-bars')).toBeVisible();
  await expect(exp.locator('.category-bar')).toHaveCount(7);
  const headers = await exp.locator('table.results thead th').allInnerTexts();
  const col = headers.indexOf('Recomputes per expiry, key 0') + 1;
  expect(col).toBeGreaterThan(1);
  const herd = async (strategy: string) =>
    Number(
      await exp
        .locator('table.results tbody tr', { has: page.locator(`th:text-is("${strategy}")`) })
        .locator(`:nth-child(${col})`)
        .innerText(),
    );
  expect(await herd('none')).toBeGreaterThan(50);
  expect(await herd('singleflight')).toBe(1);
  expect(await herd('lock')).toBe(1);
  await expectAccessible(page);
});

test('with reduced motion the drawing shows counts instead of moving dots', async ({ browser }) => {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto('./#/play/stampede?preset=herd');
  await widgetReady(page);
  await page.locator('.playback button[aria-label="Play"]').click();
  await expect.poll(() => time(page)).toBeGreaterThan(1500);
  await expect(page.locator('.stampede-legend')).toContainText('last second, estimated');
  await expect(page.locator('.stampede-legend')).toContainText(/hit [\d,]+\/s/);
  await context.close();
});
