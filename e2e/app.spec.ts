import type { Page } from '@playwright/test';
import { EXPERIMENT_METAS } from '../src/sim/catalog';
import { MODEL_IDS } from '../src/sim/modelList';
import { expect, expectAccessible, test, widgetReady } from './fixtures';

test('the course map lists phases and the hashring lessons, with no a11y violations', async ({
  page,
}) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Course map' })).toBeVisible();
  await expect(page.locator('.phase')).toHaveCount(10);
  await expect(page.getByRole('link', { name: /Why hash % N breaks/ })).toBeVisible();
  await expect(page.locator('.coming-line').first()).toBeVisible();
  await expectAccessible(page);
});

test('theme toggles between light, dark and auto and survives a reload', async ({ page }) => {
  await page.goto('./');
  const button = page.getByRole('button', { name: /Theme:/ });
  await button.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await button.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // The page itself is a lazy chunk: check it, not the loading placeholder (a flake otherwise).
  await expect(page.getByRole('heading', { name: 'Course map' })).toBeVisible();
  await expectAccessible(page);
});

test('? opens the keyboard help and Escape closes it', async ({ page }) => {
  await page.goto('./#/play/hashring');
  await widgetReady(page);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expectAccessible(page, 'dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
});

test('space plays and pauses the simulation, arrows step and seek', async ({ page }) => {
  await page.goto('./#/play/hashring');
  await widgetReady(page);
  const widget = page.locator('.widget');
  await page.locator('body').press('Space');
  await expect(widget).toHaveAttribute('data-state', 'playing');
  await page.waitForTimeout(600);
  await page.locator('body').press('Space');
  await expect(widget).toHaveAttribute('data-state', 'paused');
  const t = Number(await widget.getAttribute('data-t'));
  expect(t).toBeGreaterThan(0);
  await page.locator('body').press('ArrowRight');
  await expect.poll(async () => Number(await widget.getAttribute('data-t'))).toBeGreaterThan(t);
  await page.locator('body').press('Home');
  await expect.poll(async () => Number(await widget.getAttribute('data-t'))).toBe(0);
});

test('unknown routes show a helpful page', async ({ page }) => {
  await page.goto('./#/nowhere');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.goto('./#/lesson/not-a-lesson');
  await expect(page.getByRole('heading', { name: 'No such lesson' })).toBeVisible();
  await expectAccessible(page);
});

test('the index pages list every model or experiment and pass axe', async ({ page }) => {
  // One card per model and per experiment of the model list (a new model adds its own).
  const pages: [string, string, number][] = [
    ['./#/experiments', 'Experiments', EXPERIMENT_METAS.length],
    ['./#/play', 'Playground', MODEL_IDS.length],
    ['./#/editor', 'Editor', MODEL_IDS.length],
  ];
  for (const [url, heading, cards] of pages) {
    await page.goto(url);
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await expect(page.locator('main .lesson-cards > li')).toHaveCount(cards);
    await expectAccessible(page);
  }
  // An experiment card opens its runner.
  await page.goto('./#/experiments');
  await page.getByRole('link', { name: /Downtime after the leader crashes/ }).click();
  await expect(
    page.getByRole('heading', { name: 'Downtime after the leader crashes' }),
  ).toBeVisible();
});

test('on a phone-sized screen no page scrolls sideways, and the main nav stays reachable', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const url of [
    './',
    './#/lesson/raft-election',
    './#/play/cap',
    './#/play/stampede',
    './#/embed',
  ]) {
    await page.goto(url);
    await expect(page.locator('main h1').first()).toBeVisible();
    await widgetsSettled(page);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      url,
    ).toBeLessThanOrEqual(390);
  }
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Embed' }).click();
  await expect(page).toHaveURL(/#\/embed/);
});

/** Widgets on the page (if any) have drawn, so their width counts. */
async function widgetsSettled(page: Page): Promise<void> {
  if ((await page.locator('.widget').count()) > 0) await widgetReady(page);
}

test('the share box lets go of its fingerprint worker however it closes', async ({ page }) => {
  await page.goto('./#/play/hashring?preset=basic');
  await widgetReady(page);
  const share = page.getByRole('button', { name: 'Share', exact: true });
  // Closed after the fingerprint came.
  await share.click();
  await expect(page.getByTestId('share-fingerprint')).toHaveText(/^[0-9a-f]{8}$/);
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('share-fingerprint')).toHaveCount(0);
  // Left before it came, and again after: the page stays up (the fixture fails on any error).
  await share.click();
  await page.goto('./#/experiments');
  await expect(page.getByRole('heading', { name: 'Experiments', level: 1 })).toBeVisible();
  await page.goto('./#/play/hashring?preset=basic');
  await widgetReady(page);
  await share.click();
  await expect(page.getByTestId('share-fingerprint')).toHaveText(/^[0-9a-f]{8}$/);
  await page.goto('./#/experiments');
  await expect(page.getByRole('heading', { name: 'Experiments', level: 1 })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
