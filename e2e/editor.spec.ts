/**
 * The scenario editor and the code lab in Chromium: Monaco loads lazily from the app's own files,
 * the JSON edits the widget's scenario, and the learner's code runs in the sandbox worker with
 * its time budget and watchdog. The fixture fails every test on console errors and on requests
 * to other hosts.
 */
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test, widgetReady } from './fixtures';
import { editorReady, markers, setText, textOf } from './monaco';

const SCENARIO = 'inmemory://dsp/scenario.json';
const LAB = 'file:///lab/hashring.ts';

/** Selects the last `length` characters of the first match of `find` and types over them. */
async function typeOver(page: Page, find: string, length: number, text: string): Promise<void> {
  await page.evaluate(
    ([f, n]) => {
      const ed = window.monaco!.editor.getEditors()[0]!;
      const r = ed.getModel()!.findMatches(f as string, false, false, true, null, false)[0]!.range;
      ed.setSelection({ ...r, startColumn: r.endColumn - (n as number) });
      ed.focus();
    },
    [find, length],
  );
  await page.keyboard.type(text);
}

test('opening the editor from a playground, changing a param and applying changes the widget; Share round-trips', async ({
  page,
}) => {
  await page.goto('./#/play/hashring?preset=basic');
  await widgetReady(page);
  await expect(page.locator('.ring-side .bar-chart rect')).toHaveCount(4);
  // A learner action becomes a timed input, which the editor must show.
  await page.getByRole('button', { name: 'Add a node' }).click();
  await expect(page.locator('.ring-side .bar-chart rect')).toHaveCount(5);

  await page.getByRole('link', { name: 'Edit as JSON' }).click();
  await expect(page).toHaveURL(/#\/editor\/hashring\?s=/);
  await editorReady(page, SCENARIO);
  await widgetReady(page);
  const text = await textOf(page, SCENARIO);
  expect(text).toContain('"nodes": 4');
  expect(text).toMatch(/\{ "at": \d+, "action": "addNode" \}/);

  await typeOver(page, '"nodes": 4', 1, '6');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Applied' })).toBeVisible();
  // Six nodes, plus the one the timed input adds.
  await expect(page.locator('.ring-side .bar-chart rect')).toHaveCount(7);
  await expect(page.locator('.ring-center').first()).toContainText('7 nodes');

  await page.getByRole('button', { name: 'Share this scenario' }).click();
  const url = await page.getByTestId('share-url').inputValue();
  expect(url).toMatch(/#\/play\/hashring\?s=/);
  await page.goto(url);
  await widgetReady(page);
  await expect(page.locator('.ring-side .bar-chart rect')).toHaveCount(7);
  // And back: the playground's Edit as JSON shows the same scenario.
  await page.getByRole('link', { name: 'Edit as JSON' }).click();
  await editorReady(page, SCENARIO);
  expect(await textOf(page, SCENARIO)).toContain('"nodes": 6');
});

test('a scenario file opens into the editor and runs; a bad one names the file and the field; Save downloads what runs', async ({
  page,
}) => {
  await page.goto('./#/editor/hashring?preset=basic');
  await editorReady(page, SCENARIO);
  await widgetReady(page);
  await expect(page.locator('.ring-side .bar-chart rect')).toHaveCount(4);

  const file = (name: string, scenario: unknown) => ({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(typeof scenario === 'string' ? scenario : JSON.stringify(scenario)),
  });
  await page
    .getByTestId('scenario-file')
    .setInputFiles(file('six.json', { model: 'hashring', params: { nodes: 6 }, seed: 4 }));
  await expect(page.getByRole('status').filter({ hasText: 'Opened six.json' })).toBeVisible();
  await expect(page.locator('.ring-side .bar-chart rect')).toHaveCount(6);
  expect(await textOf(page, SCENARIO)).toMatch(/"nodes":\s*6/);

  // A bad file: the error names the file and the field; the widget keeps the last good run.
  await page
    .getByTestId('scenario-file')
    .setInputFiles(file('big.json', { model: 'hashring', params: { nodes: 400 } }));
  const alert = page.getByRole('alert').filter({ hasText: 'big.json has problems' });
  await expect(alert).toContainText('params.nodes: 400 is above the maximum');
  await expectAccessible(page, '.scenario-editor .editor-toolbar');
  await expect(page.locator('.ring-side .bar-chart rect')).toHaveCount(6);

  // Undo brings the text that ran back; Save downloads it, ready for the CLI.
  await page.evaluate(() => window.monaco!.editor.getEditors()[0]!.trigger('test', 'undo', null));
  expect(await textOf(page, SCENARIO)).toMatch(/"nodes":\s*6/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save file' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('hashring-seed4.json');
  const saved = JSON.parse(
    await download
      .createReadStream()
      .then(async (s) => Buffer.concat(await s.toArray()).toString('utf8')),
  ) as { params: { nodes: number } };
  expect(saved.params.nodes).toBe(6);
});

test('the JSON has completion from the model schema', async ({ page }) => {
  await page.goto('./#/editor/hashring');
  await editorReady(page, SCENARIO);
  // A new line in "params", then Ctrl+Space: the model's params are offered.
  await typeOver(page, '"params": {', 0, '');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Space');
  const suggestions = page.locator('.suggest-widget .monaco-list-row');
  // The params the scenario does not set yet (it sets nodes, vnodes, keys and replicas).
  await expect(suggestions.filter({ hasText: 'strategy' })).toBeVisible();
  await expect(suggestions.filter({ hasText: 'zipfS' })).toBeVisible();
  await expect(suggestions.filter({ hasText: 'replicas' })).toHaveCount(0);
});

test('invalid JSON shows a marker, Apply reports it, and the widget keeps running', async ({
  page,
}) => {
  await page.goto('./#/editor/hashring?preset=basic');
  await editorReady(page, SCENARIO);
  await widgetReady(page);
  await setText(
    page,
    SCENARIO,
    '{\n  "model": "hashring",\n  "params": { "nodes": },\n  "seed": 1\n}\n',
  );
  // Monaco's JSON language marks the syntax error as you type.
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible();
  await expect.poll(async () => (await markers(page, 'json')).length).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Apply' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Not applied' });
  await expect(alert).toContainText('JSON: expected a value');
  await expect(alert).toContainText('line 3, column 24');
  expect(await markers(page, 'dsp-scenario')).toEqual([
    expect.objectContaining({ line: 3, message: expect.stringContaining('JSON:') }),
  ]);
  // Nothing crashed: the last good scenario still runs.
  await expect(page.locator('.widget')).toHaveAttribute('data-state', /paused|playing/);
  await expect(page.locator('.ring-side .bar-chart rect')).toHaveCount(4);

  // Valid JSON with a value out of range: the page's check, marked on its line.
  await setText(
    page,
    SCENARIO,
    '{\n  "model": "hashring",\n  "params": {\n    "nodes": 400\n  },\n  "inputs": [{ "at": 10, "action": "fly" }]\n}\n',
  );
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(alert).toContainText('params.nodes: 400 is above the maximum 64');
  await expect(alert).toContainText('inputs.0.action: "fly" is not an action of hashring');
  const lines = (await markers(page, 'dsp-scenario')).map((m) => m.line).sort();
  expect(lines).toEqual([4, 6]);
  await expect(page.locator('.ring-side .bar-chart rect')).toHaveCount(4);
});

test('a hash function written in the code lab runs the balance experiment beside the built-ins', async ({
  page,
}) => {
  await page.goto('./#/lab/hashring');
  await editorReady(page, LAB);
  await setText(
    page,
    LAB,
    [
      '// Multiply-xorshift over the bytes.',
      'export function hash(bytes: Uint8Array, seed: number): number {',
      '  let h = seed ^ 0x9e3779b9;',
      '  for (const b of bytes) {',
      '    h = Math.imul(h ^ b, 0x85ebca6b);',
      '    h ^= h >>> 13;',
      '  }',
      '  return h >>> 0;',
      '}',
    ].join('\n'),
  );
  await page.getByRole('button', { name: 'Run the comparison' }).click();
  const rows = page.locator('.lab-results table.results tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.locator('th')).toHaveText(['xxHash32', 'MurmurHash3', 'FNV-1a', 'your hash']);
  const cvs = rows.locator('td:nth-child(2)');
  await expect(cvs).toHaveText([/^\d\.\d{3}$/, /^\d\.\d{3}$/, /^\d\.\d{3}$/, /^\d\.\d{3}$/], {
    timeout: 30_000,
  });
  const values = (await cvs.allInnerTexts()).map(Number);
  expect(values.every((v) => v > 0 && v < 1)).toBe(true);
  await expect(page.locator('.lab-results svg rect[stroke="var(--fg)"]')).toHaveCount(1);
  await expect(page.locator('.lab-message')).toHaveCount(0);
});

test('an endless loop is stopped within 2 s with its line, and the page stays responsive', async ({
  page,
}) => {
  await page.goto('./#/lab/hashring');
  await editorReady(page, LAB);
  // One run of the example first, so the TypeScript worker has started: the 2 s below are the
  // compile step, the sandbox's start and the learner's loop.
  const run = page.getByRole('button', { name: 'Run the comparison' });
  await run.click();
  await expect(page.locator('.lab-results tbody tr.yours td').first()).toHaveText(/^\d\.\d{3}$/);
  await setText(
    page,
    LAB,
    'export function hash(bytes: Uint8Array, seed: number): number {\n  let h = seed;\n  while (true) {\n    h++;\n  }\n}\n',
  );
  await expect(run).toBeEnabled();
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  const t0 = Date.now();
  await run.click();
  // While the learner's loop spins in its worker, the main thread answers at once.
  const pingMs = await page.evaluate(async () => {
    const t = performance.now();
    await new Promise((r) => setTimeout(r, 0));
    return performance.now() - t;
  });
  expect(pingMs).toBeLessThan(100);
  const message = page.locator('.lab-message');
  await expect(message).toContainText('Your hash was stopped', { timeout: 2000 });
  const elapsed = Date.now() - t0;
  expect(elapsed).toBeLessThan(2000);
  await expect(message).toContainText('longer than 500 ms (line 3)');
  expect(await markers(page, 'dsp-lab')).toEqual([expect.objectContaining({ line: 3 })]);
  const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  expect(long.filter((d) => d > 200)).toEqual([]);
  // The built-ins finished regardless.
  await expect(page.locator('.lab-results tbody tr').first().locator('td').first()).toHaveText(
    /^\d\.\d{3}$/,
  );
  // And the lab is usable again.
  await expect(page.getByRole('button', { name: 'Run the comparison' })).toBeEnabled();
});

test('what the loop guard cannot see is stopped by the watchdog; exceptions report their line', async ({
  page,
}) => {
  await page.goto('./#/lab/hashring');
  await editorReady(page, LAB);
  const run = page.getByRole('button', { name: 'Run the comparison' });
  await run.click(); // warms up the TypeScript worker
  await expect(page.locator('.lab-results tbody tr.yours td').first()).toHaveText(/^\d\.\d{3}$/);
  // Catastrophic backtracking: one built-in call that never yields to the guard.
  await setText(
    page,
    LAB,
    'export function hash(bytes: Uint8Array, seed: number): number {\n  /^(a+)+$/.test("a".repeat(40) + "b");\n  return seed;\n}\n',
  );
  const t0 = Date.now();
  await run.click();
  const sandboxWorkers = () => page.workers().filter((w) => w.url().startsWith('blob:')).length;
  await expect.poll(sandboxWorkers).toBe(1);
  const message = page.locator('.lab-message');
  await expect(message).toContainText('no answer for 1.5 s', { timeout: 6000 });
  // 1.5 s of silence plus compiling and starting the sandbox; loose, as CI machines are busy.
  expect(Date.now() - t0).toBeLessThan(4000);
  // The sandbox frame is gone, and with it the runner worker stuck in the regular expression.
  await expect(page.locator('iframe.lab-sandbox-frame')).toHaveCount(0);
  await expect.poll(sandboxWorkers).toBe(0);

  await setText(
    page,
    LAB,
    'export function hash(bytes: Uint8Array, seed: number): number {\n  const table: number[] = [];\n\n  return table[bytes[0]!]!.valueOf() + seed;\n}\n',
  );
  await page.getByRole('button', { name: 'Run the comparison' }).click();
  await expect(message).toContainText('Your hash failed: TypeError');
  await expect(message).toContainText('(line 4)');
  await message.getByRole('button', { name: 'Go to line 4' }).click();
  expect(
    await page.evaluate(() => window.monaco!.editor.getEditors()[0]!.getPosition()!.lineNumber),
  ).toBe(4);
});

test('type errors block the run and are marked', async ({ page }) => {
  await page.goto('./#/lab/hashring');
  await editorReady(page, LAB);
  await setText(
    page,
    LAB,
    'export function hash(bytes: Uint8Array, seed: number): number {\n  return "x" + seed;\n}\n',
  );
  await page.getByRole('button', { name: 'Run the comparison' }).click();
  const message = page.locator('.lab-message');
  await expect(message).toContainText('Not run: fix these first');
  await expect(message).toContainText("line 2: Type 'string' is not assignable to type 'number'");
  await expect(page.locator('.lab-results')).toHaveCount(0);
});

test('the stampede and Raft labs run their experiments with the starter code', async ({ page }) => {
  await page.goto('./#/lab/stampede');
  await editorReady(page, 'file:///lab/stampede.ts');
  const duration = page.locator('.params').getByRole('spinbutton', { name: /Duration/ });
  await duration.fill('5000');
  await duration.press('Enter');
  await page.getByRole('button', { name: 'Run the comparison' }).click();
  await expect(page.locator('.lab-results tbody tr.yours td').first()).toHaveText(/^[\d,]+$/, {
    timeout: 30_000,
  });

  await page.goto('./#/lab/raft');
  await editorReady(page, 'file:///lab/raft.ts');
  const trials = page.locator('.params').getByRole('spinbutton', { name: /Trials/ });
  await trials.fill('200');
  await trials.press('Enter');
  await page.getByRole('button', { name: 'Run the comparison' }).click();
  await expect(page.locator('.lab-results tbody tr.yours td').first()).toHaveText(/^[\d.]+$/, {
    timeout: 30_000,
  });
  await expect(page.locator('.lab-results tbody tr')).toHaveCount(3);
});

test('Monaco is not in the initial bundle and loads only from the app, only for the editor', async ({
  page,
}) => {
  const scripts: { url: string; body: Promise<string> }[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script' || r.url().endsWith('.js'))
      scripts.push({ url: r.url(), body: r.text().catch(() => '') });
  });
  await page.goto('./#/play/hashring');
  await widgetReady(page);
  await page.waitForLoadState('networkidle');
  const before = await Promise.all(scripts.map(async (s) => ({ ...s, text: await s.body })));
  for (const s of before) {
    expect(s.text, s.url).not.toContain('MonacoEnvironment');
    expect(s.text, s.url).not.toContain('monaco-editor');
  }
  expect(await page.evaluate(() => 'monaco' in window)).toBe(false);

  await page.getByRole('link', { name: 'Editor', exact: true }).click();
  await page.getByRole('link', { name: 'Code lab' }).first().click();
  await editorReady(page, LAB);
  await expect(page.getByRole('button', { name: 'Run the comparison' })).toBeEnabled();
  // Monaco, its workers and the TypeScript worker all came from this server.
  const origin = new URL(page.url()).origin;
  const editorScripts = scripts.slice(before.length).map((s) => s.url);
  expect(editorScripts.some((u) => /editor\.api-.*\.js$/.test(u))).toBe(true);
  for (const u of editorScripts) expect(u.startsWith(origin), u).toBe(true);
});

test('the editor and the lab pass axe', async ({ page }) => {
  await page.goto('./#/editor/hashring');
  await editorReady(page, SCENARIO);
  await widgetReady(page);
  await expectAccessible(page);
  await page.goto('./#/lab/hashring');
  await editorReady(page, LAB);
  await expectAccessible(page);
  // With results: progress bars, the chart and the scrollable table.
  await page.getByRole('button', { name: 'Run the comparison' }).click();
  await expect(page.locator('.lab-results tbody tr.yours td').first()).toHaveText(/^\d\.\d{3}$/);
  await expectAccessible(page);
});
