import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, test, widgetReady } from './fixtures';

const time = async (page: Page) => Number(await page.locator('.widget').getAttribute('data-t'));

/** Plays at 10x until the widget's time passes `ms` (or `until` holds), then pauses. */
async function playUntil(page: Page, ms: number, until?: () => Promise<boolean>): Promise<void> {
  const widget = page.locator('.widget').first();
  await widget.locator('.playback select').selectOption('10');
  await widget.locator('.playback button[aria-label="Play"]').click();
  await expect
    .poll(async () => (until ? await until() : false) || (await time(page)) > ms, {
      timeout: 45_000,
    })
    .toBe(true);
  await widget.locator('.playback button[aria-label="Pause"]').click();
  await expect(widget).toHaveAttribute('data-state', 'paused');
}

/** The history's bars as [client, type, start ms]. */
const bars = (page: Page) =>
  page
    .locator('.cap-op')
    .evaluateAll((els) =>
      els.map(
        (e) =>
          [
            Number(e.getAttribute('data-client')),
            e.getAttribute('data-type') ?? '',
            Number(e.getAttribute('data-start')),
          ] as const,
      ),
    );

test('cp: a partition drawn with the tool cuts the minority off; its clients fail, the rest go on', async ({
  page,
}) => {
  await page.goto('./#/play/cap?preset=cp-partition&inputs=none');
  await widgetReady(page);
  await playUntil(page, 2000);
  await expect(page.locator('.cap-client[data-last="ok"]').first()).toBeVisible();

  // Draw the cut: S0 by clicking it in the drawing, S1 with its checkbox; clients follow homes.
  await page.getByRole('button', { name: 'Partition…' }).click();
  await page.locator('.cap-replica[data-replica="0"]').click();
  const draft = page.getByRole('group', { name: 'Side B' });
  await draft.getByRole('checkbox', { name: 'S1' }).check();
  await expect(draft.getByRole('checkbox', { name: 'S0' })).toBeChecked();
  await expect(page.locator('.cap-draft-clients')).toHaveText('C0 C1');
  await expect(page.locator('.cap-replica.draft-b')).toHaveCount(2);
  await expect(page.locator('.cap-client.draft-b')).toHaveCount(2);
  const cutAt = await time(page);
  await draft.getByRole('button', { name: 'Cut the network' }).click();

  const main = page.locator('.cap-main');
  await expect(main).toHaveAttribute('data-partition', '[[2,3,4,7,8],[0,1,5,6]]');
  await expect(page.locator('.cap-cut')).toHaveCount(1);
  await expect(page.locator('.cap-replica[data-replica="0"]')).toHaveAttribute('data-side', 'B');
  await expect(page.locator('.cap-replica[data-replica="2"]')).toHaveAttribute('data-side', 'A');

  await playUntil(page, cutAt + 5000);
  // The minority's clients: their last operations failed, and nothing they began after the cut
  // succeeded.
  for (const c of [0, 1]) {
    const client = page.locator(`.cap-client[data-client="${c}"]`);
    await expect(client).toHaveAttribute('data-side', 'B');
    await expect(client).toHaveAttribute('data-last', /^(fail|info)$/);
  }
  const after = (await bars(page)).filter(([, , start]) => start > cutAt);
  const minority = after.filter(([c]) => c === 0 || c === 1);
  const majority = after.filter(([c]) => c === 2 || c === 3);
  expect(minority.filter(([, type]) => type === 'fail').length).toBeGreaterThan(0);
  expect(minority.filter(([, type]) => type === 'ok')).toEqual([]);
  expect(majority.filter(([, type]) => type === 'ok').length).toBeGreaterThan(0);
  expect(majority.filter(([, type]) => type === 'fail' || type === 'info')).toEqual([]);
  // Refusing keeps it correct: the history is still linearizable.
  await expect(page.getByTestId('cap-verdict')).toHaveAttribute('data-linearizable', 'true');
  await expect(page.locator('.cap-replica[data-replica="0"]')).toHaveAttribute(
    'data-state',
    'behind',
  );
  await expect(page.getByRole('log')).toContainText(/C[01]'s (read|write) of k0 failed/);
  await expectAccessible(page);
});

/** Plays the ap-partition preset until the checker reports a violation. */
async function apViolation(page: Page): Promise<Locator> {
  await page.goto('./#/play/cap?preset=ap-partition');
  await widgetReady(page);
  const verdict = page.getByTestId('cap-verdict');
  await playUntil(
    page,
    30_000,
    async () => (await verdict.getAttribute('data-linearizable')) === 'false',
  );
  return verdict;
}

test('ap: a stale read appears, the violating operations are highlighted, and the sentence says why', async ({
  page,
}) => {
  const verdict = await apViolation(page);
  await expect(verdict).toHaveAttribute('data-linearizable', 'false');
  const sentence = page.getByTestId('cap-sentence');
  await expect(sentence).toBeVisible();
  await expect(sentence).toHaveText(/^(C\d read .+ from k0|No order of the overlapping)/);
  // A stale read, counted beside the drawing, while every request was answered.
  const stale = page.locator('.cap-totals div', { hasText: 'Stale reads' }).locator('dd');
  await expect.poll(async () => Number(await stale.getAttribute('data-value'))).toBeGreaterThan(0);
  await expect(
    page.locator('.cap-totals div', { hasText: 'Availability' }).locator('dd'),
  ).toHaveText('100.0%');

  await page.getByRole('button', { name: 'Show in history' }).click();
  await expect(page.locator('.cap-lanes')).toHaveAttribute('data-anchored', 'true');
  const lit = page.locator('.cap-op.is-highlight');
  await expect.poll(() => lit.count()).toBeGreaterThanOrEqual(2);
  await expect(page.locator('.cap-op.is-violation.is-highlight')).toHaveCount(1);
  await expect(page.locator('.cap-order-arrow')).toHaveCount(1);
  await expect(page.getByTestId('cap-op-status')).toContainText('Not linearizable:');
  await expect(page.getByTestId('cap-op-status')).toContainText(
    (await page.getByTestId('cap-sentence').textContent()) ?? 'none',
  );

  // The lanes are keyboard accessible: arrows move between operations and describe them.
  await page.locator('.cap-lanes').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('cap-op-status')).toHaveText(/^C\d (read|write)/);
  await page.keyboard.press('Escape');
  await expect(page.locator('.cap-lanes')).toHaveAttribute('data-anchored', 'false');
  await expectAccessible(page);
});

test('a share link reproduces the violation in a fresh browser', async ({ page, browser }) => {
  await apViolation(page);
  await page.getByRole('button', { name: 'Share' }).click();
  const url = await page.getByTestId('share-url').inputValue();
  expect(url).toContain('#/play/cap?s=');
  const state = async (p: Page) => {
    await p.getByRole('button', { name: 'Show in history' }).click();
    return {
      t: await p.locator('.widget').getAttribute('data-t'),
      verdict: await p.getByTestId('cap-verdict').innerText(),
      violations: await p.getByTestId('cap-verdict').getAttribute('data-violations'),
      highlighted: await p
        .locator('.cap-op.is-highlight')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-op')).join(',')),
      replicas: await p
        .locator('.cap-replica')
        .evaluateAll((els) =>
          els.map((e) => `${e.getAttribute('data-value')}@${e.getAttribute('data-version')}`),
        ),
      clients: await p
        .locator('.cap-client')
        .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))),
      totals: await p.getByTestId('cap-totals').innerText(),
      metrics: await p.locator('.metrics dl').innerText(),
    };
  };
  const original = await state(page);
  expect(original.highlighted.split(',').length).toBeGreaterThanOrEqual(2);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await widgetReady(other);
  await expect.poll(() => other.locator('.widget').getAttribute('data-t')).toBe(original.t);
  await expect(other.getByTestId('cap-verdict')).toHaveAttribute('data-linearizable', 'false');
  expect(await state(other)).toEqual(original);
  await fresh.close();
});

// Each lesson's generic check (opens, runs, axe) is in lessons.spec.ts.

test('the partition lesson’s buttons cut the network and switch the mode', async ({ page }) => {
  await page.goto('./#/lesson/cap-partition');
  await widgetReady(page);
  await page.getByRole('button', { name: 'cut S0 and S1 off from the other three' }).click();
  const main = page.locator('.cap-main').first();
  await expect(main).toHaveAttribute('data-partition', '[[0,1,5,6],[2,3,4,7,8]]');
  const q = page.locator('[data-question="q-ap"]');
  await q.getByRole('radio').nth(1).check();
  await q.getByRole('button', { name: /Commit my answer/ }).click();
  await expect(main).toHaveAttribute('data-mode', 'ap');
  await page.getByRole('button', { name: 'Heal the network' }).click();
  await expect(main).toHaveAttribute('data-partition', '');
});

test('the cap-partition experiment compares the three modes side by side', async ({ page }) => {
  await page.goto('./#/experiments/cap-partition');
  const exp = page.locator('[data-experiment="cap-partition"]');
  const ops = exp.locator('.params').getByRole('spinbutton', { name: /Operations/ });
  await ops.fill('200');
  await ops.press('Enter');
  await exp.getByRole('button', { name: 'Run experiment' }).click();
  await expect(exp.locator('table.results tbody tr')).toHaveCount(3, { timeout: 45_000 });
  const rows = await exp.locator('table.results tbody tr').allInnerTexts();
  expect(rows[0]).toMatch(/^cp\s+[\d.]+%\s+true\s+0\s+0$/);
  expect(rows[1]).toMatch(/^ap\s+100\.0%\s+false\s+[1-9]\d*\s+\d+$/);
  expect(rows[2]).toMatch(/^quorum\s/);
  await expect(exp.locator('.category-bars')).toHaveCount(3);
  await expect(exp.locator('.category-bars').first()).toHaveAttribute(
    'aria-label',
    /^availability .* by run: cp [\d.]+%, ap 100\.0%, quorum [\d.]+%$/,
  );
  await expectAccessible(page);
});
