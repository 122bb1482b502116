/**
 * Every model and every experiment, not only the ones the feature tests pick: each experiment
 * runs its default (one run) and its default sweep and draws its chart; every ordered pair of
 * playgrounds, forward and Back, leaves a working widget of the right model.
 */
import type { Page } from '@playwright/test';
import { EXPERIMENT_METAS } from '../src/sim/catalog';
import { MODEL_IDS } from '../src/sim/modelList';
import { expect, test, widgetReady } from './fixtures';

for (const meta of EXPERIMENT_METAS) {
  test(`experiment ${meta.id} runs its default and its default sweep, and draws its chart`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.goto(`./#/experiments/${meta.id}`);
    const exp = page.locator(`[data-experiment="${meta.id}"]`);
    await expect(exp).toBeVisible();
    const run = exp.getByRole('button', { name: 'Run experiment' });
    // A line chart, a CDF or bars: whichever the experiment's chart spec draws for these runs.
    const chart = exp.locator('.experiment-chart').locator('svg.chart, .category-bars');
    const unDrawable = exp.getByText('These results cannot be drawn');
    const failed = exp.locator('.field-error');
    const vary = exp.getByRole('combobox', { name: 'Vary' });

    await vary.selectOption('');
    await run.click();
    await expect(exp.locator('table.results tbody tr')).toHaveCount(1, { timeout: 120_000 });
    await expect(chart.first()).toBeVisible();
    await expect(unDrawable).toHaveCount(0);
    await expect(failed).toHaveCount(0);

    if (meta.sweep) {
      await vary.selectOption(meta.sweep.param);
      await expect(exp.getByLabel('Values to sweep, comma separated')).toHaveValue(
        meta.sweep.values.join(', '),
      );
      await run.click();
      await expect(exp.locator('table.results tbody tr')).toHaveCount(meta.sweep.values.length, {
        timeout: 150_000,
      });
      await expect(chart.first()).toBeVisible();
      await expect(unDrawable).toHaveCount(0);
      await expect(failed).toHaveCount(0);
    }
    await expect(page.locator('.error-boundary, [data-error-boundary]')).toHaveCount(0);
  });
}

/** The playground shows a widget of `model` that runs: a step moves its time. */
async function working(page: Page, model: string): Promise<void> {
  await widgetReady(page);
  const widget = page.locator('.widget');
  await expect(widget).toHaveAttribute('data-model', model);
  await expect(page.locator('.error-boundary, [data-error-boundary]')).toHaveCount(0);
  await expect(page.getByRole('alert').filter({ hasText: 'could not be shown' })).toHaveCount(0);
  const t0 = Number(await widget.getAttribute('data-t'));
  await page.locator('.playback button[aria-label^="Step"]').click();
  await expect.poll(async () => Number(await widget.getAttribute('data-t'))).toBeGreaterThan(t0);
}

for (const from of MODEL_IDS) {
  test(`from the ${from} playground to every other and Back, forward again`, async ({ page }) => {
    test.setTimeout(30_000 * MODEL_IDS.length);
    for (const to of MODEL_IDS.filter((m) => m !== from)) {
      await page.goto(`./#/play/${from}`);
      await working(page, from);
      await page.goto(`./#/play/${to}`);
      await working(page, to);
      await page.goBack();
      await working(page, from);
      await page.goForward();
      await working(page, to);
    }
  });
}
