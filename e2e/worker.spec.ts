import { expect, test, widgetReady } from './fixtures';

test('a crashed worker shows an error and restarts from the scenario, keeping every input', async ({
  page,
  watch,
}) => {
  await page.goto('./#/play/hashring?preset=basic');
  await widgetReady(page);
  await page.getByRole('button', { name: 'Add a node' }).click();
  await expect(page.locator('.ring-side .bar-chart rect')).toHaveCount(5);
  await page.evaluate(() => {
    // The widget's host API is reachable through the playback actor only; crash it through the
    // worker's test hook, which throws from a timer inside the worker.
    const w = document.querySelector('.widget');
    w?.dispatchEvent(new CustomEvent('dsp-test-crash', { bubbles: true }));
  });
  await expect(
    page.getByRole('alert').filter({ hasText: 'The simulation stopped unexpectedly' }),
  ).toBeVisible();
  await widgetReady(page);
  await expect(page.getByRole('alert').filter({ hasText: 'stopped unexpectedly' })).toHaveCount(0);
  // The node added before the crash is still there: the scenario kept the input.
  await expect(page.locator('.ring-side .bar-chart rect')).toHaveCount(5);
  // The worker's uncaught error is expected here.
  watch.errors = watch.errors.filter((e) => !/Simulated worker crash/.test(e));
});

test('a worker that closes itself (no error event) is noticed, and the restart keeps every input', async ({
  page,
}) => {
  await page.goto('./#/play/hashring?preset=basic');
  await widgetReady(page);
  await page.getByRole('button', { name: 'Add a node' }).click();
  await page.getByRole('button', { name: 'Add a node' }).click();
  await expect(page.locator('.ring-side .bar-chart rect')).toHaveCount(6);
  await page.evaluate(() => {
    const w = document.querySelector('.widget');
    w?.dispatchEvent(
      new CustomEvent('dsp-test-crash', { bubbles: true, detail: { how: 'close' } }),
    );
  });
  await expect(page.getByRole('alert').filter({ hasText: 'stopped answering' })).toBeVisible({
    timeout: 15_000,
  });
  await widgetReady(page);
  await expect(page.getByRole('alert').filter({ hasText: 'stopped answering' })).toHaveCount(0);
  await expect(page.locator('.ring-side .bar-chart rect')).toHaveCount(6);
  // It runs again: a step moves time.
  const t0 = Number(await page.locator('.widget').getAttribute('data-t'));
  await page.locator('.playback button[aria-label^="Step"]').click();
  await expect
    .poll(async () => Number(await page.locator('.widget').getAttribute('data-t')))
    .toBeGreaterThan(t0);
});

test('without Worker support the simulation runs on the main thread', async ({ page }) => {
  await page.addInitScript(() => {
    // @ts-expect-error simulate a browser without workers
    delete window.Worker;
  });
  await page.goto('./#/play/hashring?preset=basic');
  await widgetReady(page);
  await page.locator('.playback button[aria-label="Play"]').click();
  await expect
    .poll(async () => Number(await page.locator('.widget').getAttribute('data-t')))
    .toBeGreaterThan(300);
  await page.getByRole('button', { name: 'Add a node' }).click();
  await expect(page.locator('.ring-side .bar-chart rect')).toHaveCount(5);
});
