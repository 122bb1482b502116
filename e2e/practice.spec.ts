/**
 * Generated practice (issue 15, item 5): a question is generated from a seed, answered wrong,
 * shown by replaying its own run, answered right, and the score persists across a reload. The
 * key comes from the page's test hook (the same worker call the page makes).
 */
import { expect, expectAccessible, test, widgetReady } from './fixtures';
import type { Page } from '@playwright/test';

interface Q {
  seed: number;
  kind: 'one' | 'many' | 'number';
  choices: { id: string; label: string }[];
  key: { ids?: string[]; value?: number; tolerance?: number };
  atMs: number;
}

async function keyOf(page: Page, model: string, seed: number): Promise<Q> {
  await page.waitForFunction(() => !!window.__dsp);
  const r = await page.evaluate(([m, s]) => window.__dsp!.practice(m as string, s as number), [
    model,
    seed,
  ] as const);
  if (!r.ok) throw new Error(r.error);
  return r.question as unknown as Q;
}

const question = (page: Page) => page.locator('.practice-question');
const grade = (page: Page) => page.locator('.practice-grade');
const score = (page: Page) => page.getByTestId('practice-score');

/** Ticks exactly `ids` (and unticks the rest). */
async function pick(page: Page, q: Q, ids: readonly string[]): Promise<void> {
  for (const c of q.choices) {
    const box = question(page).getByLabel(c.label, { exact: true });
    if (ids.includes(c.id)) await box.check();
    else if (q.kind === 'many') await box.uncheck();
  }
}

test('a practice question: answered wrong, shown by its run, answered right; the score survives a reload', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('./#/practice/raft?seed=12');
  await expect(question(page)).toHaveAttribute('data-seed', '12');
  const q = await keyOf(page, 'raft', 12);
  const right = q.key.ids!;
  await widgetReady(page, '.widget[data-widget-id="practice"]');
  await expect(score(page)).toContainText('No questions answered yet');
  await page.screenshot({ path: 'test-results/practice-unanswered.png', fullPage: true });
  await expectAccessible(page);

  // Wrong: one server that can win is not enough when several can; or a server that cannot.
  const wrong =
    right.length > 1
      ? [right[0]!]
      : q.choices
          .filter((c) => !right.includes(c.id))
          .map((c) => c.id)
          .slice(0, 1);
  await pick(page, q, wrong);
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(grade(page)).toHaveAttribute('data-grade', 'wrong');
  await expect(grade(page)).toBeFocused();
  await expect(grade(page)).toHaveAttribute('role', 'status');
  await expect(score(page)).toContainText('0 of 1 right');
  await page.screenshot({ path: 'test-results/practice-wrong.png', fullPage: true });

  // Shown: the widget plays the question's run until the next leader is elected.
  await page.getByRole('button', { name: 'Show me the answer' }).click();
  await expect(page.locator('.practice-answer')).toBeFocused();
  const w = page.locator('.widget[data-widget-id="practice"]');
  await expect
    .poll(async () => Number(await w.getAttribute('data-t')), { timeout: 30_000 })
    .toBeGreaterThan(q.atMs);
  await expect(w).toHaveAttribute('data-state', 'paused', { timeout: 30_000 });
  const log = w.locator('.event-log [role="log"]');
  await expect(log).toContainText(/won term \d+/);
  // The server the run elected is one of the right answers.
  const won = /(S\d) won term/.exec(
    await log
      .locator('li', { hasText: /won term/ })
      .last()
      .innerText(),
  )![1]!;
  expect(right).toContain(won);

  // Right, at the second check: graded right, but the score counted the first check.
  await pick(page, q, right);
  await page.getByRole('button', { name: 'Check again' }).click();
  await expect(grade(page)).toHaveAttribute('data-grade', 'right');
  await expect(grade(page)).toContainText('Right this time');
  await expect(score(page)).toContainText('0 of 1 right');
  await page.locator('.practice-question').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/practice-right.png', fullPage: true });
  await expectAccessible(page);

  // Reload: the same question and the same score.
  await page.reload();
  await expect(question(page)).toHaveAttribute('data-seed', '12');
  await expect(score(page)).toContainText('0 of 1 right');

  // Next: a new seed, answered right at once; the score counts it and survives a reload.
  await page.getByRole('button', { name: 'Next question' }).click();
  await expect(page).toHaveURL(/#\/practice\/raft\?seed=\d+$/);
  await expect(question(page)).not.toHaveAttribute('data-seed', '12');
  const seed = Number(await question(page).getAttribute('data-seed'));
  const q2 = await keyOf(page, 'raft', seed);
  await pick(page, q2, q2.key.ids!);
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(grade(page)).toHaveAttribute('data-grade', 'right');
  await expect(score(page)).toContainText('1 of 2 right at the first try; streak 1');
  // Without a seed in the link, the page shows the stored question.
  await page.goto('./#/practice/raft');
  await page.reload();
  await expect(question(page)).toHaveAttribute('data-seed', String(seed));
  await expect(score(page)).toContainText('1 of 2 right');
  await page.goto('./#/practice');
  await expect(page.getByRole('link', { name: /Who can win the next election/ })).toContainText(
    '1 of 2 right',
  );
});

test('hash ring, CAP and stampede questions are graded, and their runs show the answer', async ({
  page,
}) => {
  test.setTimeout(90_000);
  for (const [model, seed] of [
    ['hashring', 3],
    ['cap', 2],
    ['stampede', 2],
  ] as const) {
    await page.goto('about:blank');
    await page.goto(`./#/practice/${model}?seed=${seed}`);
    await expect(question(page)).toHaveAttribute('data-seed', String(seed));
    const q = await keyOf(page, model, seed);
    if (q.kind === 'number')
      await question(page)
        .getByLabel('Database queries')
        .fill(String(q.key.value! + q.key.tolerance! + 5));
    else await pick(page, q, [q.choices.find((c) => !q.key.ids!.includes(c.id))!.id]);
    await page.getByRole('button', { name: 'Check my answer' }).click();
    await expect(grade(page)).toHaveAttribute('data-grade', 'wrong');
    await page.getByRole('button', { name: 'Show me the answer' }).click();
    const w = page.locator('.widget[data-widget-id="practice"]');
    await widgetReady(page, '.widget[data-widget-id="practice"]');
    if (model === 'hashring')
      await expect(w.getByTestId('ring-hover')).toContainText('preference list');
    else {
      const until = Number((q as unknown as { revealUntil: string }).revealUntil.slice(2));
      await expect(w).toHaveAttribute('data-t', String(until), { timeout: 30_000 });
    }
    if (model === 'stampede')
      await expect(w.locator('.event-log [role="log"]')).toContainText(`recomputed it`);
    if (q.kind === 'number')
      await question(page).getByLabel('Database queries').fill(String(q.key.value));
    else await pick(page, q, q.key.ids!);
    await page.getByRole('button', { name: 'Check again' }).click();
    await expect(grade(page)).toHaveAttribute('data-grade', 'right');
    await expect(score(page)).toContainText('0 of 1 right');
    if (model === 'cap')
      await page.screenshot({ path: 'test-results/practice-cap.png', fullPage: true });
    await expectAccessible(page);
  }
});

test('keyboard only: pick, check, show, next', async ({ page }) => {
  await page.goto('./#/practice/hashring?seed=5');
  await expect(question(page)).toHaveAttribute('data-seed', '5');
  const q = await keyOf(page, 'hashring', 5);
  const first = question(page).getByRole('radio').first();
  await first.focus();
  // Arrow keys move between the radio buttons; the right one is checked by keyboard alone.
  const index = q.choices.findIndex((c) => c.id === q.key.ids![0]);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  if (index === 0) await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect(grade(page)).toHaveAttribute('data-grade', 'right');
  await expect(grade(page)).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Next question' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Show me the answer' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.practice-answer')).toBeFocused();
});

test('a model without practice, or a bad seed in the link, says what is wrong; the index passes axe', async ({
  page,
}) => {
  await page.goto('./#/practice/tokenring');
  await expect(page.getByRole('alert')).toContainText('No practice for “tokenring”');
  await page.goto('./#/practice/cap?seed=12x');
  await expect(page.getByRole('alert').first()).toContainText(
    'seed: "12x" is not a whole number from 0 to 4294967295',
  );
  // The rest of the page still works: the stored (or a fresh) question is there.
  await expect(question(page)).toBeVisible();
  await page.goto('./#/practice');
  await expect(page.getByRole('link', { name: /Is this history linearizable/ })).toBeVisible();
  await expectAccessible(page);
  // A lesson links to its model's practice.
  await page.goto('./#/lesson/stampede-herd');
  await page.getByRole('link', { name: 'Practise now →' }).click();
  await expect(page).toHaveURL(/#\/practice\/stampede$/);
  await expect(question(page)).toBeVisible();
});
