import { useEffect, useRef } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

/**
 * Calls `onQuiet` once nobody has touched the screen for `ms`; every touch starts the wait
 * again. `null` switches it off.
 */
export function useQuietTimer(ms: number | null, onQuiet: () => void): void {
  const callback = useRef(onQuiet);
  useEffect(() => {
    callback.current = onQuiet;
  });

  useEffect(() => {
    if (ms === null) return;
    let timer = window.setTimeout(() => callback.current(), ms);
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => callback.current(), ms);
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, restart, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, restart, { capture: true });
    };
  }, [ms]);
}
