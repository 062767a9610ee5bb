/** Regular sends: about every 15 minutes, never in step with anyone's answer. */
export const SYNC_EVERY_MS = 15 * 60_000;
/** Each wait is drawn from 15 min ± this, so the sending moments carry no pattern. */
export const SYNC_JITTER_MS = 5 * 60_000;
/** Back-off after a failure: full jitter between 0 and min(cap, base · 2^attempt). */
export const RETRY_BASE_MS = 1_000;
export const RETRY_CAP_MS = 5 * 60_000;
/**
 * When the server cannot be reached at all, knocking costs it nothing, and the kiosk must be
 * back within a minute of the server: retries then stop growing at one minute.
 */
export const UNREACHABLE_RETRY_CAP_MS = 60_000;
/**
 * A server (or its proxy) may ask for a longer wait with Retry-After; the kiosk honours it up
 * to this, so a wrong header cannot silence a kiosk for hours.
 */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;
/** The staff menu warns when the kiosk's clock is further than this from the server's. */
export const CLOCK_WARNING_MS = 60 * 60_000;
/** A sync waits at least this long after starting the app, so a reload is not a signal either. */
export const FIRST_SYNC_AFTER_MS = 5_000;
/** Responses per request. */
export const BATCH_SIZE = 100;

/** The wait before the next regular send: uniform in 10–20 minutes. */
export function nextRegularDelay(random: () => number): number {
  return SYNC_EVERY_MS - SYNC_JITTER_MS + random() * 2 * SYNC_JITTER_MS;
}

/**
 * The wait before retrying after the n-th failure in a row (n from 0): "full jitter", so that
 * many kiosks coming back after an outage do not all knock at once.
 */
export function retryDelay(failuresInARow: number, random: () => number, cap: number = RETRY_CAP_MS): number {
  const ceiling = Math.min(cap, RETRY_BASE_MS * 2 ** Math.min(failuresInARow, 30));
  return random() * ceiling;
}
