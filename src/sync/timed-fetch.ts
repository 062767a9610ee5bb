/**
 * Every request the kiosk makes gives up after this long. Without a limit a connection that
 * hangs (a captive portal, a half-open socket after the Wi-Fi dropped, a proxy that never
 * answers) keeps a send pending for good, and every later "Send now" only joins it. A batch of
 * 100 responses is about 30 kB: a few seconds even on a poor link.
 */
export const REQUEST_TIMEOUT_MS = 30_000;

/** What a request that ran out of time rejects with. */
export class RequestTimeout extends Error {
  override name = 'RequestTimeout';
  constructor(ms: number) {
    super(`The server did not answer within ${Math.round(ms / 1000)} s.`);
  }
}

// Statuses whose answer has no body: a Response cannot be made with one.
const NO_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * A fetch that gives up after `ms`, counting until the whole answer has arrived (a server can
 * send its headers and then stall). The answer is read in full before it is returned: the
 * kiosk's answers are small JSON. The timer comes from the caller, so tests (and Playwright's
 * clock) move it.
 */
export function withTimeout(
  fetchFn: typeof fetch,
  setTimer: (run: () => void, ms: number) => () => void,
  ms: number = REQUEST_TIMEOUT_MS,
): typeof fetch {
  return async (input, init) => {
    const controller = new AbortController();
    init?.signal?.addEventListener('abort', () => controller.abort(init.signal?.reason));
    let cancel = () => {};
    // Raced rather than left to the abort alone, so a fetch that ignores its signal cannot hang either.
    const timeout = new Promise<never>((_, reject) => {
      cancel = setTimer(() => {
        reject(new RequestTimeout(ms));
        controller.abort();
      }, ms);
    });
    const answer = (async () => {
      const reply = await fetchFn(input, { ...init, signal: controller.signal });
      const body = NO_BODY.has(reply.status) ? null : await reply.arrayBuffer();
      return new Response(body, { status: reply.status, statusText: reply.statusText, headers: reply.headers });
    })();
    // The losing side's rejection (the aborted fetch) is expected and handled here.
    answer.catch(() => undefined);
    try {
      return await Promise.race([answer, timeout]);
    } finally {
      cancel();
    }
  };
}
