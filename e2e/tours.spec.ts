/**
 * Guided tours beyond Raft (issue 15, item 1): the first lessons of the hash ring, CAP, the
 * cache stampede and clocks each have a tour that stops at every step on the same frame every
 * run, advances on Continue and finishes; axe clean at a stop.
 */
import { expect, expectAccessible, test, widgetReady } from './fixtures';
import type { Page } from '@playwright/test';

const TOURS = [
  { lesson: 'hashring-modulo', widget: 'modulo', steps: 2 },
  { lesson: 'stampede-herd', widget: 'herd', steps: 2 },
  { lesson: 'cap-partition', widget: 'cap', steps: 2 },
  { lesson: 'clocks-lamport', widget: 'build', steps: 2 },
] as const;

async function runTour(page: Page, lesson: string, widgetId: string, steps: number) {
  await page.goto('about:blank');
  await page.goto(`./#/lesson/${lesson}`);
  const widget = page.locator(`.widget[data-widget-id="${widgetId}"]`);
  await widgetReady(page, `.widget[data-widget-id="${widgetId}"]`);
  const panel = widget.locator('.tour-panel');
  await panel.getByRole('button', { name: 'Start the guided tour' }).click();
  const stops: number[] = [];
  for (let i = 1; i <= steps; i++) {
    await expect(panel).toHaveAttribute('data-tour-state', 'stopped', { timeout: 40_000 });
    await expect(panel).toHaveAttribute('data-tour-step', String(i));
    const t = Number(await panel.getAttribute('data-stop-ms'));
    await expect(widget).toHaveAttribute('data-t', String(t));
    await expect(widget).toHaveAttribute('data-state', 'paused');
    await expect(widget.locator('.event-log li.log-tour')).toContainText(`Step ${i} of ${steps}`);
    stops.push(t);
    if (i < steps) await panel.getByRole('button', { name: 'Continue' }).click();
  }
  return { stops, widget, panel };
}

for (const { lesson, widget: id, steps } of TOURS) {
  test(`the tour of ${lesson} stops on the same frames every run`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    const first = await runTour(page, lesson, id, steps);
    const { stops, widget, panel } = await runTour(page, lesson, id, steps);
    console.log(`${lesson} tour stops (virtual ms): ${stops.join(', ')}`);
    expect(stops).toEqual(first.stops);
    for (let i = 1; i < stops.length; i++) expect(stops[i]!).toBeGreaterThan(stops[i - 1]!);
    await widget.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/tour-${lesson}.png` });
    await expectAccessible(page);
    await expect(panel.getByRole('button', { name: 'Finish the tour' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(panel).toHaveAttribute('data-tour-state', 'finished');
  });
}
