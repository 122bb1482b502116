import { expect, expectAccessible, test, widgetReady } from './fixtures';

const LESSONS = ['hashring-modulo', 'hashring-ring', 'hashring-replication', 'hashring-strategies'];

for (const id of LESSONS) {
  test(`lesson ${id} opens, its widgets run, and it has no a11y violations`, async ({ page }) => {
    await page.goto(`./#/lesson/${id}`);
    await expect(page.locator('h1#lesson-title')).toBeVisible();
    await widgetReady(page);
    const widget = page.locator('.widget').first();
    await widget.locator('.playback button[aria-label="Play"]').click();
    await expect(widget).toHaveAttribute('data-state', 'playing');
    await expect.poll(async () => Number(await widget.getAttribute('data-t'))).toBeGreaterThan(200);
    await widget.locator('.playback button[aria-label="Pause"]').click();
    await expectAccessible(page);
  });
}

test('predict then reveal: committing an answer runs the action and shows the explanation', async ({
  page,
}) => {
  await page.goto('./#/lesson/hashring-modulo');
  await widgetReady(page);
  const q = page.locator('[data-question="q-add"]');
  await expect(q.locator('.reveal')).toHaveCount(0);
  await q.getByRole('radio').nth(2).check();
  await q.getByRole('button', { name: /Commit my answer/ }).click();
  await expect(q.locator('.reveal')).toBeVisible();
  await expect(q).toContainText('You predicted it.');
  await expect(page.getByTestId('moved-summary')).toBeVisible();
  // Progress is kept: the course map shows the lesson opened and one answer.
  await page.goto('./#/');
  await expect(page.locator('a.lesson-card', { hasText: 'Why hash % N breaks' })).toContainText(
    '1 answered',
  );
});

test('an action button in the text applies an input to the widget on the page', async ({
  page,
}) => {
  await page.goto('./#/lesson/hashring-ring');
  await widgetReady(page);
  await page.getByRole('button', { name: '1,000', exact: true }).click();
  await expect(
    page.locator('.widget').first().locator('.param input[type=number]').first(),
  ).toBeVisible();
  await expect(page.getByRole('log').first()).toContainText(/1000 virtual nodes|vnodes/i);
});
