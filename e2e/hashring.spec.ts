import type { Page } from '@playwright/test';
import { expect, expectAccessible, test, widgetReady } from './fixtures';

const barHeights = (page: Page) =>
  page
    .locator('.ring-side .bar-chart rect')
    .evaluateAll((rects) =>
      rects.map((r) => Number(r.getAttribute('height')).toFixed(2)).join(','),
    );
const canvasPixels = (page: Page) =>
  page
    .locator('.ring-canvas canvas')
    .first()
    .evaluate((c) => (c as HTMLCanvasElement).toDataURL());
const cv = (page: Page) => page.getByTestId('cv').getAttribute('data-cv');

test('changing vnodes and adding a node redraws the ring, changes the load chart and counts moved keys', async ({
  page,
}) => {
  await page.goto('./#/play/hashring?preset=basic');
  await widgetReady(page);
  await expect(page.locator('.ring-side .bar-chart rect')).toHaveCount(4);
  const bars0 = await barHeights(page);
  const pixels0 = await canvasPixels(page);
  const cv0 = await cv(page);

  await page.getByLabel('Virtual nodes per node').fill('100');
  await page.getByRole('button', { name: 'Set', exact: true }).click();
  await expect.poll(() => cv(page)).not.toBe(cv0);
  await expect.poll(() => barHeights(page)).not.toBe(bars0);
  await expect.poll(() => canvasPixels(page)).not.toBe(pixels0);
  // 100 vnodes balance far better than 1.
  expect(Number(await cv(page))).toBeLessThan(Number(cv0));

  const pixels1 = await canvasPixels(page);
  await page.getByRole('button', { name: 'Add a node' }).click();
  await expect(page.locator('.ring-side .bar-chart rect')).toHaveCount(5);
  const summary = page.getByTestId('moved-summary');
  await expect(summary).toContainText('keys moved');
  await expect(summary).toContainText('hash % N would have moved');
  const moved = Number(await summary.getAttribute('data-moved'));
  expect(moved).toBeGreaterThan(0);
  await expect.poll(() => canvasPixels(page)).not.toBe(pixels1);
  await expect(page.getByRole('log')).toContainText(/Added N4/);
  await expectAccessible(page);
});

test('a share link opened in a fresh browser reproduces the same state', async ({
  page,
  browser,
}) => {
  await page.goto('./#/play/hashring?preset=basic');
  await widgetReady(page);
  await page.getByLabel('Virtual nodes per node').fill('20');
  await page.getByRole('button', { name: 'Set', exact: true }).click();
  await page.getByRole('button', { name: 'Add a node' }).click();
  await expect(page.getByTestId('moved-summary')).toBeVisible();
  await page.locator('.playback button[aria-label="Play"]').click();
  await page.waitForTimeout(700);
  await page.locator('.playback button[aria-label="Pause"]').click();
  await page.getByRole('button', { name: 'Share' }).click();
  const url = await page.getByTestId('share-url').inputValue();
  expect(url).toContain('#/play/hashring?s=');
  const state = async (p: Page) => ({
    t: await p.locator('.widget').getAttribute('data-t'),
    cv: await cv(p),
    moved: await p.getByTestId('moved-summary').getAttribute('data-moved'),
    bars: await barHeights(p),
    metrics: await p.locator('.metrics dl').innerText(),
    pixels: await canvasPixels(p),
  });
  const original = await state(page);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await widgetReady(other);
  await expect.poll(() => other.locator('.widget').getAttribute('data-t')).toBe(original.t);
  await expect(other.getByTestId('moved-summary')).toBeVisible();
  const reproduced = await state(other);
  expect(reproduced).toEqual(original);
  await fresh.close();
});

test('hovering a key shows its walk and owner; the key finder does the same from the keyboard', async ({
  page,
}) => {
  await page.goto('./#/play/hashring?preset=replication');
  await widgetReady(page);
  await page.getByRole('spinbutton', { name: 'Find key' }).fill('7');
  await page.getByRole('button', { name: 'Show walk' }).click();
  await expect(page.getByTestId('ring-hover')).toContainText(
    /Key 7 \(hash 0x[0-9a-f]{8}\) belongs to N\d; preference list N\d, N\d, N\d/,
  );
});
