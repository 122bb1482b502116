import type { Page } from '@playwright/test';
import { replayScenario } from '../src/sim/replay';
import { decodeScenario } from '../src/widget/share';
import { expect, expectAccessible, test, widgetReady } from './fixtures';

const main = (page: Page) => page.locator('.raft-main').first();
const num = async (page: Page, attr: string) => Number(await main(page).getAttribute(attr));
const leaderOf = (page: Page) => num(page, 'data-leader');
const server = (page: Page, id: number) => page.locator(`.raft-server[data-server="${id}"]`);
const logRow = (page: Page, id: number) =>
  page.locator(`[data-testid="raft-logs"] tr[data-server="${id}"]`);
const rowNum = async (page: Page, id: number, attr: string) =>
  Number(await logRow(page, id).getAttribute(attr));
const play = (page: Page) => page.locator('.playback button[aria-label="Play"]').click();
const pause = (page: Page) => page.locator('.playback button[aria-label="Pause"]').click();
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

async function openPlayground(page: Page, preset: string, speed = '1') {
  await page.goto(`./#/play/raft?preset=${preset}`);
  await widgetReady(page);
  await page.selectOption('.playback select', speed);
}

async function waitForLeader(page: Page, not = -1): Promise<number> {
  await expect
    .poll(
      async () => {
        const l = await leaderOf(page);
        return l >= 0 && l !== not;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return leaderOf(page);
}

test('crashing the leader in the playground gets a new leader elected in a higher term', async ({
  page,
}) => {
  await openPlayground(page, 'election');
  await expect(page.locator('.invariants li')).toHaveCount(5);
  await play(page);
  const old = await waitForLeader(page);
  const oldTerm = await num(page, 'data-term');
  await expect(server(page, old)).toHaveAttribute('data-role', 'leader');
  await button(page, 'Crash the leader').click();
  await expect(server(page, old)).toHaveAttribute('data-role', 'crashed');
  await expect(page.getByRole('log')).toContainText(`S${old + 1} crashed (it was the leader`);
  const next = await waitForLeader(page, old);
  const term = Number(await server(page, next).getAttribute('data-term'));
  expect(term).toBeGreaterThan(oldTerm);
  await expect(page.getByRole('log')).toContainText(
    new RegExp(`S${next + 1} won term ${term} with \\d of 5 votes`),
  );
  // The statechart puts the new leader in the Leader state and the old one among the down.
  await expect(page.locator('.raft-sc-state[data-state="leader"]')).toContainText(`S${next + 1}`);
  await expect(page.locator('.raft-statechart')).toContainText(`down: S${old + 1}`);
  await expect(page.locator('.invariants li.ok')).toHaveCount(5);
  await pause(page);
  await expectAccessible(page);
});

test('a leader partitioned into the minority never commits its new entries; after the heal every log agrees', async ({
  page,
}) => {
  await openPlayground(page, 'election');
  await play(page);
  const old = await waitForLeader(page);
  await pause(page);
  const peer = (old + 1) % 5;
  // Draw the partition on the ring: the leader and one follower on side B.
  await button(page, 'Partition…').click();
  await server(page, old).click();
  await server(page, peer).click();
  await expect(page.locator('.raft-drafting')).toContainText(
    [old, peer]
      .sort()
      .map((s) => `S${s + 1}`)
      .join(', '),
  );
  await button(page, 'Cut the network').click();
  await expect(page.getByRole('log')).toContainText('Network partitioned');
  await expect(page.locator('.raft-link.cut')).toHaveCount(2 * 3);
  const commitBefore = await rowNum(page, old, 'data-commit');
  const lengthBefore = await rowNum(page, old, 'data-log-length');

  // Two client requests reach the old leader through its details panel.
  await server(page, old).click();
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details).toContainText(`S${old + 1} · leader`);
  await details.getByRole('button', { name: `Client request to S${old + 1}` }).click();
  await details.getByRole('button', { name: `Client request to S${old + 1}` }).click();
  await expect.poll(() => rowNum(page, old, 'data-log-length')).toBe(lengthBefore + 2);
  const minorityLog = (await logRow(page, old).getAttribute('data-log'))!.split(',');
  const minorityEntries = minorityLog.slice(-2);
  await details.getByRole('button', { name: 'Close details' }).click();

  // The majority elects a new leader and commits a request of its own.
  await play(page);
  const next = await waitForLeader(page, old);
  expect([old, peer]).not.toContain(next);
  const majorityCommit = await rowNum(page, next, 'data-commit');
  await button(page, 'Client request').click();
  await expect
    .poll(() => rowNum(page, next, 'data-commit'), { timeout: 10_000 })
    .toBeGreaterThan(majorityCommit);
  // Give the minority a good while longer: its entries stay uncommitted.
  const t0 = Number(await page.locator('.widget').getAttribute('data-t'));
  await expect
    .poll(async () => Number(await page.locator('.widget').getAttribute('data-t')))
    .toBeGreaterThan(t0 + 1500);
  await pause(page);
  expect(await rowNum(page, old, 'data-commit')).toBe(commitBefore);
  expect(await rowNum(page, peer, 'data-commit')).toBeLessThanOrEqual(commitBefore);
  expect(await rowNum(page, old, 'data-log-length')).toBeGreaterThan(commitBefore);
  await expect(server(page, old)).toHaveAttribute('data-role', 'leader');
  // Its newest cells are drawn as not committed.
  await expect(logRow(page, old).locator('td.entry').last()).not.toHaveClass(/committed/);
  await expect(page.locator('.invariants li.ok')).toHaveCount(5);

  // Heal: the old leader steps down, its uncommitted entries are replaced, all logs converge.
  await button(page, 'Heal').click();
  await play(page);
  await expect(page.getByRole('log')).toContainText(`S${old + 1} saw term`);
  const logs = () =>
    page
      .locator('[data-testid="raft-logs"] tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => `${r.getAttribute('data-log')}#${r.getAttribute('data-commit')}`),
      );
  await expect.poll(async () => new Set(await logs()).size, { timeout: 15_000 }).toBe(1);
  await pause(page);
  const [agreed] = await logs();
  const entries = agreed!.split('#')[0]!.split(',');
  for (const e of minorityEntries) expect(entries).not.toContain(e);
  expect(Number(agreed!.split('#')[1])).toBe(entries.length);
  await expect(page.locator('.invariants li.ok')).toHaveCount(5);
});

test('a share link opened in a fresh browser reproduces the same Raft run', async ({
  page,
  browser,
}) => {
  await openPlayground(page, 'election');
  await play(page);
  await waitForLeader(page);
  await button(page, 'Client request').click();
  await button(page, 'Crash the leader').click();
  await page.waitForTimeout(600);
  await button(page, 'Client request').click();
  await page.waitForTimeout(400);
  await pause(page);
  await page.getByRole('button', { name: 'Share' }).click();
  const url = await page.getByTestId('share-url').inputValue();
  expect(url).toContain('#/play/raft?s=');
  const state = async (p: Page) => ({
    t: await p.locator('.widget').getAttribute('data-t'),
    leader: await p.locator('.raft-main').getAttribute('data-leader'),
    term: await p.locator('.raft-main').getAttribute('data-term'),
    servers: await p
      .locator('.raft-server')
      .evaluateAll((els) =>
        els.map((e) => `${e.getAttribute('data-role')}@${e.getAttribute('data-term')}`),
      ),
    logs: await p
      .locator('[data-testid="raft-logs"] tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => `${r.getAttribute('data-log')}#${r.getAttribute('data-commit')}`),
      ),
    metrics: await p.locator('.metrics dl').innerText(),
  });
  const original = await state(page);
  expect(original.servers.some((s) => s.startsWith('crashed@'))).toBe(true);

  // The share box's fingerprint is the run's trace hash, and Node replaying the link agrees.
  const print = page.getByTestId('share-fingerprint');
  await expect(print).toHaveText(/^[0-9a-f]{8}$/, { timeout: 15_000 });
  const fingerprint = await print.innerText();
  const query = new URLSearchParams(url.slice(url.indexOf('?') + 1));
  const t = Number(query.get('t'));
  expect(await page.getByTestId('share-command').inputValue()).toBe(
    `npm run -s experiment -- --scenario '${url}' --until ${t}`,
  );
  const decoded = decodeScenario(query.get('s')!);
  const node = await replayScenario(decoded.ok ? decoded.value : null, t);
  expect(node.ok && node.value.fingerprint).toBe(fingerprint);
  await expectAccessible(page, '.share-box');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await widgetReady(other);
  await expect.poll(() => other.locator('.widget').getAttribute('data-t')).toBe(original.t);
  expect(await state(other)).toEqual(original);
  await other.getByRole('button', { name: 'Share' }).click();
  await expect(other.getByTestId('share-fingerprint')).toHaveText(fingerprint, { timeout: 15_000 });
  await fresh.close();
});

test('a message in flight opens from the ring and can be dropped; servers open from the keyboard', async ({
  page,
}) => {
  await openPlayground(page, 'election');
  await play(page);
  await waitForLeader(page);
  await pause(page);
  const step = page.locator('.playback button[aria-label^="Step"]');
  for (let i = 0; i < 40 && (await page.locator('.raft-msg').count()) === 0; i++)
    await step.click();
  const msg = page.locator('.raft-msg').first();
  await expect(msg).toBeVisible();
  // Its hit circle: the group's box also holds its (hidden) label, whose middle may be on a server.
  await msg.locator('.net-msg-hit').click();
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details.getByTestId('message-fate')).toContainText('in flight');
  await details.getByRole('button', { name: 'Drop this message' }).click();
  await expect(page.getByRole('log')).toContainText(/Dropped message #\d+/);
  await details.getByRole('button', { name: 'Close details' }).click();
  await expect(details).toHaveCount(0);

  // Keyboard: a server is a focusable button; Enter opens its details, Escape closes them.
  await server(page, 2).focus();
  await page.keyboard.press('Enter');
  await expect(details).toContainText('S3 ·');
  await expect(details.getByTestId('detail-term')).not.toBeEmpty();
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await expect(server(page, 2)).toBeFocused();

  // Hovering a line of the space-time diagram describes that message.
  const canvas = page.locator('.raft-spacetime canvas');
  const box = (await canvas.boundingBox())!;
  let described = false;
  for (let x = box.x + box.width - 10; x > box.x + 40 && !described; x -= 6) {
    for (const f of [0.3, 0.5, 0.7]) {
      await page.mouse.move(x, box.y + box.height * f);
      if (/→/.test(await page.getByTestId('raft-status').innerText())) {
        described = true;
        break;
      }
    }
  }
  expect(described).toBe(true);
  await expectAccessible(page);
});

// Each lesson's generic check (opens, runs, axe) is in lessons.spec.ts.

test('the election lesson: predicting runs the widget, and crashing the leader from the text elects another', async ({
  page,
}) => {
  await page.goto('./#/lesson/raft-election');
  await widgetReady(page);
  const widget = page.locator('.widget').first();
  await widget.locator('.playback select').selectOption('1');
  const q = page.locator('[data-question="q-first"]');
  await q.getByRole('radio').nth(1).check();
  await q.getByRole('button', { name: /Commit my answer/ }).click();
  await expect(q.locator('.reveal')).toBeVisible();
  await expect(widget).toHaveAttribute('data-state', 'playing');
  await expect(page.getByRole('log').first()).toContainText(/won term 1/, { timeout: 15_000 });
  const crash = page.locator('[data-question="q-crash"]');
  await crash.getByRole('radio').nth(1).check();
  await crash.getByRole('button', { name: /Commit my answer/ }).click();
  await expect(page.getByRole('log').first()).toContainText(
    /crashed \(it was the leader of term 1\)/,
  );
  await expect(page.getByRole('log').first()).toContainText(/won term [2-9]/, { timeout: 15_000 });
});

test('the partition lesson cuts the network from a button in the text', async ({ page }) => {
  await page.goto('./#/lesson/raft-partition');
  await widgetReady(page);
  await page.getByRole('button', { name: 'cut S4 and S5 off from the others' }).click();
  await expect(page.getByRole('log').first()).toContainText(
    'Network partitioned: {0, 1, 2} | {3, 4}',
  );
  await expect(page.locator('.raft-link.cut')).toHaveCount(6);
});

test('the split-vote lesson runs the election experiment with progress bars and a CDF per timeout range', async ({
  page,
}) => {
  await page.goto('./#/lesson/raft-split-votes');
  const exp = page.locator('[data-experiment="raft-election"]');
  await expect(exp).toBeVisible({ timeout: 20_000 });
  const trials = exp.locator('.params').getByRole('spinbutton', { name: /Trials/ });
  await trials.fill('100');
  await trials.press('Enter');
  await exp.getByRole('button', { name: 'Run experiment' }).click();
  await expect(exp.getByRole('progressbar').first()).toBeVisible();
  await expect(exp.locator('table.results tbody tr')).toHaveCount(6, { timeout: 60_000 });
  await expect(exp.locator('svg.chart')).toBeVisible();
  // No randomness (150-150) is much slower than 150-300.
  const means = (await exp.locator('table.results tbody tr td:nth-child(2)').allInnerTexts()).map(
    (s) => Number(s.replace(/,/g, '')),
  );
  expect(means[0]!).toBeGreaterThan(3 * means[5]!);
  await expectAccessible(page);
});

test('the Pre-Vote lesson: a returning server deposes the leader, and with Pre-Vote on it does not', async ({
  page,
}) => {
  await page.goto('./#/lesson/raft-prevote');
  await widgetReady(page);
  const widget = page.locator('.widget').first();
  const log = page.getByRole('log').first();
  await widget.locator('.playback select').selectOption('1');
  await widget.locator('.playback button[aria-label="Play"]').click();
  await expect(log).toContainText('S2 won term 1', { timeout: 15_000 });
  await page.getByRole('button', { name: 'isolate S5' }).click();
  await expect(log).toContainText(/S5 timed out and started an election for term 4/, {
    timeout: 15_000,
  });
  const q = page.locator('[data-question="q-return"]');
  await q.getByRole('radio').nth(2).check();
  await q.getByRole('button', { name: /Commit my answer/ }).click();
  await expect(log).toContainText(/S2 saw term \d+ and stepped down as leader/, {
    timeout: 15_000,
  });
  const leader = await waitForLeader(page);
  const term = Number(await server(page, leader).getAttribute('data-term'));

  await page.getByRole('button', { name: 'Turn Pre-Vote on' }).click();
  await expect(widget.getByLabel('Pre-Vote')).toBeChecked();
  const follower = (leader + 1) % 5;
  await server(page, follower).click();
  await page
    .getByRole('region', { name: 'Details' })
    .getByRole('button', { name: `Isolate S${follower + 1}` })
    .click();
  await expect(log).toContainText(
    new RegExp(`S${follower + 1} timed out and asked for pre-votes`),
    {
      timeout: 15_000,
    },
  );
  const p = page.locator('[data-question="q-prevote"]');
  await p.getByRole('radio').nth(0).check();
  await p.getByRole('button', { name: /Commit my answer/ }).click();
  await expect(log).toContainText('Network healed');
  await page.waitForTimeout(1500);
  expect(await leaderOf(page)).toBe(leader);
  expect(Number(await server(page, leader).getAttribute('data-term'))).toBe(term);
  expect(Number(await server(page, follower).getAttribute('data-term'))).toBe(term);
});

test('the timing lesson: over a slow network elections keep failing and the term climbs', async ({
  page,
}) => {
  await page.goto('./#/lesson/raft-timing');
  await widgetReady(page);
  const widget = page.locator('.widget').first();
  await widget.locator('.playback select').selectOption('1');
  await widget.locator('.playback button[aria-label="Play"]').click();
  await waitForLeader(page);
  const q = page.locator('[data-question="q-slow"]');
  await q.getByRole('radio').nth(1).check();
  await q.getByRole('button', { name: /Commit my answer/ }).click();
  await expect(q.locator('.reveal')).toBeVisible();
  // The lesson's parameters start folded: open them to see the value the question set.
  await widget.getByRole('button', { name: 'Parameters' }).click();
  await expect(widget.getByRole('spinbutton', { name: /Latency max/ })).toHaveValue('200');
  await expect(page.getByRole('log').first()).toContainText(/latencyMsMax 20 → 200/);
  // If the leader survived the switch, crash it from the reveal so an election is needed.
  if ((await leaderOf(page)) >= 0) await q.getByRole('button', { name: 'crash it' }).click();
  // Rival candidates keep cancelling each other: the term climbs well past 2.
  await expect.poll(() => num(page, 'data-term'), { timeout: 20_000 }).toBeGreaterThan(4);
});

test('log compaction: the log table marks each snapshot and the event log says who took it', async ({
  page,
}) => {
  // 20 writes a second, a snapshot every 10 applied entries: a few seconds show several.
  await page.goto('./#/play/raft?param-clientRateHz=20&param-snapshotEntries=10&t=8000');
  await widgetReady(page);
  await expect.poll(() => rowNum(page, 0, 'data-snapshot'), { timeout: 20_000 }).toBeGreaterThan(0);
  const snap = await rowNum(page, 0, 'data-snapshot');
  await expect(logRow(page, 0).locator('th')).toContainText(
    `snapshot ≤ ${snap.toLocaleString('en-US')}`,
  );
  expect(await rowNum(page, 0, 'data-log-length')).toBeGreaterThanOrEqual(snap);
  await expect(page.getByRole('log')).toContainText(
    /S\d took a snapshot of its state machine up to entry \d+ \(term \d+\) and discarded \d+ log entries/,
  );
  await expect(page.locator('.invariants li.ok')).toHaveCount(5);
  await expectAccessible(page);
});
