import { parseKioskSetup, type KioskSetup } from '../domain/kiosk-setup';
import type { FeedbackResponse } from '../domain/response';
import { localDay } from '../domain/local-day';
import { DEFAULT_KEEP_SENT_DAYS, MAX_KEEP_SENT_DAYS, recentTotals, type SyncAnswer, type SyncRequest } from '../domain/sync-protocol';
import { outcomeOf, retryAfterMs, shuffled, type SetAsideItem } from './batch';
import { RequestTimeout, withTimeout } from './timed-fetch';
import {
  BATCH_SIZE,
  FIRST_SYNC_AFTER_MS,
  nextRegularDelay,
  retryDelay,
  RETRY_CAP_MS,
  UNREACHABLE_RETRY_CAP_MS,
  MAX_RETRY_AFTER_MS,
  CLOCK_WARNING_MS,
} from './timing';

/** What the engine needs from storage (src/storage in the app, fakes in tests). */
export interface SyncStore {
  /** Up to `limit` waiting responses, leaving out those in `skip`. */
  takeBatch(limit: number, skip: ReadonlySet<string>): Promise<FeedbackResponse[]>;
  /**
   * Takes acknowledged responses out of the outbox, keeping a copy of each through `keepDays`
   * days after its own date unless that is already before `today`.
   */
  acknowledge(ids: string[], keepDays: number, today: string): Promise<void>;
  /** Deletes kept copies whose last day is before `today`. */
  dropExpiredKept(today: string): Promise<void>;
  /**
   * Remembers the server database's identity; when it differs from the one seen before, puts
   * every kept copy back in the outbox. Returns how many went back.
   */
  resendIfDatabaseChanged(id: string): Promise<number>;
  setAside(items: SetAsideItem[]): Promise<void>;
  countWaiting(): Promise<number>;
  abandonedTotals(): Promise<Record<string, number>>;
  madeTotals(): Promise<Record<string, number>>;
  readEnrollment(): Promise<{ token: string } | null>;
  /** ETag of the setup (form, notices, opening hours) kept for offline use, if any. */
  storedSetupEtag(): Promise<string | null>;
  saveSetup(setup: KioskSetup, etag: string): Promise<void>;
}

export interface SyncStatus {
  state: 'waiting' | 'sending' | 'not-enrolled' | 'retrying';
  /** Responses still in the outbox; null until first counted. */
  waiting: number | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  /**
   * How far the kiosk's clock is from the server's (server minus kiosk, in ms) at the last
   * answer, when it is off by more than CLOCK_WARNING_MS; null when it is right or unknown.
   * Responses carry the kiosk's date, so a wrong clock puts answers on wrong days.
   */
  clockOffMs: number | null;
}

export interface SyncEngineDeps {
  store: SyncStore;
  fetch: typeof fetch;
  appVersion: string;
  random: () => number;
  now: () => Date;
  setTimer: (run: () => void, ms: number) => () => void;
  /** Runs `task` unless another tab is already sending (Web Locks); returns whether it ran. */
  exclusively: (task: () => Promise<void>) => Promise<boolean>;
  endpoint?: string;
  setupEndpoint?: string;
  /** Told of a new setup (form, notices, hours) once it is stored; the kiosk switches between visitors. */
  onNewSetup?: (setup: KioskSetup) => void;
}

type RunResult =
  /** `note` tells the staff of responses held back (see finish). */
  | { kind: 'done'; note?: string }
  | { kind: 'not-enrolled'; message: string }
  /** `cap` bounds the back-off; `atLeast` is a wait the server asked for. */
  | { kind: 'failed'; message: string; cap: number; atLeast?: number };

/**
 * Sends waiting responses in shuffled batches: at start (after a pause), about every 15 minutes,
 * when the browser comes back online and when the staff asks. Never right after an answer, so
 * the moment a request arrives says nothing about when anyone answered. After a failure it
 * retries with exponential back-off and full jitter.
 */
export function createSyncEngine(deps: SyncEngineDeps) {
  const { store, random, now } = deps;
  const endpoint = deps.endpoint ?? '/api/kiosk/sync';
  // Every request gives up in time: a connection that hangs must not hold the sync for good.
  const request = withTimeout(deps.fetch, deps.setTimer);
  let status: SyncStatus = { state: 'waiting', waiting: null, lastSuccessAt: null, lastError: null, clockOffMs: null };
  const listeners = new Set<(status: SyncStatus) => void>();
  let cancelTimer: (() => void) | null = null;
  let failuresInARow = 0;
  let running: Promise<void> | null = null;

  const update = (change: Partial<SyncStatus>) => {
    status = { ...status, ...change };
    for (const listener of listeners) listener(status);
  };

  /** Compares the kiosk's clock with the server's Date header, taken halfway through the request. */
  function checkClock(reply: Response, sentAt: number) {
    const serverTime = Date.parse(reply.headers.get('date') ?? '');
    if (Number.isNaN(serverTime)) return;
    const kioskTime = (sentAt + now().getTime()) / 2;
    const off = serverTime - kioskTime;
    // The header counts whole seconds: allow for that before calling the clock wrong.
    const clockOffMs = Math.abs(off) > CLOCK_WARNING_MS ? Math.round(off) : null;
    if (clockOffMs !== status.clockOffMs) update({ clockOffMs });
  }

  /**
   * A new database identity in an answer means the server was restored from a backup and may
   * lack what it acknowledged since: the kept copies go back in the outbox. Returns how many.
   */
  async function resendIfRestored(answer: unknown): Promise<number> {
    const id = (answer as { databaseId?: unknown } | null)?.databaseId;
    return typeof id === 'string' ? store.resendIfDatabaseChanged(id) : 0;
  }

  /** How many days after its date an acknowledged response is kept, as the server says (0: none). */
  function keepDays(answer: unknown): number {
    const days = (answer as Partial<SyncAnswer> | null)?.keepSentDays;
    // Never longer than the privacy notice promises, whatever a server says.
    return typeof days === 'number' && Number.isInteger(days) && days >= 0 ? Math.min(days, MAX_KEEP_SENT_DAYS) : DEFAULT_KEEP_SENT_DAYS;
  }

  async function sendAll(): Promise<RunResult> {
    const enrollment = await store.readEnrollment();
    if (!enrollment) return { kind: 'not-enrolled', message: 'This kiosk is not enrolled yet.' };
    const today = localDay(now()).date;
    await store.dropExpiredKept(today);
    // Responses whose form version the server does not know: kept, and left out until the next
    // send, so that they hold up nothing else.
    const deferred = new Map<string, string>();
    // One request even with nothing waiting: it reports the kiosk's state and abandoned counts.
    for (let first = true; ; first = false) {
      const batch = shuffled(await store.takeBatch(BATCH_SIZE, new Set(deferred.keys())), random);
      if (batch.length === 0 && !first) return finish(enrollment.token, deferred);
      const body: SyncRequest = {
        appVersion: deps.appVersion,
        waiting: await store.countWaiting(),
        abandoned: recentTotals(await store.abandonedTotals(), today),
        made: recentTotals(await store.madeTotals(), today),
        responses: batch,
      };
      let reply: Response;
      const sentAt = now().getTime();
      try {
        reply = await request(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${enrollment.token}` },
          body: JSON.stringify(body),
          cache: 'no-store',
        });
      } catch (error) {
        const message = error instanceof RequestTimeout ? error.message : 'The server cannot be reached.';
        return { kind: 'failed', message, cap: UNREACHABLE_RETRY_CAP_MS };
      }
      checkClock(reply, sentAt);
      const answer: unknown = await reply.json().catch(() => null);
      // Before this batch is acknowledged, so that only the older copies go again.
      const resent = await resendIfRestored(answer);
      const outcome = outcomeOf(batch, reply.status, answer, retryAfterMs(reply.headers.get('retry-after'), now()));
      switch (outcome.kind) {
        case 'stored':
          await store.acknowledge(outcome.done, keepDays(answer), today);
          if (outcome.done.length < batch.length) return { kind: 'failed', message: 'The server did not confirm every response.', cap: RETRY_CAP_MS };
          break;
        case 'rejected':
          // The rest of the batch was not stored: the loop sends it again at once.
          await store.setAside(outcome.setAside);
          for (const { id, reason } of outcome.deferred) deferred.set(id, reason);
          break;
        case 'not-enrolled':
          return { kind: 'not-enrolled', message: outcome.message };
        case 'retry':
          return {
            kind: 'failed',
            message: outcome.message,
            cap: outcome.unreachable ? UNREACHABLE_RETRY_CAP_MS : RETRY_CAP_MS,
            ...(outcome.retryAfterMs !== null ? { atLeast: Math.min(outcome.retryAfterMs, MAX_RETRY_AFTER_MS) } : {}),
          };
      }
      if (batch.length === 0 && resent === 0) return finish(enrollment.token, deferred);
    }
  }

  /**
   * The end of a send that reached the server: the kiosk's setup, and any responses held back.
   * Those wait for the next regular send, not a back-off: everything else went, the kiosk is
   * not failing, and what the server lacks is put right on the server, not by knocking harder.
   */
  async function finish(token: string, deferred: Map<string, string>): Promise<RunResult> {
    await refreshSetup(token);
    if (deferred.size === 0) return { kind: 'done' };
    const [reason] = deferred.values();
    return { kind: 'done', note: `${deferred.size} kept to send again later: ${reason}` };
  }

  /** Counts what waits now (the staff menu opens; responses arrive between sends). */
  async function refresh(): Promise<void> {
    const waiting = await store.countWaiting().catch(() => status.waiting);
    update({ waiting });
  }

  /**
   * After a good send, asks for the published form, the notices and the opening hours (304 when
   * the kiosk has them). A failure here is not a failed sync: the kiosk keeps what it has and asks
   * again next time.
   */
  async function refreshSetup(token: string): Promise<void> {
    try {
      const etag = await store.storedSetupEtag();
      const reply = await request(deps.setupEndpoint ?? '/api/kiosk/setup', {
        headers: { authorization: `Bearer ${token}`, ...(etag ? { 'if-none-match': etag } : {}) },
        cache: 'no-store',
      });
      const newEtag = reply.headers.get('etag');
      if (reply.status !== 200 || !newEtag) return;
      const setup = parseKioskSetup(await reply.json());
      await store.saveSetup(setup, newEtag);
      deps.onNewSetup?.(setup);
    } catch (error) {
      console.warn('The published form, notices and hours could not be fetched:', error instanceof Error ? error.name : error);
    }
  }

  function schedule(ms: number) {
    cancelTimer?.();
    cancelTimer = deps.setTimer(() => void syncNow(), ms);
  }

  async function run(): Promise<void> {
    update({ state: 'sending' });
    // Assigned inside the locked task; typed wide so the checks below see every case.
    let result = { kind: 'done' } as RunResult;
    const ran = await deps.exclusively(async () => {
      result = await sendAll().catch(
        (error: unknown): RunResult => ({
          kind: 'failed',
          message: `The kiosk could not read its storage (${error instanceof Error ? error.name : 'error'}).`,
          cap: RETRY_CAP_MS,
        }),
      );
    });
    const waiting = await store.countWaiting().catch(() => status.waiting);
    if (!ran || result.kind === 'done') {
      if (ran) failuresInARow = 0;
      update({ state: 'waiting', waiting, ...(ran ? { lastSuccessAt: now(), lastError: result.kind === 'done' ? (result.note ?? null) : null } : {}) });
      schedule(nextRegularDelay(random));
    } else if (result.kind === 'not-enrolled') {
      update({ state: 'not-enrolled', waiting, lastError: result.message });
      schedule(nextRegularDelay(random));
    } else {
      update({ state: 'retrying', waiting, lastError: result.message });
      schedule(Math.max(retryDelay(failuresInARow++, random, result.cap), result.atLeast ?? 0));
    }
  }

  /** Sends now (staff menu, online event); a send already under way is joined, not doubled. */
  function syncNow(): Promise<void> {
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    /** Starts the schedule: the first send after a short pause, never immediately. */
    start() {
      void refresh();
      schedule(FIRST_SYNC_AFTER_MS);
    },
    refresh,
    syncNow,
    status: () => status,
    subscribe(listener: (status: SyncStatus) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      cancelTimer?.();
      cancelTimer = null;
    },
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
