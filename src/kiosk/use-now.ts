import { useEffect, useState } from 'react';
import { CLOCK_TICK_MS } from './timing';

/**
 * The time now, renewed every CLOCK_TICK_MS: the opening hours and the notices' days are read
 * from it, so the kiosk closes, opens and changes its notices by itself, also offline.
 */
export function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), CLOCK_TICK_MS);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}
