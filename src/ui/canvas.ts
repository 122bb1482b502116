/**
 * Drawing plumbing every view shares: a canvas sized for the device pixel ratio, the theme's
 * colours read from CSS variables only when the data (or the page's theme) changes, and a frame
 * loop that runs requestAnimationFrame only while something moves and draws once otherwise, so
 * a paused widget costs no CPU (twenty of them sit on one embed page).
 */
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';

/** The device pixel ratio drawings use (capped: more costs fill rate and shows nothing new). */
export const pixelRatio = (): number =>
  Math.min(2, (typeof window !== 'undefined' && window.devicePixelRatio) || 1);

/**
 * Sizes `canvas` to w x h CSS pixels at the device pixel ratio (only when that changed: resizing
 * clears it) and returns its context scaled to CSS pixels.
 */
export function setupCanvas(
  canvas: HTMLCanvasElement,
  w: number,
  h: number,
): CanvasRenderingContext2D | null {
  const dpr = pixelRatio();
  const cw = Math.round(w * dpr);
  const ch = Math.round(h * dpr);
  if (canvas.width !== cw || canvas.height !== ch) {
    canvas.width = cw;
    canvas.height = ch;
  }
  const ctx = canvas.getContext('2d');
  ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

/** The theme's colours a drawing reads: CSS variable and fallback per name. */
export type ThemeSpec<K extends string> = Record<K, readonly [cssVar: string, fallback: string]>;

/** Bumps when the page switches light and dark (data-theme on <html>, or the system's). */
let themeEpoch = 0;
let watching = false;
function watchTheme(): void {
  if (watching || typeof document === 'undefined') return;
  watching = true;
  const bump = () => void themeEpoch++;
  new MutationObserver(bump).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme', 'class', 'style'],
  });
  if (typeof matchMedia !== 'undefined')
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', bump);
}

/**
 * A reader of the theme's colours for one drawing: `read(el, data)` calls getComputedStyle
 * only when `data` is not the value it was last called with, or the page's theme changed, not
 * every frame (each call forces a style pass over the whole page).
 */
export function themeReader<K extends string>(
  spec: ThemeSpec<K>,
): (el: Element, data: unknown) => Record<K, string> {
  watchTheme();
  let lastData: unknown = {};
  let lastEpoch = -1;
  let cached = Object.fromEntries(
    Object.entries(spec).map(([k, v]) => [k, (v as readonly [string, string])[1]]),
  ) as Record<K, string>;
  return (el, data) => {
    if (Object.is(data, lastData) && lastEpoch === themeEpoch) return cached;
    lastData = data;
    lastEpoch = themeEpoch;
    const cs = getComputedStyle(el);
    cached = Object.fromEntries(
      Object.entries(spec).map(([k, v]) => {
        const [name, fallback] = v as readonly [string, string];
        return [k, cs.getPropertyValue(name).trim() || fallback];
      }),
    ) as Record<K, string>;
    return cached;
  };
}

/** The colours most drawings use. */
export const BASE_THEME = {
  fg: ['--fg', '#1b1b1f'],
  muted: ['--muted', '#55555e'],
  grid: ['--grid', '#e4e4de'],
  panel: ['--panel', '#ffffff'],
  bad: ['--bad', '#b03a00'],
  accent: ['--accent', '#005a8e'],
} as const satisfies ThemeSpec<string>;
export type BaseTheme = Record<keyof typeof BASE_THEME, string>;

/**
 * Calls `draw(nowMs)` on the next animation frame after every render of the calling component,
 * and keeps calling it every frame while `moving` is true or `draw` returns true (an animation
 * still fading). Otherwise no frame is requested: a paused drawing draws once and rests.
 * Returns `redraw()`, which asks for one more frame (after a hover, say).
 */
export function useFrameLoop(draw: (nowMs: number) => boolean | void, moving: boolean): () => void {
  const latest = useRef({ draw, moving });
  const raf = useRef(0);
  const tick = useRef<(t: number) => void>(() => {});
  const redraw = useCallback(() => {
    if (!raf.current) raf.current = requestAnimationFrame((t) => tick.current(t));
  }, []);
  useLayoutEffect(() => {
    latest.current = { draw, moving };
    tick.current = (t: number) => {
      raf.current = 0;
      const more = latest.current.draw(t);
      if (latest.current.moving || more === true) redraw();
    };
    redraw();
  });
  useEffect(
    () => () => {
      cancelAnimationFrame(raf.current);
      raf.current = 0;
    },
    [],
  );
  return redraw;
}
