/**
 * The stampede view's timing budget, run alone after the other tests (the `perf` project matches
 * this file's name): no main-thread long task while 10,000 requests a second play at 10×.
 */
import { expect, playAt, test, watchLongTasks, widgetReady } from './fixtures';

const BUSY =
  './#/play/stampede?preset=herd&param-rate=10000&param-keys=1000&param-zipfS=1' +
  '&param-dbConcurrency=100&param-ttlMs=10000&param-warmStart=false';

test('no main-thread long task while the stampede plays 10,000 requests a second', async ({
  page,
}) => {
  const longTasks = await watchLongTasks(page);
  await page.goto(BUSY);
  await widgetReady(page);
  await playAt(page, '10');
  await page.waitForTimeout(500);
  await longTasks.reset();
  await page.waitForTimeout(1500);
  // A cold start of 1,000 keys, then a strategy switch while the queue drains.
  await page
    .getByRole('group', { name: 'Strategy' })
    .getByRole('button', { name: 'singleflight', exact: true })
    .click();
  await page.waitForTimeout(2500);
  await longTasks.check('stampede');
  expect(Number(await page.locator('.widget').getAttribute('data-t'))).toBeGreaterThan(10_000);
});
