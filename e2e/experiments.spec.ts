import { readFileSync } from 'node:fs';
import { expect, expectAccessible, test } from './fixtures';

test('an experiment runs in the worker pool with progress, a chart, a table and downloads', async ({
  page,
}) => {
  await page.goto('./#/experiments/hashring-balance');
  const exp = page.locator('[data-experiment="hashring-balance"]');
  await expect(exp).toBeVisible();
  const keys = exp.locator('.params').getByRole('spinbutton', { name: /Keys/ });
  await keys.fill('20000');
  await keys.press('Enter');
  await exp.getByLabel('Values to sweep, comma separated').fill('1, 10, 100');
  await exp.getByRole('button', { name: 'Run experiment' }).click();
  await expect(exp.locator('table.results tbody tr')).toHaveCount(3, { timeout: 30_000 });
  await expect(exp.locator('svg.chart')).toBeVisible();
  const cvs = await exp.locator('table.results tbody tr td:nth-child(2)').allInnerTexts();
  const nums = cvs.map(Number);
  expect(nums[0]).toBeGreaterThan(nums[1]!);
  expect(nums[1]).toBeGreaterThan(nums[2]!);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    exp.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\n')[0]).toContain('vnodes');
  expect(csv.trim().split('\n').length).toBeGreaterThanOrEqual(4);
  await expectAccessible(page);
});

test('a bad experiment value names the field and the limit', async ({ page }) => {
  await page.goto('./#/experiments/hashring-balance');
  const exp = page.locator('[data-experiment="hashring-balance"]');
  await exp.getByLabel('Values to sweep, comma separated').fill('1, 5000');
  await exp.getByRole('button', { name: 'Run experiment' }).click();
  await expect(exp.getByRole('alert')).toContainText(
    'vnodes=5000.vnodes: 5000 is above the maximum 1000',
  );
});

// #18: the stampede experiment's results table widened the page past a 390 px screen (and with
// it the params block); the table now scrolls on its own.
for (const width of [390, 1280])
  test(`the stampede experiment's results fit a ${width} px screen`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width, height: 900 });
    await page.goto('./#/experiments/stampede');
    await page.getByRole('button', { name: /^Run/ }).first().click();
    await expect(page.locator('table.results tbody tr').first()).toBeVisible({ timeout: 200_000 });
    const over = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(over).toBeLessThanOrEqual(0);
  });
