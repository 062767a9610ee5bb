import { browserTimer } from './browser-timer';
import { withTimeout } from './timed-fetch';

/** The page's fetch with a time limit: what every request of the kiosk and the preview goes through. */
export const browserFetch: typeof fetch = withTimeout((input, init) => fetch(input, init), browserTimer);
