/** Small browser hooks shared by widgets and pages. */
import { useEffect, useState, type RefObject } from 'react';

/** True when the user asked the system for less motion. */
export function useReducedMotion(): boolean {
  const query = '(prefers-reduced-motion: reduce)';
  const [reduced, setReduced] = useState(
    () => typeof matchMedia !== 'undefined' && matchMedia(query).matches,
  );
  useEffect(() => {
    if (typeof matchMedia === 'undefined') return;
    const mq = matchMedia(query);
    const on = () => setReduced(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return reduced;
}

/** The element's content-box size, kept current with a ResizeObserver. */
export function useSize(
  ref: RefObject<HTMLElement | null>,
  fallback = { width: 640, height: 420 },
) {
  const [size, setSize] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      setSize((s) =>
        Math.abs(s.width - width) < 1 && Math.abs(s.height - height) < 1 ? s : { width, height },
      );
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}

/** The window's inner size, kept current on resize (never on scroll). */
export function useViewportSize(): { width: number; height: number } {
  const read = () =>
    typeof window === 'undefined'
      ? { width: 1280, height: 900 }
      : { width: window.innerWidth, height: window.innerHeight };
  const [size, setSize] = useState(read);
  useEffect(() => {
    const on = () =>
      setSize((s) => {
        const n = read();
        return n.width === s.width && n.height === s.height ? s : n;
      });
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return size;
}
