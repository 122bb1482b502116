/**
 * The embed bundle's entry, `dist/embed/ds-playground.js`: defines `<ds-playground>`. The app
 * it links to ("Open in DS Playground") is the build this folder sits in.
 */
import { defineDsPlayground } from './define';

defineDsPlayground(new URL(/* @vite-ignore */ '../index.html', import.meta.url).href);
