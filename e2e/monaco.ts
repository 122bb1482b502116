/** Helpers for the pages with Monaco (the scenario editor and the code lab). */
import type { Page } from '@playwright/test';

/** Waits for Monaco and the model at `uri`. */
export async function editorReady(page: Page, uri: string): Promise<void> {
  await page.waitForFunction(
    (u) => !!window.monaco?.editor.getModel(window.monaco.Uri.parse(u)),
    uri,
    { timeout: 30_000 },
  );
}

export const textOf = (page: Page, uri: string) =>
  page.evaluate(
    (u) => window.monaco!.editor.getModel(window.monaco!.Uri.parse(u))!.getValue(),
    uri,
  );

export const setText = (page: Page, uri: string, text: string) =>
  page.evaluate(
    ([u, t]) => window.monaco!.editor.getModel(window.monaco!.Uri.parse(u!))!.setValue(t!),
    [uri, text],
  );

export const markers = (page: Page, owner?: string) =>
  page.evaluate(
    (o) =>
      window.monaco!.editor.getModelMarkers(o ? { owner: o } : {}).map((m) => ({
        owner: m.owner,
        line: m.startLineNumber,
        message: m.message,
      })),
    owner,
  );
