/**
 * `npm run test:docs`: real Docusaurus 3.10 and MkDocs 1.4 + Material 8.2 sites (e2e/docs-sites/,
 * built by scripts/test-docs.mjs from README's recipes and the package's remark plugin and
 * pymdownx superfence), their widgets loaded from another origin. Issue 13: what a docs author
 * gets, in the browser. (The VitePress fixture is checked by `npm test`: docs-vitepress.spec.ts.)
 */
import { expect, test, type Locator, type Page } from '@playwright/test';

const PORT = Number(process.env.DSP_DOCS_PORT ?? 4600);
const CDN = `http://127.0.0.1:${PORT}`;

interface Engine {
  name: string;
  site: string;
  /** The page with the fence (Raft) and the page with the JSON fence or MDX tag (CAP). */
  raftPage: string;
  capPage: string;
  nav(page: Page, label: string): Promise<void>;
  toggleDark(page: Page): Promise<void>;
  isDark(page: Page): Promise<boolean>;
}

const ENGINES: Engine[] = [
  {
    name: 'Docusaurus',
    site: `http://127.0.0.1:${PORT + 1}/`,
    raftPage: '',
    capPage: 'cap/',
    nav: (page, label) =>
      page.locator('nav.navbar').getByRole('link', { name: label, exact: true }).click(),
    toggleDark: (page) =>
      page.getByRole('button', { name: /switch between dark and light mode/i }).click(),
    isDark: (page) => page.evaluate(() => document.documentElement.dataset.theme === 'dark'),
  },
  {
    name: 'MkDocs',
    site: `http://127.0.0.1:${PORT + 2}/`,
    raftPage: 'index.html',
    capPage: 'cap.html',
    nav: (page, label) =>
      page
        .locator('.md-nav--primary')
        .getByRole('link', { name: label, exact: true })
        .first()
        .click(),
    toggleDark: (page) => page.locator('form[data-md-component="palette"] label:visible').click(),
    isDark: (page) => page.evaluate(() => document.body.dataset.mdColorScheme === 'slate'),
  },
];

/** Scrolled into view (widgets load lazily), then drawn. */
async function ready(host: Locator): Promise<void> {
  await expect
    .poll(
      async () => {
        await host.scrollIntoViewIfNeeded().catch(() => {});
        return (
          (await host
            .locator('.widget')
            .getAttribute('data-state', { timeout: 500 })
            .catch(() => null)) ?? ''
        );
      },
      { timeout: 30_000 },
    )
    .toMatch(/paused|playing/);
}
const timeOf = async (widget: Locator) => Number(await widget.getAttribute('data-t'));
const raft = (page: Page) => page.locator('ds-playground[model="raft"]');
const cap = (page: Page) => page.locator('ds-playground[model="cap"], ds-playground[scenario]');
const simWorkers = (page: Page, site: string) =>
  page.workers().filter((w) => w.url().startsWith(`blob:${site.slice(0, -1)}/`));

/** Fails the test on a console error, an uncaught exception, or a request to another host. */
function watch(page: Page, site: string): () => void {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  page.on('request', (r) => {
    const url = r.url();
    if (!/^(data|blob):/.test(url) && !url.startsWith(site) && !url.startsWith(CDN))
      problems.push(`request to ${url}`);
  });
  return () => expect(problems).toEqual([]);
}

for (const e of ENGINES) {
  test.describe(e.name, () => {
    test('widgets draw from fences and from tags, loaded from another origin', async ({ page }) => {
      const done = watch(page, e.site);
      await page.goto(e.site + e.raftPage);
      await ready(raft(page));
      // The fence's options and lines reached the element.
      await expect(raft(page)).toHaveAttribute('height', '320');
      await expect(raft(page)).toHaveAttribute('param-servers', '5');
      await expect(raft(page).locator('.widget svg').first()).toBeVisible();
      await page.goto(e.site + e.capPage);
      await ready(cap(page));
      await expect(cap(page).getByRole('button', { name: /play/i }).first()).toBeVisible();
      if (e.name === 'Docusaurus') {
        // README's iframe snippet in MDX syntax (style as an object) built and loads.
        const frame = page.frameLocator('iframe[title="DS Playground: hash ring"]');
        await page.locator('iframe').scrollIntoViewIfNeeded();
        await expect(frame.locator('.widget')).toHaveAttribute('data-state', /paused|playing/, {
          timeout: 30_000,
        });
      }
      done();
    });

    test("the site's dark-mode switch restyles the widget without restarting its run", async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(e.site + e.raftPage);
      await ready(raft(page));
      const w = raft(page).locator('.widget');
      await raft(page).evaluate((el) => (el as HTMLElement & { play(): void }).play());
      await expect.poll(() => timeOf(w)).toBeGreaterThan(300);
      await raft(page).evaluate((el) => (el as HTMLElement & { pause(): void }).pause());
      await expect(w).toHaveAttribute('data-state', 'paused');
      await expect
        .poll(async () => {
          const a = await timeOf(w);
          await page.waitForTimeout(300);
          return (await timeOf(w)) - a;
        })
        .toBe(0);
      const t = await timeOf(w);
      const bg = () =>
        raft(page).evaluate((el) => getComputedStyle(el).getPropertyValue('--bg').trim());
      expect(await bg()).toBe('#f7f7f5');
      await e.toggleDark(page);
      await expect.poll(() => e.isDark(page)).toBe(true);
      await expect.poll(bg).toBe('#111317');
      expect(await timeOf(w)).toBe(t);
      await e.toggleDark(page);
      await expect.poll(bg).toBe('#f7f7f5');
      expect(await timeOf(w)).toBe(t);
    });

    test('client-side navigation back and forth frees the workers', async ({ page }) => {
      const done = watch(page, e.site);
      await page.goto(e.site + e.raftPage);
      await ready(raft(page));
      // A full page load would lose this: the links below are the site's client-side router.
      await page.evaluate(() => Object.assign(window, { __samePage: true }));
      const first = simWorkers(page, e.site).length;
      expect(first).toBeGreaterThan(0);
      for (let round = 0; round < 2; round++) {
        await e.nav(page, 'CAP');
        await ready(cap(page));
        await e.nav(page, 'Raft');
        await ready(raft(page));
      }
      expect(await page.evaluate(() => (window as { __samePage?: boolean }).__samePage)).toBe(true);
      await e.nav(page, 'About');
      await expect(page.locator('h1')).toHaveText(/About/);
      await expect(page.locator('ds-playground')).toHaveCount(0);
      await expect.poll(() => simWorkers(page, e.site).length, { timeout: 20_000 }).toBe(0);
      done();
    });
  });
}

test('MkDocs Material: typing in a widget does not trigger the site search or page keys', async ({
  page,
}) => {
  const site = ENGINES[1]!.site;
  await page.goto(site);
  const ring = page.locator('ds-playground[model="hashring"]');
  await ready(ring);
  const find = ring.getByRole('spinbutton', { name: 'Find key' });
  await find.click();
  // Material opens search on "f" or "s" and follows "." / "n" to the next page.
  await page.keyboard.type('fn2.5s');
  await expect(find).toHaveValue('2.5');
  await page.waitForTimeout(300);
  expect(page.url()).toBe(site);
  await expect(page.locator('#__search')).not.toBeChecked();
  // The same key outside the widget opens the search: the check above can fail.
  await page.locator('h1').click();
  await page.keyboard.press('f');
  await expect(page.locator('#__search')).toBeChecked();
});
