import { readdirSync, readFileSync } from 'node:fs';
import { expect, expectAccessible, test, widgetReady } from './fixtures';

/** Every lesson of the course (content/*.md but the test fixtures), with the model it teaches. */
const LESSONS = readdirSync(new URL('../content/', import.meta.url))
  .filter((f) => f.endsWith('.md') && !f.startsWith('fixture-'))
  .map((f) => {
    const text = readFileSync(new URL(`../content/${f}`, import.meta.url), 'utf8');
    return { id: f.replace(/\.md$/, ''), model: /^model:\s*(\S+)/m.exec(text)?.[1] ?? '' };
  });

for (const { id, model } of LESSONS) {
  test(`lesson ${id} opens, its widgets run, and it has no a11y violations`, async ({ page }) => {
    await page.goto(`./#/lesson/${id}`);
    await expect(page.locator('h1#lesson-title')).toBeVisible();
    await widgetReady(page);
    // Every directive compiled: no bad-attribute boxes, no raw directive text.
    await expect(page.locator('.lesson-body')).not.toContainText(':::');
    await expect(page.locator('.inline-error, .error-box')).toHaveCount(0);
    const widget = page.locator('.widget').first();
    await expect(widget).toHaveAttribute('data-model', model);
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
  const widget = page.locator('.widget').first();
  // In a lesson the parameters start folded (the drawing and the text first); opened, they
  // show the value the button set.
  const params = widget.getByRole('button', { name: 'Parameters' });
  await expect(params).toHaveAttribute('aria-expanded', 'false');
  await expect(widget.locator('.param input[type=number]').first()).toBeHidden();
  await params.click();
  await expect(
    widget.locator('.params').getByRole('spinbutton', { name: /^Virtual nodes/ }),
  ).toHaveValue('1000');
  await expect(page.getByRole('log').first()).toContainText(/1000 virtual nodes|vnodes/i);
});
