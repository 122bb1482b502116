/** The app's Embed page: snippets for a preset or the exact run, a live preview, copy buttons. */
import { expect, expectAccessible, test, widgetReady } from './fixtures';

test('the Embed page writes the snippet for the run you have open, and copies it', async ({
  page,
  context,
}, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./#/play/hashring?preset=basic');
  await widgetReady(page);
  await page.getByRole('button', { name: 'Add a node' }).click();
  await expect(page.locator('.ring-side .bar-chart rect')).toHaveCount(5);
  await page.getByRole('link', { name: /Embed this run/ }).click();
  await expect(page.getByRole('heading', { name: 'Embed a widget in your docs' })).toBeVisible();

  const script = page.getByLabel('script snippet');
  await expect(script).toContainText(/embed\/ds-playground\.js"><\/script>/);
  await expect(script).toContainText('<ds-playground scenario="');
  // The encoded scenario carries the node the learner added.
  const encoded = /scenario="([^"]+)"/.exec((await script.textContent()) ?? '')![1]!;
  const decoded = JSON.parse(
    Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'),
  ) as { model: string; inputs: { action: string }[] };
  expect(decoded.model).toBe('hashring');
  expect(decoded.inputs.map((i) => i.action)).toContain('addNode');

  // The preview is the iframe page itself, and sizes the iframe snippet to fit.
  const preview = page.frameLocator('iframe.embed-preview').locator('.widget');
  await expect(preview).toHaveAttribute('data-state', 'paused', { timeout: 20_000 });
  await expect(preview.locator('.ring-side .bar-chart rect')).toHaveCount(5);
  const frameHeight = await page
    .locator('iframe.embed-preview')
    .evaluate((f) => Math.round(f.getBoundingClientRect().height));
  await expect(page.getByLabel('iframe snippet')).toContainText(`height="${frameHeight}"`);

  // Options show up as attributes; a preset replaces the exact run.
  await page.getByLabel('log', { exact: true }).uncheck();
  await page.getByLabel('Theme', { exact: true }).selectOption('dark');
  await page.getByLabel(/The exact run from your link/).uncheck();
  await page.getByLabel('Preset', { exact: true }).selectOption('vnodes');
  await expect(script).toContainText(
    '<ds-playground model="hashring" preset="vnodes" controls="playback params actions metrics invariants share" theme="dark"></ds-playground>',
  );
  await expect(page.getByLabel('iframe snippet')).toContainText(
    'embed.html?model=hashring&amp;preset=vnodes&amp;controls=playback+params+actions+metrics+invariants+share&amp;theme=dark',
  );

  await page.getByRole('button', { name: 'Copy' }).first().click();
  await expect(page.getByText('Copied to the clipboard.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
    '<ds-playground model="hashring" preset="vnodes"',
  );
  await page.screenshot({ path: testInfo.outputPath('embed-page.png'), fullPage: true });
  await expectAccessible(page);
});
