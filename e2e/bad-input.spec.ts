import { expect, expectAccessible, test, widgetReady } from './fixtures';

test('a URL param out of range names the field and limit, and the playground still runs', async ({
  page,
}) => {
  await page.goto('./#/play/hashring?param-nodes=500&seed=3');
  await expect(page.getByRole('alert').first()).toContainText(
    'param-nodes: 500 is above the maximum 64',
  );
  await widgetReady(page);
  await page.locator('.playback button[aria-label="Play"]').click();
  await expect(page.locator('.widget')).toHaveAttribute('data-state', 'playing');
});

test('a broken share link says so and opens the default scenario', async ({ page }) => {
  await page.goto('./#/play/hashring?s=not-base64!!');
  await expect(page.getByRole('alert').first()).toContainText(/^.*s: /);
  await widgetReady(page);
});

test('a bad time in the URL is reported', async ({ page }) => {
  await page.goto('./#/play/hashring?preset=basic&t=-5');
  await expect(page.getByRole('alert').first()).toContainText('t: -5 is below the minimum 0');
  await widgetReady(page);
});

test('a bad lesson directive shows a message and the rest of the lesson works', async ({
  page,
}) => {
  await page.goto('./#/lesson/fixture-bad-input');
  await expect(
    page.getByRole('alert').filter({ hasText: 'param-nodes: 500 is above the maximum 64' }),
  ).toBeVisible();
  await expect(
    page.getByRole('alert').filter({ hasText: 'arg-weight: 50 is above the maximum' }),
  ).toBeVisible();
  await widgetReady(page, '.widget[data-widget-id="good"]');
  await page.getByRole('button', { name: 'Add a node' }).first().click();
  await expect(
    page.locator('.widget[data-widget-id="good"] .ring-side .bar-chart rect'),
  ).toHaveCount(5);
  // Two widgets of one model on the page: landmark names must still be unique.
  await widgetReady(page, '.widget[data-widget-id="second"]');
  await expectAccessible(page);
});

test('a bad value typed into the params panel names the limit and is not applied', async ({
  page,
}) => {
  await page.goto('./#/play/hashring?preset=basic');
  await widgetReady(page);
  const input = page.locator('.params').getByRole('spinbutton', { name: /Nodes/ });
  await input.fill('99');
  await input.press('Enter');
  await expect(page.locator('.params')).toContainText('params.nodes: 99 is above the maximum 64');
  await expect(page.locator('.ring-side .bar-chart rect')).toHaveCount(4);
});
