/**
 * The widget beside the text (issue 15 item 3), for every lesson at a laptop's 1280 x 900 and a
 * phone's 390 x 844: scrolled to where a reader reaches each widget's first paragraph, the
 * paragraph, the widget's drawing and its Play button are all on screen, and no widget is taller
 * than the screen. Wide, the paragraph is read near the top while the widget sticks beside it;
 * narrow, the widget sits above its text, so the paragraph is reached at the bottom of the screen.
 */
import { readdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test, widgetReady } from './fixtures';

const LESSONS = readdirSync(new URL('../content/', import.meta.url))
  .filter((f) => f.endsWith('.md') && !f.startsWith('fixture-'))
  .map((f) => f.replace(/\.md$/, ''));

const SCREENS = [
  { name: 'laptop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

interface Placed {
  para: string;
  problems: string[];
}

/** Scrolls section `i` to its first paragraph, as a reader reaches it, and says what is off. */
function placeSection(page: Page, i: number): Promise<Placed> {
  return page.evaluate(async (i) => {
    const section = document.querySelectorAll<HTMLElement>('.lesson-section')[i]!;
    const after = section.querySelector(':scope > .lesson-text:not(.lesson-text-before)');
    const kids = [...(after?.children ?? [])].filter((e) => (e as HTMLElement).innerText.trim());
    // The first thing the reader meets after the widget: a paragraph, a heading, a question.
    const para = kids[0] as HTMLElement | undefined;
    const widget = section.querySelector<HTMLElement>('.widget')!;
    const headerBottom = document.querySelector('.app-header')!.getBoundingClientRect().bottom;
    const wide = innerWidth >= 1100;
    const problems: string[] = [];
    // Wide: the paragraph just under the header. Narrow: its first lines at the screen's foot.
    // A widget with no text of its own (another widget follows): the widget under the header.
    const top = (para ?? widget).getBoundingClientRect().top + scrollY;
    scrollTo(0, para && !wide ? top - (innerHeight - 72) : top - headerBottom - 24);
    // Two frames: the sticky column settles with the scroll.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const on = (name: string, el: Element | null | undefined, whole: boolean) => {
      if (!el) return problems.push(`${name}: missing`);
      const r = el.getBoundingClientRect();
      const bottom = whole ? r.bottom : r.top + 20;
      if (r.top < headerBottom - 1 || bottom > innerHeight + 1)
        problems.push(
          `${name} at ${Math.round(r.top)}..${Math.round(r.bottom)}, screen ${Math.round(headerBottom)}..${innerHeight}`,
        );
    };
    if (para) on('paragraph', para, false);
    on('drawing', widget.querySelector('.stage'), true);
    on(
      'Play',
      widget.querySelector(
        '.playback button[aria-label="Play"], .playback button[aria-label="Pause"]',
      ),
      true,
    );
    const h = widget.getBoundingClientRect().height;
    if (h > innerHeight)
      problems.push(`widget ${Math.round(h)} px tall on a ${innerHeight} px screen`);
    return { para: (para?.innerText ?? '(no text after the widget)').slice(0, 60), problems };
  }, i);
}

for (const screen of SCREENS) {
  test.describe(`${screen.name} ${screen.width}x${screen.height}`, () => {
    test.use({ viewport: { width: screen.width, height: screen.height } });
    for (const id of LESSONS) {
      test(`${id}: each widget's first paragraph, drawing and Play on one screen`, async ({
        page,
      }) => {
        await page.goto(`./#/lesson/${id}`);
        await widgetReady(page);
        const sections = page.locator('.lesson-section');
        const count = await sections.count();
        expect(count).toBeGreaterThan(0);
        const problems: string[] = [];
        for (let i = 0; i < count; i++) {
          await widgetReady(page, `.lesson-section:nth-child(${i + 1} of .lesson-section) .widget`);
          const placed = await placeSection(page, i);
          for (const p of placed.problems)
            problems.push(`widget ${i + 1} ("${placed.para}"): ${p}`);
          if (i === 0)
            await page.screenshot({ path: `test-results/layout-${id}-${screen.width}.png` });
        }
        expect(problems).toEqual([]);
        if (screen.name === 'phone') await expectAccessible(page);
      });
    }
  });
}

test('one widget plays at a time: playing one, or reading on to the next, pauses the other and keeps its run', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('./#/lesson/traffic-ratelimit');
  const open = page.locator('.widget[data-widget-id="open"]');
  const limited = page.locator('.widget[data-widget-id="limited"]');
  await widgetReady(page, '.widget[data-widget-id="open"]');
  await open.locator('.playback button[aria-label="Play"]').click();
  await expect(open).toHaveAttribute('data-state', 'playing');
  await expect.poll(async () => Number(await open.getAttribute('data-t'))).toBeGreaterThan(300);
  // The second widget's section: reaching its text pauses the first, where it was.
  await page
    .locator(
      '.lesson-section[data-section-widget="limited"] > .lesson-text:not(.lesson-text-before)',
    )
    .evaluate((e) => window.scrollTo(0, e.getBoundingClientRect().top + scrollY - 100));
  await expect(page.locator('.lesson-section[data-section-widget="limited"]')).toHaveAttribute(
    'data-active',
    'true',
  );
  await expect(open).toHaveAttribute('data-state', 'paused');
  const kept = Number(await open.getAttribute('data-t'));
  expect(kept).toBeGreaterThan(300);
  // Play the first again from a button in its own text, then the second: the first pauses.
  await open.evaluate((e) => e.scrollIntoView());
  await open.locator('.playback button[aria-label="Play"]').click();
  await expect(open).toHaveAttribute('data-state', 'playing');
  await limited.evaluate((e) => e.scrollIntoView());
  await widgetReady(page, '.widget[data-widget-id="limited"]');
  await limited.locator('.playback button[aria-label="Play"]').click();
  await expect(limited).toHaveAttribute('data-state', 'playing');
  await expect(open).toHaveAttribute('data-state', 'paused');
  expect(Number(await open.getAttribute('data-t'))).toBeGreaterThanOrEqual(kept);
});
