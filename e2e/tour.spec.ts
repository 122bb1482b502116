/**
 * Guided tours (issue 15): the Raft election lesson's tour stops on the same frame every run
 * (the host stops there, not the page's timer), Continue and Enter advance, the caption reaches
 * the event log's live region, the learner can leave and come back, and it is axe clean.
 */
import { expect, expectAccessible, test, widgetReady } from './fixtures';
import type { Page } from '@playwright/test';

const LESSON = './#/lesson/raft-election';
const widget = (page: Page) => page.locator('.widget[data-widget-id="elect"]');
const panel = (page: Page) => widget(page).locator('.tour-panel');

/** Waits for the tour to stop at `step` and returns the time it stopped at. */
async function stoppedAt(page: Page, step: number): Promise<number> {
  const p = panel(page);
  await expect(p).toHaveAttribute('data-tour-state', 'stopped', { timeout: 30_000 });
  await expect(p).toHaveAttribute('data-tour-step', String(step));
  const t = Number(await p.getAttribute('data-stop-ms'));
  await expect(widget(page)).toHaveAttribute('data-t', String(t));
  await expect(widget(page)).toHaveAttribute('data-state', 'paused');
  return t;
}

async function runTour(page: Page, steps: number): Promise<number[]> {
  // A fresh page load each run (the same hash would not reload the lesson).
  await page.goto('about:blank');
  await page.goto(LESSON);
  await widgetReady(page, '.widget[data-widget-id="elect"]');
  await panel(page).getByRole('button', { name: 'Start the guided tour' }).click();
  const times: number[] = [];
  for (let i = 1; i <= steps; i++) {
    times.push(await stoppedAt(page, i));
    if (i < steps) await panel(page).getByRole('button', { name: 'Continue' }).click();
  }
  return times;
}

test('a guided Raft tour stops on the same frames every run, and Continue advances', async ({
  page,
}) => {
  // Two whole tours at the lesson's quarter speed.
  test.setTimeout(150_000);
  const first = await runTour(page, 5);
  const second = await runTour(page, 5);
  console.log(`tour stops (virtual ms): ${first.join(', ')}`);
  expect(second).toEqual(first);
  // Each step is later than the one before; the leader crash (step 4) leads to a second term.
  for (let i = 1; i < first.length; i++) expect(first[i]!).toBeGreaterThanOrEqual(first[i - 1]!);
  // After the crash (step 4) the next election is an election timeout later, not at once.
  expect(first[3]! - first[2]!).toBeGreaterThanOrEqual(150);
  const log = widget(page).locator('.event-log [role="log"]');
  await expect(log.locator('li.log-tour')).toContainText('Step 5 of 5');
  await expect(log).toContainText('won term 2');
  await panel(page).getByRole('button', { name: 'Finish the tour' }).click();
  await expect(panel(page)).toHaveAttribute('data-tour-state', 'finished');
});

test('keyboard only: Enter starts and continues the tour; leave and come back; axe clean', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(LESSON);
  await widgetReady(page, '.widget[data-widget-id="elect"]');
  const start = panel(page).getByRole('button', { name: 'Start the guided tour' });
  // Tab to the start button (counted, so nobody has to wade through the page).
  let tabs = 0;
  while (!(await start.evaluate((el) => el === document.activeElement)) && tabs < 80) {
    await page.keyboard.press('Tab');
    tabs++;
  }
  console.log(`Tabs from the top of the lesson to "Start the guided tour": ${tabs}`);
  // Issue 15 asks for at most 10 (it was 13: the brand and the crumbs repeated the header's Course
  // link, and the widget's skip link stood before the tour's Start).
  expect(tabs).toBeLessThanOrEqual(10);
  await page.keyboard.press('Enter');
  const t1 = await stoppedAt(page, 1);
  // Continue has the focus at each stop, so Enter goes on.
  await expect(panel(page).getByRole('button', { name: 'Continue' })).toBeFocused();
  const caption = panel(page).locator('.tour-caption');
  await expect(caption).toContainText('candidate');
  await expect(widget(page).locator('.event-log li.log-tour')).toContainText('Step 1 of 5');
  await page.setViewportSize({ width: 1280, height: 900 });
  await widget(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/tour-step1.png' });
  await expectAccessible(page);
  await page.keyboard.press('Enter');
  const t2 = await stoppedAt(page, 2);
  expect(t2).toBeGreaterThanOrEqual(t1);
  await page.keyboard.press('Enter');
  const t3 = await stoppedAt(page, 3);
  await widget(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/tour-step3.png' });

  // Leave, play freely (scrub back), come back to step 3 at the same frame.
  await panel(page).getByRole('button', { name: 'Leave the tour' }).press('Enter');
  await expect(panel(page)).toHaveAttribute('data-tour-state', 'away');
  await widget(page).getByRole('button', { name: 'Back to the start' }).press('Enter');
  await expect(widget(page)).toHaveAttribute('data-t', '0');
  const back = panel(page).getByRole('button', { name: 'Back to step 3' });
  await back.focus();
  await page.keyboard.press('Enter');
  expect(await stoppedAt(page, 3)).toBe(t3);
  await expectAccessible(page);
  // On to the end by keyboard alone: the leader crash, the next leader, then Finish.
  await expect(panel(page).getByRole('button', { name: 'Continue' })).toBeFocused();
  await page.keyboard.press('Enter');
  await stoppedAt(page, 4);
  await page.keyboard.press('Enter');
  await stoppedAt(page, 5);
  await expect(panel(page).getByRole('button', { name: 'Finish the tour' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel(page)).toHaveAttribute('data-tour-state', 'finished');
});

/** The event log's lines up to now (not greyed), as "time text". */
const pastLines = (page: Page) =>
  page
    .locator('.event-log [role="log"] li:not(.log-future):not(.muted):not(.log-tour)')
    .allInnerTexts();

test('the event log is the whole run: a link far in, then scrubbing back, lists every event up to now', async ({
  page,
}) => {
  // A share link 8 s in: the log is rebuilt by replay from t = 0, not from a few seconds back.
  await page.goto('./#/play/raft?preset=election&t=8000');
  await widgetReady(page);
  await expect(page.locator('.widget')).toHaveAttribute('data-t', '8000');
  const log = page.locator('.event-log [role="log"]');
  await expect(log).toContainText('won term 1');
  await expect(log.locator('li.log-future')).toHaveCount(0);
  // Scrub back by clicking an entry: it seeks there; later entries stay, greyed.
  const won = log.getByRole('button', { name: /^Go to / }).first();
  const wonLine = log.locator('li', { hasText: 'won term 1' }).first();
  const wonTime = await wonLine.getByRole('button').innerText();
  await wonLine.getByRole('button').click();
  // The seek's frame arrives after the click returns (a busy machine showed t still 8000).
  const widgetT = async () => Number(await page.locator('.widget').getAttribute('data-t'));
  await expect.poll(widgetT).toBeLessThan(1000);
  const t = await widgetT();
  expect(t).toBeGreaterThan(0);
  await expect(log.locator('li.log-future').first()).toBeVisible();
  await expect(won).toBeVisible();
  const scrubbed = await pastLines(page);
  expect(scrubbed.at(-1)).toContain('won term 1');
  expect(scrubbed.at(-1)).toContain(wonTime);
  await page.locator('.event-log').screenshot({ path: 'test-results/log-scrubbed.png' });
  // The same moment reached straight from a link lists exactly the same lines.
  await page.goto('about:blank');
  await page.goto(`./#/play/raft?preset=election&t=${t}`);
  await widgetReady(page);
  await expect(page.locator('.widget')).toHaveAttribute('data-t', String(t));
  await expect(log).toContainText('won term 1');
  expect(await pastLines(page)).toEqual(scrubbed);
  await expectAccessible(page);
});

test('at the lesson speed a Raft message stays on screen at least half a second (slow motion while messages fly)', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto(LESSON);
  await widgetReady(page, '.widget[data-widget-id="elect"]');
  await expect(widget(page).locator('.slow-motion')).toBeVisible();
  // Time each message in the frame the widget shows, at the screen's rate (the drawing may be
  // SVG or a canvas; it draws exactly these messages).
  await page.evaluate(() => {
    const w = window as unknown as {
      __flights: number[];
      __stop: boolean;
      __dsp: { widget(id: string): { inFlightIds(): number[] } | undefined };
    };
    w.__flights = [];
    w.__stop = false;
    const seen = new Map<number, number>();
    const loop = (now: number) => {
      const live = new Set(w.__dsp.widget('elect')?.inFlightIds() ?? []);
      for (const id of live) if (!seen.has(id)) seen.set(id, now);
      for (const [id, first] of seen)
        if (!live.has(id)) {
          w.__flights.push(now - first);
          seen.delete(id);
        }
      if (!w.__stop) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  await widget(page).getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForTimeout(12_000);
  const flights = await page.evaluate(() => {
    const w = window as unknown as { __flights: number[]; __stop: boolean };
    w.__stop = true;
    return w.__flights;
  });
  const sorted = [...flights].sort((a, b) => a - b);
  const p10 = sorted[Math.floor(sorted.length / 10)]!;
  console.log(
    `Raft messages on screen at 0.25x (ms): n=${sorted.length} min=${sorted[0]?.toFixed(0)} p10=${p10.toFixed(0)} median=${sorted[sorted.length >> 1]?.toFixed(0)} max=${sorted.at(-1)?.toFixed(0)}`,
  );
  expect(sorted.length).toBeGreaterThan(8);
  // The host gives each message 600 ms; what the page sees also carries the busy machine's
  // frame jitter (a late frame shortens one flight as seen), so: nine in ten at least 0.5 s,
  // and none near the unslowed 8 to 20 ms.
  expect(p10).toBeGreaterThanOrEqual(500);
  expect(sorted[0]!).toBeGreaterThanOrEqual(250);
});

test('keyboard: "Skip the widget" passes it, and after "Commit my answer" focus is on the reveal', async ({
  page,
}) => {
  await page.goto(LESSON);
  await widgetReady(page, '.widget[data-widget-id="elect"]');
  const skip = page.getByRole('link', { name: 'Skip the widget' }).first();
  await skip.focus();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('#after-elect')).toBeFocused();
  // The next Tab lands after the widget (the prediction's first option), not inside it.
  await page.keyboard.press('Tab');
  const q = page.locator('[data-question="q-first"]');
  await expect(q.getByRole('radio').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await expect(q.getByRole('button', { name: /Commit my answer/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(q.locator('.predict-after')).toBeFocused();
  await expect(q.locator('.predict-after')).toContainText('timer');
  await expectAccessible(page);
});

test('the embed runs a tour from its tour attribute, and names a bad step', async ({ page }) => {
  const steps = [
    { caption: 'The first candidate.', until: 'event:election', highlight: 'candidates' },
    { caption: 'A leader.', until: 'event:leader', highlight: 'leader' },
  ];
  const url = (tour: unknown) =>
    `./embed.html?model=raft&preset=election&inputs=none&tour=${encodeURIComponent(JSON.stringify(tour))}`;
  await page.goto(url(steps));
  await widgetReady(page);
  const p = page.locator('.tour-panel');
  await p.getByRole('button', { name: 'Start the guided tour' }).click();
  await expect(p).toHaveAttribute('data-tour-state', 'stopped', { timeout: 30_000 });
  await expect(p).toHaveAttribute('data-stop-ms', '150');
  await expect(p).toContainText('The first candidate.');
  await p.getByRole('button', { name: 'Continue' }).click();
  await expect(p).toHaveAttribute('data-stop-ms', '180', { timeout: 30_000 });
  // The iframe page is one widget, no page of its own (no main landmark or h1 by design).
  await expectAccessible(page, 'ds-playground');
  await page.goto('about:blank');
  await page.goto(url([{ caption: 'x', until: 'soon' }]));
  await expect(page.getByRole('listitem').filter({ hasText: 'tour.steps.1.until' })).toContainText(
    '"soon" is not a stop',
  );
});
