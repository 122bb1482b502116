/**
 * Budgets measured in the browser. This file runs alone, after the other tests (see the `perf`
 * project in playwright.config.ts), so timings are not disturbed by parallel pages.
 */
import { gzipSync } from 'node:zlib';
import budgets from '../budgets.json' with { type: 'json' };
import { expect, playAt, test, watchLongTasks, widgetReady } from './fixtures';

test('a lesson page stays within its JS budgets (gzip), editor excluded', async ({ page }) => {
  // Main-thread scripts and the simulation worker's script are budgeted separately: the worker
  // loads in parallel and never runs on the main thread.
  const main: Promise<number>[] = [];
  const worker: Promise<number>[] = [];
  const names: string[] = [];
  page.on('response', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop() ?? '';
    if (!name.endsWith('.js')) return;
    names.push(name);
    const size = r.body().then((b) => gzipSync(b, { level: 9 }).length);
    (/^worker-/.test(name) ? worker : main).push(size);
  });
  await page.goto('./#/lesson/hashring-ring');
  await widgetReady(page);
  await page.waitForLoadState('networkidle');
  const sum = async (xs: Promise<number>[]) => (await Promise.all(xs)).reduce((a, b) => a + b, 0);
  const mainBytes = await sum(main);
  const workerBytes = await sum(worker);
  console.log(
    `lesson page JS: main thread ${(mainBytes / 1024).toFixed(1)} kB + worker ${(workerBytes / 1024).toFixed(1)} kB gzip (${names.join(' ')})`,
  );
  expect(mainBytes).toBeLessThanOrEqual(budgets.lessonPageJs);
  expect(workerBytes).toBeLessThanOrEqual(budgets.workerJs);
});

test('no main-thread long task while CAP plays a partition at 10x', async ({ page }) => {
  const longTasks = await watchLongTasks(page);
  await page.goto('./#/play/cap?preset=ap-partition');
  await widgetReady(page);
  await playAt(page, '10');
  await page.waitForTimeout(500);
  await longTasks.reset();
  // Through the cut at 4 s, the violations and the heal at 14 s.
  await page.waitForTimeout(3000);
  await longTasks.check('CAP');
  expect(Number(await page.locator('.widget').getAttribute('data-t'))).toBeGreaterThan(15_000);
  await expect(page.getByTestId('cap-verdict')).toHaveAttribute('data-linearizable', 'false');
});

test('no main-thread long task while the ring plays with 100,000 keys', async ({ page }) => {
  const longTasks = await watchLongTasks(page);
  await page.goto('./#/play/hashring?preset=big');
  await widgetReady(page);
  await expect(page.locator('.ring-center-big')).toContainText('100,000 keys');
  await playAt(page, '10');
  await page.waitForTimeout(500);
  await longTasks.reset();
  await page.waitForTimeout(1500);
  // A membership change while playing moves thousands of keys: redrawing must stay short too.
  await page.getByRole('button', { name: 'Add a node' }).click();
  await expect(page.getByTestId('moved-summary')).toContainText('keys moved');
  await page.waitForTimeout(2500);
  await longTasks.check('ring');
  expect(Number(await page.locator('.widget').getAttribute('data-t'))).toBeGreaterThan(10_000);
});

test('no main-thread long task while 9 Raft servers play at 10x', async ({ page }) => {
  const longTasks = await watchLongTasks(page);
  await page.goto('./#/play/raft?preset=replication&param-servers=9');
  await widgetReady(page);
  await expect(page.locator('.raft-server')).toHaveCount(9);
  await playAt(page, '10');
  await page.waitForTimeout(500);
  await longTasks.reset();
  await page.waitForTimeout(2000);
  // Crashing the leader mid-run brings an election: roles, terms and the statechart all change.
  await page.getByRole('button', { name: 'Crash the leader', exact: true }).click();
  await page.waitForTimeout(2500);
  await longTasks.check('raft');
  expect(Number(await page.locator('.widget').getAttribute('data-t'))).toBeGreaterThan(20_000);
});
