/**
 * A key that follows `key` at most once per `ms`: at 10x the logs change nearly every frame, and
 * redrawing a table of a few hundred cells ten times a second is plenty.
 */
import { useEffect, useRef, useState } from 'react';

export function useThrottledKey(key: string, ms: number): string {
  const [shown, setShown] = useState(key);
  const latest = useRef(key);
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    latest.current = key;
    if (key === shown || timer.current !== undefined) return;
    const wait = Math.max(0, last.current + ms - performance.now());
    timer.current = setTimeout(() => {
      timer.current = undefined;
      last.current = performance.now();
      setShown(latest.current);
    }, wait);
  }, [key, shown, ms]);
  useEffect(
    () => () => {
      if (timer.current !== undefined) clearTimeout(timer.current);
    },
    [],
  );
  return shown;
}
