/**
 * The styles of every `<ds-playground>` shadow root: theme tokens, the shared widget styles and
 * the element's layout. One constructable stylesheet is shared by all instances on a page;
 * nothing is added to the host document. Each model view's CSS is rendered by the widget itself.
 */
import themeCss from '../ui/theme.css?inline';
import uiCss from '../ui/ui.css?inline';
import embedCss from './embed.css?inline';
import { hostThemeCss } from './theme';

let text: string | null = null;
let sheet: CSSStyleSheet | null = null;

const cssText = (): string => (text ??= `${hostThemeCss(themeCss)}\n${uiCss}\n${embedCss}`);

/** Gives a shadow root the embed's styles (a shared sheet, or a <style> where unsupported). */
export function adoptStyles(root: ShadowRoot): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(cssText());
    }
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const style = document.createElement('style');
  style.textContent = cssText();
  (root as ShadowRoot).prepend(style);
}
