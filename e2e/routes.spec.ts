import { expect, test, widgetReady } from './fixtures';

for (const hash of ['#/play/%', '#/lesson/%', '#/%', '#/play/%E0%A4%A', '#/play/raft/extra/parts'])
  test(`${hash} shows a not-found page`, async ({ page }) => {
    await page.goto(`./${hash}`);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    if (hash === '#/play/%') await page.screenshot({ path: 'test-results/not-found.png' });
  });

test('#/lesson/__proto__ is no lesson', async ({ page }) => {
  await page.goto('./#/lesson/__proto__');
  await expect(page.getByRole('heading', { name: 'No such lesson' })).toBeVisible();
});

test('playground to playground and Back leaves a working widget', async ({ page }) => {
  await page.goto('./#/play/hashring');
  await widgetReady(page);
  await page.goto('./#/play/cap');
  await widgetReady(page);
  await page.goBack();
  await widgetReady(page);
  // The error boundary's words (ui/ErrorBoundary.tsx); `.error-boundary` matched nothing.
  await expect(page.getByText(/could not be shown/)).toHaveCount(0);
});

test('#/embed with an unknown model or a broken s= says so and shows a working form', async ({
  page,
}) => {
  await page.goto('./#/embed?model=nope');
  await expect(page.getByText('model: "nope" is not a known model')).toBeVisible();
  await page.goto('./#/embed?s=garbage');
  await expect(page.getByText(/^s: the shared scenario is not valid/)).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Model' })).toBeEnabled();
});

// Routes drawn by fast-check (seeded; the seed is printed on failure): prototype names, bad `%`
// escapes, extra parts and hostile query values. Each is a page or "not found", never an error
// boundary, a console error or an uncaught exception (the fixture fails the test on those two).
test('fuzzed routes show a page or not-found, never an error', async ({ page }) => {
  test.setTimeout(120_000);
  const { default: fc } = await import('fast-check');
  const { PROTO_NAMES, BAD_ESCAPES, hostileShort } = await import('../src/fuzz/hostile');
  const section = fc.constantFrom(
    'play',
    'lesson',
    'experiments',
    'editor',
    'lab',
    'embed',
    'check',
    ...PROTO_NAMES,
  );
  const part = fc.oneof(
    fc.constantFrom('raft', 'hashring', 'cap', ...PROTO_NAMES, ...BAD_ESCAPES),
    hostileShort.map(encodeURIComponent),
  );
  const query = fc.array(
    fc.tuple(
      fc.constantFrom('s', 't', 'seed', 'preset', 'model', 'param-nodes', 'param-constructor'),
      fc.oneof(hostileShort.map(encodeURIComponent), fc.constantFrom(...BAD_ESCAPES)),
    ),
    { maxLength: 2 },
  );
  const seed = Number(process.env.DSP_FUZZ_SEED ?? Date.now() % 100_000);
  const hashes = fc.sample(
    fc
      .tuple(section, fc.array(part, { maxLength: 2 }), query)
      .map(
        ([s, ps, q]) =>
          `#/${[s, ...ps].join('/')}${q.length ? '?' + q.map(([k, v]) => `${k}=${v}`).join('&') : ''}`,
      ),
    { numRuns: Number(process.env.DSP_FUZZ_ROUTES ?? 12), seed },
  );
  console.log(`route fuzz seed ${seed} (DSP_FUZZ_SEED=${seed} replays it)`);
  await page.goto('./');
  for (const hash of hashes) {
    await test.step(hash, async () => {
      await page.evaluate((h) => (location.hash = h), hash);
      await expect(page.locator('main')).not.toContainText('Loading…', { timeout: 15_000 });
      await expect(page.getByText(/could not be shown/)).toHaveCount(0);
      await expect(page.locator('main h1, main [role="alert"]').first()).toBeVisible();
    });
  }
});
