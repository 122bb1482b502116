import { expect, test, widgetReady } from './fixtures';

for (const hash of ['#/play/%', '#/lesson/%', '#/%', '#/play/%E0%A4%A', '#/play/raft/extra/parts'])
  test(`${hash} shows a not-found page`, async ({ page }) => {
    await page.goto(`./${hash}`);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    if (hash === '#/play/%') await page.screenshot({ path: 'test-results/not-found.png' });
  });

test('#/lesson/__proto__ is no lesson', async ({ page }) => {
  await page.goto('./#/lesson/__proto__');
  await expect(page.getByRole('heading', { name: 'No such lesson' })).toBeVisible();
});

test('playground to playground and Back leaves a working widget', async ({ page }) => {
  await page.goto('./#/play/hashring');
  await widgetReady(page);
  await page.goto('./#/play/cap');
  await widgetReady(page);
  await page.goBack();
  await widgetReady(page);
  await expect(page.locator('.error-boundary, [data-error-boundary]')).toHaveCount(0);
});
