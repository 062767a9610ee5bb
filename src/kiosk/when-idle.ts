/** Runs `work` once the browser is idle after the first screen, or after `timeout` ms at the latest. */
export function whenIdle(work: () => void, timeout = 2000): void {
  // Safari has no requestIdleCallback.
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(work, { timeout });
  else window.setTimeout(work, Math.min(timeout, 500));
}
