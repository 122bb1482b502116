/**
 * The embed, as a docs author uses it: a plain page on one origin (EMBED_HOST) loads the script
 * and the iframe page from another (EMBED_CDN, dist/ served with `Access-Control-Allow-Origin: *`),
 * both different from the app's. See scripts/embed-host.mjs for the pages.
 */
import { gzipSync } from 'node:zlib';
import type { Locator, Page } from '@playwright/test';
import budgets from '../budgets.json' with { type: 'json' };
import { expect, expectAccessible, test } from './fixtures';

// As in playwright.config.ts.
const PORT = Number(process.env.DSP_E2E_PORT ?? 4173);
const EMBED_PORT = Number(process.env.DSP_E2E_EMBED_PORT ?? PORT + 10_000);
const CDN = `http://127.0.0.1:${EMBED_PORT}/ds-playground/`;
const HOST = `http://127.0.0.1:${EMBED_PORT + 1}/`;
const HOST_ORIGIN = new URL(HOST).origin;

const timeOf = async (widget: Locator) => Number(await widget.getAttribute('data-t'));
const ready = (widget: Locator) =>
  expect(widget).toHaveAttribute('data-state', /paused|playing/, { timeout: 20_000 });
/** Sends the iframe a message from the host page (whose origin is HOST_ORIGIN). */
const post = (page: Page, frameId: string, data: unknown) =>
  page.evaluate(
    ([id, d, target]) =>
      (document.getElementById(id!) as HTMLIFrameElement).contentWindow!.postMessage(d, target!),
    [frameId, data, new URL(CDN).origin] as const,
  );

test('a docs page on another origin runs two script widgets and an iframe, leaking nothing', async ({
  page,
}, testInfo) => {
  await page.addInitScript(() =>
    Object.defineProperty(window, '__globalsBefore', { value: Object.getOwnPropertyNames(window) }),
  );
  await page.setViewportSize({ width: 1280, height: 2400 });
  await page.goto(HOST);
  const ring = page.locator('#ring .widget');
  const raft = page.locator('#raft .widget');
  await ready(ring);
  await ready(raft);
  // Both draw: the ring with its keys, Raft its metrics (and its drawing, once it has a view).
  await expect(page.locator('#ring .ring-center-big')).toHaveText('1,000 keys');
  await expect(page.locator('#raft .metrics')).toContainText('Term');

  // Each simulation event is a ds-event; play() runs both.
  const firstEvent = page.evaluate(
    () =>
      new Promise((resolve) =>
        document
          .getElementById('raft')!
          .addEventListener('ds-event', (e) => resolve((e as CustomEvent).detail), { once: true }),
      ),
  );
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('ds-playground'))
      (el as HTMLElement & { play(): void }).play();
  });
  await expect(firstEvent).resolves.toMatchObject({
    t: expect.any(Number),
    text: expect.any(String),
  });
  await expect.poll(() => timeOf(ring)).toBeGreaterThan(500);
  await expect.poll(() => timeOf(raft)).toBeGreaterThan(500);
  await expect(page.locator('#raft .event-log li').first()).toBeVisible();

  // The iframe: ready, its height reported and applied, and it plays on a message.
  const frame = page.frameLocator('#frame').locator('.widget');
  await ready(frame);
  await expect
    .poll(() => page.locator('#frame').evaluate((f) => (f as HTMLElement).dataset.height ?? ''))
    .toMatch(/"height":\d+/);
  const reported = JSON.parse(
    await page.locator('#frame').evaluate((f) => (f as HTMLElement).dataset.height!),
  ) as { height: number; id: string };
  expect(reported.id).toBe('ring-frame');
  expect(reported.height).toBeGreaterThan(300);
  expect(await page.locator('#frame').evaluate((f) => (f as HTMLElement).style.height)).toBe(
    `${reported.height}px`,
  );
  await post(page, 'frame', { type: 'ds-playground:play' });
  await expect.poll(() => timeOf(frame)).toBeGreaterThan(300);

  // The script widgets' (shared) workers started from blob: URLs of the host page's origin.
  const blobWorkers = page.workers().filter((w) => w.url().startsWith(`blob:${HOST_ORIGIN}/`));
  expect(blobWorkers.length).toBeGreaterThanOrEqual(1);

  // Nothing leaked into the host page: no globals, no styles, no head elements, no test hook.
  const added = await page.evaluate(() =>
    Object.getOwnPropertyNames(window).filter(
      (k) =>
        k !== '__globalsBefore' &&
        !(window as unknown as { __globalsBefore: string[] }).__globalsBefore.includes(k),
    ),
  );
  expect(added, 'new globals (0 is the iframe)').toEqual(['0']);
  expect(await page.evaluate(() => '__dsp' in window)).toBe(false);
  expect(
    await page.evaluate(() => ({
      sheets: document.styleSheets.length,
      adopted: document.adoptedStyleSheets.length,
      head: [...document.head.children].map((e) => e.tagName.toLowerCase()),
    })),
  ).toEqual({ sheets: 1, adopted: 0, head: ['meta', 'meta', 'link', 'title', 'style', 'script'] });
  // The host's own button keeps the browser's look (ui.css styles buttons, inside widgets only).
  expect(
    await page.locator('#host-button').evaluate((b) => getComputedStyle(b).borderRadius),
  ).not.toBe('6px');
  // ...while the page themes a widget through a custom property on the element.
  await expect(page.locator('#ring button.primary').first()).toHaveCSS(
    'background-color',
    'rgb(109, 40, 217)',
  );
  // theme="dark" on the element gives the dark panel.
  await expect(raft).toHaveCSS('background-color', 'rgb(26, 29, 35)');

  await page.evaluate(() => scrollTo(0, 0));
  await page.screenshot({ path: testInfo.outputPath('embed-host-page.png') });
  await expectAccessible(page);
});

test('a bad attribute shows an error in the widget naming it and fires ds-error', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    Object.defineProperty(window, '__dsErrors', { value: seen });
    document.addEventListener('ds-error', (e) =>
      seen.push({ id: (e.target as HTMLElement).id, ...(e as CustomEvent).detail }),
    );
  });
  await page.goto(`${HOST}bad.html`);
  const bad = page.locator('#bad');
  await expect(bad.getByRole('alert')).toContainText('param-nodes: 500 is above the maximum 64');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __dsErrors: unknown[] }).__dsErrors))
    .toEqual([
      { id: 'bad', kind: 'attribute', errors: ['param-nodes: 500 is above the maximum 64'] },
    ]);
  // The host page and the other widget are unaffected.
  const good = page.locator('#good .widget');
  await ready(good);
  await page.locator('#good').evaluate((e) => (e as HTMLElement & { play(): void }).play());
  await expect.poll(() => timeOf(good)).toBeGreaterThan(300);

  // Attributes are live: a bad theme is named, a fixed one runs again.
  await page.locator('#good').evaluate((e) => e.setAttribute('theme', 'purple'));
  await expect(page.locator('#good').getByRole('alert')).toContainText(
    'theme: "purple" is not light, dark, auto',
  );
  await page.locator('#good').evaluate((e) => e.setAttribute('theme', 'dark'));
  await ready(good);
  await bad.evaluate((e) => e.setAttribute('param-nodes', '8'));
  await ready(page.locator('#bad .widget'));
  await expect(page.locator('#bad .ring-side .bar-chart rect')).toHaveCount(8);
  // A method called with a bad value throws, naming it.
  const thrown = await page.locator('#good').evaluate((e) => {
    try {
      (e as HTMLElement & { seek(ms: number): void }).seek(-1);
      return 'nothing';
    } catch (err) {
      return String(err);
    }
  });
  expect(thrown).toBe('RangeError: seek(ms): -1 is not a time in ms (a number >= 0)');
  expect(
    (
      await page.evaluate(() => (window as unknown as { __dsErrors: { id: string }[] }).__dsErrors)
    ).map((e) => e.id),
  ).toEqual(['bad', 'good']);
});

test('every model in the catalog embeds, plays on autoplay and names itself', async ({ page }) => {
  await page.goto(`${HOST}bad.html`);
  const el = page.locator('#good');
  const widget = page.locator('#good .widget');
  await ready(widget);
  // The error for an unknown model lists every model there is.
  await el.evaluate((e) => e.setAttribute('model', 'no-such-model'));
  const message = (await el.getByRole('alert').textContent()) ?? '';
  const ids = /is not a known model \(([^)]+)\)/.exec(message)![1]!.split(', ');
  expect(ids).toEqual(expect.arrayContaining(['hashring', 'raft', 'stampede']));
  await el.evaluate((e) => {
    e.removeAttribute('param-nodes');
    e.setAttribute('autoplay', '');
    e.setAttribute('controls', 'playback log');
  });
  for (const id of ids) {
    await el.evaluate((e, m) => e.setAttribute('model', m), id);
    await expect(widget).toHaveAttribute('data-model', id);
    await expect(widget).toHaveAttribute('data-state', 'playing', { timeout: 20_000 });
    await expect.poll(() => timeOf(widget)).toBeGreaterThan(200);
    await expect(widget).toHaveAttribute('aria-label', / simulation$/);
  }
});

test('lazy widgets start only when scrolled near', async ({ page }) => {
  await page.goto(`${HOST}many.html?n=8`);
  await ready(page.locator('#w0 .widget'));
  const status = (id: string) =>
    page.locator(`#${id}`).evaluate((e) => (e as HTMLElement & { status: string }).status);
  expect(await status('w7')).toBe('idle');
  await expect(page.locator('#w7')).toContainText('starts when you scroll to it');
  await page.locator('#w7').scrollIntoViewIfNeeded();
  await ready(page.locator('#w7 .widget'));
  expect(await status('w7')).toMatch(/paused|playing/);
});

/** The widgets' workers: blob: workers of the host page, shared through the embed's pool. */
const simWorkers = (page: Page) =>
  page.workers().filter((w) => w.url().startsWith(`blob:${HOST_ORIGIN}/`));

test('the widgets of a page share a few workers, each widget running a simulation of its own', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 2400 });
  await page.goto(`${HOST}many.html?n=6&loading=eager`);
  const ids = [0, 1, 2, 3, 4, 5].map((i) => `w${i}`);
  for (const id of ids) await ready(page.locator(`#${id} .widget`));
  // At most min(4, cores) workers: fewer than the widgets.
  const cores = await page.evaluate(() => navigator.hardwareConcurrency || 2);
  expect(simWorkers(page)).toHaveLength(Math.min(4, cores, ids.length));
  expect(simWorkers(page).length).toBeLessThan(ids.length);
  // Each widget has a host of its own: different times, different rings.
  for (const [i, id] of ids.entries())
    await page
      .locator(`#${id}`)
      .evaluate(
        (e, ms) => (e as HTMLElement & { seek(ms: number): void }).seek(ms),
        1000 + i * 100,
      );
  for (const [i, id] of ids.entries()) {
    await expect.poll(() => timeOf(page.locator(`#${id} .widget`))).toBe(1000 + i * 100);
    await expect(page.locator(`#${id} .ring-side .bar-chart rect`)).toHaveCount(4 + i);
  }
  // The widgets in sight play together.
  await page.evaluate(() => {
    for (const e of document.querySelectorAll('ds-playground'))
      (e as HTMLElement & { play(): void }).play();
  });
  for (const id of ['w0', 'w1', 'w2'])
    await expect.poll(() => timeOf(page.locator(`#${id} .widget`))).toBeGreaterThan(2500);
  // A removed widget lets go of its host; a worker left with none waits a few seconds (a docs
  // site's client-side navigation brings widgets back), then goes.
  const before = simWorkers(page);
  await page.evaluate(() => {
    for (const e of document.querySelectorAll('ds-playground')) e.remove();
  });
  await page.evaluate(() => {
    const e = document.createElement('ds-playground');
    e.id = 'back';
    e.setAttribute('model', 'hashring');
    e.setAttribute('loading', 'eager');
    document.body.prepend(e);
  });
  await ready(page.locator('#back .widget'));
  // It runs on a worker the pool already had: none started.
  expect(simWorkers(page).every((w) => before.includes(w))).toBe(true);
  await page.evaluate(() => document.querySelector('#back')!.remove());
  await expect.poll(() => simWorkers(page).length, { timeout: 20_000 }).toBe(0);
});

test('a crashed shared worker restarts every widget on it; an error in one simulation restarts only its widget', async ({
  page,
  watch,
}) => {
  // One core: a pool of one worker, so every widget is on it.
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 1 });
    const crashed: string[] = [];
    Object.defineProperty(window, '__crashed', { value: crashed });
    document.addEventListener('ds-error', (e) => {
      if ((e as CustomEvent<{ kind: string }>).detail.kind === 'crash')
        crashed.push((e.target as HTMLElement).id);
    });
  });
  const crashed = () =>
    page.evaluate(() => [...(window as unknown as { __crashed: string[] }).__crashed].sort());
  await page.setViewportSize({ width: 1280, height: 2400 });
  await page.goto(`${HOST}many.html?n=3&loading=eager`);
  const ids = ['w0', 'w1', 'w2'];
  const widget = (id: string) => page.locator(`#${id} .widget`);
  for (const id of ids) await ready(widget(id));
  expect(simWorkers(page)).toHaveLength(1);
  const first = simWorkers(page)[0]!;
  for (const id of ids)
    await page
      .locator(`#${id}`)
      .evaluate((e) => (e as HTMLElement & { seek(ms: number): void }).seek(1200));
  for (const id of ids) await expect.poll(() => timeOf(widget(id))).toBe(1200);

  // The test hook throws from one host's timer: that widget restarts, its neighbours run on.
  await widget('w1').evaluate((w) =>
    w.dispatchEvent(new CustomEvent('dsp-test-crash', { bubbles: true })),
  );
  await expect.poll(crashed).toEqual(['w1']);
  await ready(widget('w1'));
  await expect.poll(() => timeOf(widget('w1'))).toBe(1200);
  expect(simWorkers(page)).toEqual([first]);

  // An error the worker cannot pin on one host: the worker goes, every widget on it restarts
  // (where it was) on a fresh worker.
  await first.evaluate(() =>
    setTimeout(() => {
      throw new Error('Simulated worker crash (whole worker)');
    }),
  );
  await expect.poll(crashed).toEqual(['w0', 'w1', 'w1', 'w2']);
  for (const id of ids) {
    await ready(widget(id));
    await expect.poll(() => timeOf(widget(id))).toBe(1200);
  }
  await expect.poll(() => simWorkers(page).length).toBe(1);
  expect(simWorkers(page)[0]).not.toBe(first);

  // A worker that closes itself fires no error: the page notices it stopped answering pings and
  // restarts every widget on it, where it was.
  const second = simWorkers(page)[0]!;
  await second.evaluate(() => (self as unknown as { close(): void }).close());
  await expect
    .poll(crashed, { timeout: 15_000 })
    .toEqual(['w0', 'w0', 'w1', 'w1', 'w1', 'w2', 'w2']);
  for (const id of ids) {
    await ready(widget(id));
    await expect.poll(() => timeOf(widget(id))).toBe(1200);
  }
  expect(simWorkers(page)).not.toContain(second);
  await page.locator('#w2').evaluate((e) => (e as HTMLElement & { play(): void }).play());
  await expect.poll(() => timeOf(widget('w2'))).toBeGreaterThan(1500);
  watch.errors = watch.errors.filter((e) => !/Simulated worker crash/.test(e));
});

test("theme=auto (the default) follows the reader's colour scheme", async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${HOST}bad.html`);
  const good = page.locator('#good .widget');
  await ready(good);
  await expect(good).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(good).toHaveCSS('background-color', 'rgb(26, 29, 35)');
  await page.locator('#good').evaluate((e) => e.setAttribute('theme', 'light'));
  await ready(good);
  await expect(good).toHaveCSS('background-color', 'rgb(255, 255, 255)');
});

test('methods drive the widget, keys reach it only when it has focus, and out of sight it pauses', async ({
  page,
}) => {
  await page.goto(HOST);
  const el = page.locator('#ring');
  const widget = page.locator('#ring .widget');
  await ready(widget);
  type El = HTMLElement & { play(): void; pause(): void; seek(ms: number): void; reset(): void };
  await el.evaluate((e) => (e as El).play());
  await expect(widget).toHaveAttribute('data-state', 'playing');
  await el.evaluate((e) => (e as El).pause());
  await expect(widget).toHaveAttribute('data-state', 'paused');
  await el.evaluate((e) => (e as El).seek(2500));
  await expect.poll(() => timeOf(widget)).toBe(2500);
  await el.evaluate((e) => (e as El).reset());
  await expect.poll(() => timeOf(widget)).toBe(0);

  // Keys on the host page are the host's: Space scrolls it, arrows do not step the widget.
  await page.locator('#host-button').focus();
  await page.keyboard.press('ArrowRight');
  await page.locator('h1').click();
  await page.keyboard.press('Space');
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0);
  await expect(widget).toHaveAttribute('data-state', 'paused');
  expect(await timeOf(widget)).toBe(0);
  // Once the reader clicks into the widget, its keys work there.
  await el.locator('.metrics .panel-title').click();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => timeOf(widget)).toBeGreaterThan(0);
  await page.keyboard.press('Space');
  await expect(widget).toHaveAttribute('data-state', 'playing');

  // Scrolled out of sight it pauses; back in sight it resumes.
  await page.locator('#bottom').scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-state', 'paused');
  // Frames already on their way when it paused may still land: let them, then time must stand.
  await page.waitForTimeout(400);
  const t = await timeOf(widget);
  await page.waitForTimeout(400);
  expect(await timeOf(widget)).toBe(t);
  await el.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-state', 'playing');
  await expect.poll(() => timeOf(widget)).toBeGreaterThan(t);
});

test('the iframe obeys messages only from its listed parent origin, and reports errors', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 2400 });
  await page.goto(`${HOST}frames.html`);
  const widget = (id: string) => page.frameLocator(`#${id}`).locator('.widget');
  for (const id of ['allowed', 'other-origin', 'no-parent']) await ready(widget(id));
  for (const id of ['allowed', 'other-origin', 'no-parent'])
    await post(page, id, { type: 'ds-playground:play' });
  await expect.poll(() => timeOf(widget('allowed'))).toBeGreaterThan(500);
  for (const id of ['other-origin', 'no-parent']) {
    await expect(widget(id)).toHaveAttribute('data-state', 'paused');
    expect(await timeOf(widget(id))).toBe(0);
  }
  await post(page, 'allowed', { type: 'ds-playground:pause' });
  await expect(widget('allowed')).toHaveAttribute('data-state', 'paused');
  await post(page, 'allowed', { type: 'ds-playground:seek', ms: 1234 });
  await expect.poll(() => timeOf(widget('allowed'))).toBe(1234);
  // A bad param: the error shows inside the iframe and is reported to the page.
  await expect(page.frameLocator('#bad-param').getByRole('alert')).toContainText(
    'param-nodes: 500 is above the maximum 64',
  );
  await expect
    .poll(() => page.locator('#bad-param').evaluate((f) => (f as HTMLElement).dataset.error ?? ''))
    .toContain('param-nodes: 500 is above the maximum 64');
});

test('where the page forbids workers, the simulation runs on the main thread', async ({
  page,
  watch,
}) => {
  await page.goto(`${HOST}no-workers.html`);
  const widget = page.locator('#ring .widget');
  await ready(widget);
  await page.locator('#ring').evaluate((e) => (e as HTMLElement & { play(): void }).play());
  await expect.poll(() => timeOf(widget)).toBeGreaterThan(300);
  expect(page.workers()).toHaveLength(0);
  // The browser reports the refused worker; that is the point of this page.
  watch.errors = watch.errors.filter((e) => !/Content Security Policy|worker-src/i.test(e));
});

test('the embed script downloads at most its budget before any model chunk', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(`${CDN}embed/`)) requested.push(r.url());
  });
  const bodies = new Map<string, Promise<Buffer>>();
  page.on('response', (r) => {
    if (r.url().startsWith(`${CDN}embed/`)) bodies.set(r.url(), r.body());
  });
  await page.goto(`${HOST}bad.html`);
  await ready(page.locator('#good .widget'));
  const name = (u: string) => u.slice(`${CDN}embed/`.length);
  const firstModel = requested.findIndex((u) => /^chunks\/(catalog|view|worker)-/.test(name(u)));
  expect(firstModel).toBeGreaterThan(0);
  const before = requested.slice(0, firstModel).filter((u) => u.endsWith('.js'));
  let bytes = 0;
  for (const u of before) bytes += gzipSync(await bodies.get(u)!, { level: 9 }).length;
  console.log(
    `embed: ${(bytes / 1024).toFixed(1)} kB gzip before the first model chunk (${before.map(name).join(', ')})`,
  );
  expect(bytes).toBeLessThanOrEqual(budgets.embedInitialJs);
});
