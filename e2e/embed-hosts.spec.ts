/**
 * What docs engines do to an embedded widget (issue 13): they change its attributes, listen for
 * page-wide shortcuts, load the script with a cache-busting query, set their own root font size
 * and toggle dark mode. The page is /quirks.html of scripts/embed-host.mjs, on its own origin.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const PORT = Number(process.env.DSP_E2E_PORT ?? 4173);
const EMBED_PORT = Number(process.env.DSP_E2E_EMBED_PORT ?? PORT + 10_000);
const HOST = `http://127.0.0.1:${EMBED_PORT + 1}/`;

const ready = (widget: Locator) =>
  expect(widget).toHaveAttribute('data-state', /paused|playing/, { timeout: 20_000 });
const timeOf = async (widget: Locator) => Number(await widget.getAttribute('data-t'));
const call = (page: Page, id: string, method: 'play' | 'pause') =>
  page.evaluate(
    ([i, m]) => (document.getElementById(i!) as unknown as Record<string, () => void>)[m!]!(),
    [id, method] as const,
  );
const setAttr = (page: Page, id: string, name: string, value: string) =>
  page.evaluate(
    ([i, n, v]) => document.getElementById(i!)!.setAttribute(n!, v!),
    [id, name, value],
  );

/** Plays the ring until it is past 500 ms, pauses it, and returns its time. */
async function playAWhile(page: Page, ring: Locator): Promise<number> {
  await ready(ring);
  await call(page, 'ring', 'play');
  await expect.poll(() => timeOf(ring)).toBeGreaterThan(500);
  await call(page, 'ring', 'pause');
  await expect(ring).toHaveAttribute('data-state', 'paused');
  return timeOf(ring);
}

test('attributes that leave the scenario alone keep the run; a new scenario value restarts it', async ({
  page,
}) => {
  await page.goto(`${HOST}quirks.html`);
  const ring = page.locator('#ring .widget');
  const t = await playAWhile(page, ring);
  // What a docs site does: its dark-mode binding, a class, a focus-visible polyfill's data-*.
  for (const [name, value] of [
    ['theme', 'dark'],
    ['class', 'focus-visible'],
    ['data-focus-visible-added', ''],
    ['style', 'margin: 2px'],
    ['aria-describedby', 'column'],
    ['height', '320'],
    ['label', 'A ring of five'],
    ['controls', 'playback params actions log metrics'],
    ['param-nodes', '5'],
  ] as const)
    await setAttr(page, 'ring', name, value);
  await page.waitForTimeout(500);
  await ready(ring);
  expect(await timeOf(ring)).toBe(t);
  // A scenario attribute with a new value is a new run, from t = 0.
  await setAttr(page, 'ring', 'param-nodes', '6');
  await expect.poll(() => timeOf(ring)).toBe(0);
  await expect(page.locator('#ring .ring-center-big')).toHaveText('1,000 keys');
});

test("keys typed in a widget and its shortcuts do not reach the host page's shortcuts", async ({
  page,
}) => {
  await page.goto(`${HOST}quirks.html`);
  const ring = page.locator('#ring .widget');
  await ready(ring);
  // Material's "." (next page) while typing 2.5, VitePress's "/" and Material's "f" (search).
  const find = page.locator('#ring').getByRole('spinbutton', { name: 'Find key' });
  await find.click();
  await page.keyboard.type('2.5');
  await expect(find).toHaveValue('2.5');
  for (const key of ['/', 'f', 'F', 'ArrowRight']) await page.keyboard.press(key);
  // The widget's own shortcut keys, with focus on the widget (not in a field).
  await page.locator('#ring .ring-center-big').click();
  await page.keyboard.press('f');
  await page.keyboard.press('ArrowRight');
  expect(await page.evaluate(() => (window as unknown as { hostKeys: string[] }).hostKeys)).toEqual(
    [],
  );
  // Keys the widget does not use still reach the page.
  await page.keyboard.press('/');
  expect(
    await page.evaluate(() => (window as unknown as { hostKeys: string[] }).hostKeys),
  ).toContain('keydown:/');
});

test('a cache-busting query on the script URL loads one copy of the element', async ({ page }) => {
  const plain: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('/embed/ds-playground.js') && !r.url().includes('?'))
      plain.push(r.url());
  });
  await page.goto(`${HOST}quirks.html`);
  await ready(page.locator('#ring .widget'));
  await ready(page.locator('#raft .widget'));
  await expect(page.locator('#ring .ring-center-big')).toHaveText('1,000 keys');
  expect(plain).toEqual([]);
});

test("the host page's root font size does not resize the widget", async ({ page }) => {
  const measure = async (query: string) => {
    await page.goto(`${HOST}quirks.html${query}`);
    await ready(page.locator('#ring .widget'));
    // Its lazy panels drawn, so the height is the final one.
    await expect(page.locator('#ring .event-log li').first()).toBeVisible();
    await expect(page.locator('#ring .metrics')).toBeVisible();
    await expect(page.locator('#ring').getByRole('group', { name: 'Parameters' })).toBeVisible();
    await page.waitForTimeout(300);
    return page.evaluate(() => {
      const host = document.getElementById('ring')!;
      const button = host.shadowRoot!.querySelector('button')!;
      return {
        button: getComputedStyle(button).fontSize,
        padding: getComputedStyle(button).paddingLeft,
        height: Math.round(host.getBoundingClientRect().height),
      };
    });
  };
  const normal = await measure('');
  const large = await measure('?root=125%');
  expect(large).toEqual(normal);
});

test("theme=auto follows the page's dark mode, live, without restarting the run", async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${HOST}quirks.html`);
  const ring = page.locator('#ring .widget');
  const t = await playAWhile(page, ring);
  const bg = () =>
    page.evaluate(() =>
      getComputedStyle(document.getElementById('ring')!).getPropertyValue('--bg').trim(),
    );
  const LIGHT = '#f7f7f5';
  const DARK = '#111317';
  expect(await bg()).toBe(LIGHT);
  const marks: [string, () => void][] = [
    ['VitePress', () => document.documentElement.classList.add('dark')],
    ['Docusaurus', () => document.documentElement.setAttribute('data-theme', 'dark')],
    ['Material', () => document.body.setAttribute('data-md-color-scheme', 'slate')],
    ['color-scheme', () => (document.documentElement.style.colorScheme = 'dark')],
  ];
  for (const [engine, mark] of marks) {
    await page.evaluate(mark);
    await expect.poll(bg, { message: engine }).toBe(DARK);
    await page.evaluate(() => {
      document.documentElement.classList.remove('dark');
      document.documentElement.removeAttribute('data-theme');
      document.body.removeAttribute('data-md-color-scheme');
      document.documentElement.style.colorScheme = '';
    });
    await expect.poll(bg, { message: engine }).toBe(LIGHT);
  }
  // The page says light while the system is dark: the page wins.
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(200);
  expect(await bg()).toBe(LIGHT);
  // The page says nothing: the system decides, and theme="light" overrides both.
  await page.evaluate(() => document.documentElement.removeAttribute('data-theme'));
  await expect.poll(bg).toBe(DARK);
  await setAttr(page, 'ring', 'theme', 'light');
  await expect.poll(bg).toBe(LIGHT);
  expect(await timeOf(ring)).toBe(t);
});

test('a lazy widget in a narrow column reserves about the height it draws at', async ({ page }) => {
  // #lazy: Raft with every control, in the page's 624 px column, far below the fold.
  await page.goto(`${HOST}quirks.html`);
  await ready(page.locator('#ring .widget'));
  const lazy = page.locator('#lazy');
  await expect(lazy).toContainText('starts when you scroll to it');
  const height = () => lazy.evaluate((e) => Math.round(e.getBoundingClientRect().height));
  const reserved = await height();
  await lazy.scrollIntoViewIfNeeded();
  await ready(page.locator('#lazy .widget'));
  await expect(page.locator('#lazy').getByRole('group', { name: 'Parameters' })).toBeVisible();
  await expect(page.locator('#lazy .event-log li').first()).toBeVisible();
  await expect(page.locator('#lazy .metrics')).toBeVisible();
  await page.waitForTimeout(300);
  const drawn = await height();
  // It used to reserve 902 px and grow to 1,267 (the side and the panels stack there).
  expect(Math.abs(drawn - reserved), `reserved ${reserved} px, drawn ${drawn} px`).toBeLessThan(
    drawn * 0.08,
  );
});

test('Raft at height="300" in a 624 px column keeps its server labels apart', async ({ page }) => {
  // #raft: preset leader-crash, playback and log only, so the drawing takes the column's width.
  await page.goto(`${HOST}quirks.html`);
  await ready(page.locator('#raft .widget'));
  await expect(page.locator('#raft .raft-ring .net-label')).toHaveCount(5);
  const boxesOf = (selector: string) =>
    page.locator(selector).evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
      }),
    );
  const labels = await boxesOf('#raft .raft-ring .net-label');
  const shapes = await boxesOf('#raft .raft-ring .net-shape');
  const [ring] = await boxesOf('#raft .raft-ring');
  type Box = (typeof labels)[number];
  const apart = (a: Box, b: Box) => a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0;
  const problems: string[] = [];
  labels.forEach((b, i) => {
    if (b.x0 < ring!.x0 - 1 || b.x1 > ring!.x1 + 1 || b.y0 < ring!.y0 - 1)
      problems.push(`S${i + 1}'s label leaves the ring's box`);
    for (let j = 0; j < labels.length; j++) {
      if (j > i && !apart(b, labels[j]!)) problems.push(`S${i + 1} and S${j + 1} labels overlap`);
      if (j !== i && !apart(b, shapes[j]!)) problems.push(`S${i + 1}'s label covers S${j + 1}`);
    }
  });
  // It used to stack the ring (180 px tall) over the diagram: a 40 px ring, S1's label cut off.
  const size = `ring ${Math.round(ring!.x1 - ring!.x0)} x ${Math.round(ring!.y1 - ring!.y0)} px`;
  expect(problems, size).toEqual([]);
});
