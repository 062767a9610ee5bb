import { useEffect, useRef } from 'react';

/**
 * Moves focus to a screen's heading when the screen changes, so a screen reader announces the
 * new question and keyboard users start from the top.
 */
export function useHeadingFocus<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, [key]);
  return ref;
}
