/**
 * The `#/check` page: open real-format histories from the checker's test data, read the verdicts
 * and the drawn violation, get the parser's message for a bad file (and keep working), cancel a
 * check that would run for minutes, and stay axe clean.
 */
import { fileURLToPath } from 'node:url';
import { expect, expectAccessible, test } from './fixtures';

const testdata = (name: string): string =>
  fileURLToPath(new URL(`../src/sim/models/cap/history/testdata/${name}`, import.meta.url));

/**
 * Jepsen EDN: a few quick keys, then one the checker cannot finish: 32 concurrent writes of 0..15
 * (each value twice), a read of each value overlapping them all, then reads of 0 and 1. Repeated
 * values make this NP-hard in general, and this family defeats both the plain search and the
 * register reductions (40 concurrent writes then two reads, the old slow example, now takes
 * milliseconds).
 */
function slowHistory(): string {
  const lines: string[] = [];
  const op = (type: string, f: string, value: string, p: number, key: string) =>
    lines.push(`{:type :${type}, :f :${f}, :value ${value}, :process ${p}, :key "${key}"}`);
  for (const key of ['a', 'b', 'c']) {
    op('invoke', 'write', '1', 0, key);
    op('ok', 'write', '1', 0, key);
  }
  for (let p = 0; p < 32; p++) op('invoke', 'write', String(p % 16), p, 'z');
  for (let p = 0; p < 16; p++) op('invoke', 'read', 'nil', 32 + p, 'z');
  for (let p = 0; p < 32; p++) op('ok', 'write', String(p % 16), p, 'z');
  for (let p = 0; p < 16; p++) op('ok', 'read', String(p), 32 + p, 'z');
  for (const v of [0, 1]) {
    op('invoke', 'read', 'nil', 48, 'z');
    op('ok', 'read', String(v), 48, 'z');
  }
  return lines.join('\n') + '\n';
}

test('a linearizable and a non-linearizable history get their verdicts, the violation drawn', async ({
  page,
}, testInfo) => {
  await page.goto('./#/check');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Check a history for linearizability',
  );
  await expect(page.getByRole('link', { name: 'Checker' })).toHaveAttribute('aria-current', 'page');
  const file = page.locator('input[type="file"]');
  const status = page.getByRole('status');

  await file.setInputFiles(testdata('etcd-ok.log'));
  await expect(status).toHaveText(/^Linearizable: all \d+ operations on 1 key fit one order\.$/);
  await expect(page.locator('.check-verdict')).toHaveAttribute('data-verdict', 'ok');
  await expect(page.getByText("read as Porcupine's etcd log")).toBeVisible();
  await expect(page.locator('.check-timeline')).toHaveCount(0);

  await file.setInputFiles(testdata('register-bad.edn'));
  await expect(status).toHaveText(/^Not linearizable: 1 operation on 1 of 1 key/);
  await expect(page.locator('.check-keys tr[data-result="violation"]')).toHaveCount(1);
  const witness = page.locator('.check-witness');
  await expect(witness).toContainText("P1's read of 3 from the register");
  await expect(witness).toContainText('(line 12)');
  // The drawn window: the failing read marked, and the failed cas (the only writer of 3) drawn.
  await expect(page.locator('.check-op[data-role="violation"]')).toHaveAttribute('data-op', '10');
  await expect(page.locator('.check-op.type-fail')).toHaveCount(1);
  await expect(page.getByRole('img', { name: /^Timeline of \d+ operations/ })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('check-violation.png'), fullPage: true });

  // A sentence that names other ops: they are ringed in the drawing. Dark theme, axe again.
  await page.emulateMedia({ colorScheme: 'dark' });
  await file.setInputFiles(testdata('model-bad.json'));
  await expect(witness.first()).toContainText("P2 read 1 from key 0 after P1's write of 2");
  await expect(witness.first()).toContainText('(entry 4)');
  await expect(page.locator('.check-op[data-role="violation"]')).toHaveAttribute('data-op', '4');
  await expect(page.locator('.check-op[data-role="named"]')).toHaveCount(2);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('check-named-dark.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });

  // 40 concurrent writes of repeated values, then a read, a cas and a read: the plain search
  // gave up here; now the verdict comes, with the last read marked.
  await file.setInputFiles(testdata('etcd-repeated-bad.log'));
  await expect(status).toHaveText(/^Not linearizable: 1 operation on 1 of 1 key/);
  await expect(page.locator('.check-op[data-role="violation"]')).toHaveAttribute('data-op', '84');
  await expect(witness.first()).toContainText("P40's read of 2 from the register");
  await expect(witness.first()).toContainText('(line 85)');
  await page.screenshot({ path: testInfo.outputPath('check-repeated.png'), fullPage: true });

  // Several keys, each with its own verdict.
  await file.setInputFiles(testdata('kv-bad.txt'));
  await expect(status).toHaveText(/^Not linearizable: /);
  await expect(page.locator('.check-keys tbody tr')).not.toHaveCount(0);
});

test('a bad file gets the parser message naming the line, and the page keeps working', async ({
  page,
}) => {
  await page.goto('./#/check');
  const file = page.locator('input[type="file"]');
  await file.setInputFiles({
    name: 'broken.edn',
    mimeType: 'text/plain',
    buffer: Buffer.from(
      '{:type :invoke, :f :write, :value 1, :process 0}\n{:type :done, :f :write, :value 1, :process 0}\n',
    ),
  });
  await expect(page.getByRole('alert')).toHaveText(
    'broken.edn: line 2: :type is :done; expected one of :invoke, :ok, :fail, :info',
  );
  await expectAccessible(page);
  // Pasting a good history and pressing Check still works.
  await page
    .getByLabel('History', { exact: true })
    .fill(
      '{:type :invoke, :f :write, :value 1, :process 0}\n{:type :ok, :f :write, :value 1, :process 0}\n',
    );
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(/^Linearizable/);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a file above the size limit is refused with the limit named', async ({ page }) => {
  await page.goto('./#/check');
  await page.locator('input[type="file"]').setInputFiles({
    name: 'huge.edn',
    mimeType: 'text/plain',
    buffer: Buffer.alloc(2_000_001, 32),
  });
  await expect(page.getByRole('alert')).toHaveText(
    'huge.edn: 2,000,001 bytes is above the maximum 2,000,000 for a history file',
  );
});

test('a long check shows progress in a worker, and Cancel stops it', async ({ page }, testInfo) => {
  await page.goto('./#/check');
  await page.locator('input[type="file"]').setInputFiles({
    name: 'slow.edn',
    mimeType: 'text/plain',
    buffer: Buffer.from(slowHistory()),
  });
  const progress = page.getByRole('progressbar');
  await expect(progress).toHaveAttribute('aria-valuenow', '75');
  await expect(page.getByText('Checking key 4 of 4')).toBeVisible();
  // The search runs off the main thread: the page still answers.
  const t0 = Date.now();
  await page.evaluate(() => 1);
  expect(Date.now() - t0).toBeLessThan(1000);
  await page.screenshot({ path: testInfo.outputPath('check-progress.png'), fullPage: true });
  // The check has a worker of its own...
  expect(page.workers().map((w) => w.url())).toEqual([expect.stringMatching(/checkWorker/)]);
  const cancel = page.getByRole('button', { name: 'Cancel' });
  await cancel.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Check cancelled.');
  await expect(progress).toHaveCount(0);
  // ...which Cancel ends (a search cannot be interrupted otherwise).
  await expect.poll(() => page.workers().length).toBe(0);
  // And the next check runs.
  await page.getByRole('button', { name: /An etcd log with cas/ }).click();
  await expect(page.getByRole('status')).toHaveText(/^Linearizable/);
});
