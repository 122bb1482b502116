import { expect, expectAccessible, test, widgetReady } from './fixtures';

test('commit: TC crashed after the votes leaves P1-P3 in doubt and locked until it restarts', async ({
  page,
}) => {
  await page.goto('./#/play/commit?preset=blocked&t=5000');
  await widgetReady(page);
  const main = page.locator('.commit-main');
  await expect(main).toHaveAttribute('data-in-doubt', '3');
  for (const p of [1, 2, 3]) {
    const node = page.locator(`.commit-node[data-node="${p}"]`);
    await expect(node).toHaveAttribute('data-state', 'prepared');
    await expect(node).toHaveAttribute(
      'aria-label',
      /prepared: in doubt, locked for .* holding its lock/,
    );
  }
  await expect(page.locator('.commit-node[data-node="0"]')).toHaveAttribute(
    'data-state',
    'crashed',
  );
  await expect(page.locator('.commit-table tr[data-participant="2"]')).toContainText('held by T1');
  await expectAccessible(page);

  // Restart TC from the toolbar: presumed abort answers the participants' questions with abort.
  await page.getByRole('button', { name: 'Restart TC' }).click();
  const widget = page.locator('.widget').first();
  await widget.locator('.playback select').selectOption('2');
  await widget.locator('.playback button[aria-label="Play"]').click();
  await expect(main).toHaveAttribute('data-in-doubt', '0', { timeout: 20_000 });
  await expect(page.locator('.commit-outcomes')).toContainText('T1: TC abort; aborted at');
  await expect(page.locator('.commit-node[data-node="1"]')).toHaveAttribute(
    'data-state',
    'aborted',
  );
});

test('commit: the toolbar runs a transaction and a no vote aborts it everywhere', async ({
  page,
}) => {
  await page.goto('./#/play/commit?preset=commit&param-txEveryMs=0&param-noVoteRate=0');
  await widgetReady(page);
  await page.getByRole('button', { name: 'P1 votes no next' }).click();
  await page.getByRole('button', { name: 'Begin a transaction' }).click();
  const widget = page.locator('.widget').first();
  await widget.locator('.playback select').selectOption('2');
  await widget.locator('.playback button[aria-label="Play"]').click();
  await expect(page.locator('.commit-outcomes')).toContainText(
    /T1: TC abort; aborted at P\d, P\d, P\d/,
    {
      timeout: 20_000,
    },
  );
});
