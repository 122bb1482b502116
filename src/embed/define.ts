/** Registers `<ds-playground>` once per page (a second copy of the script keeps the first). */
import { DsPlaygroundElement } from './element';

/** `appUrl`: the app's index.html next to this build, for "Open in DS Playground". */
export function defineDsPlayground(appUrl: string): void {
  if (customElements.get('ds-playground')) return;
  DsPlaygroundElement.appUrl = appUrl;
  customElements.define('ds-playground', DsPlaygroundElement);
}
