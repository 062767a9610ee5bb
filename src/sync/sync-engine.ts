import { parseFormDefinition, type FormDefinition } from '../domain/form-schema';
import type { FeedbackResponse } from '../domain/response';
import type { SyncRequest } from '../domain/sync-protocol';
import { outcomeOf, shuffled } from './batch';
import {
  BATCH_SIZE,
  FIRST_SYNC_AFTER_MS,
  nextRegularDelay,
  retryDelay,
  RETRY_CAP_MS,
  UNREACHABLE_RETRY_CAP_MS,
} from './timing';

/** What the engine needs from storage (src/storage in the app, fakes in tests). */
export interface SyncStore {
  takeBatch(limit: number): Promise<FeedbackResponse[]>;
  acknowledge(ids: string[]): Promise<void>;
  setAside(items: { id: string; reason: string }[]): Promise<void>;
  countWaiting(): Promise<number>;
  abandonedTotals(): Promise<Record<string, number>>;
  readEnrollment(): Promise<{ token: string } | null>;
  /** ETag of the form kept for offline use, if any. */
  storedFormEtag(): Promise<string | null>;
  saveForm(form: FormDefinition, etag: string): Promise<void>;
}

export interface SyncStatus {
  state: 'waiting' | 'sending' | 'not-enrolled' | 'retrying';
  /** Responses still in the outbox; null until first counted. */
  waiting: number | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
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
  formEndpoint?: string;
  /** Told of a newly published form once it is stored; the kiosk switches between visitors. */
  onNewForm?: (form: FormDefinition) => void;
}

type RunResult = { kind: 'done' } | { kind: 'not-enrolled'; message: string } | { kind: 'failed'; message: string; cap: number };

/**
 * Sends waiting responses in shuffled batches: at start (after a pause), about every 15 minutes,
 * when the browser comes back online and when the staff asks. Never right after an answer, so
 * the moment a request arrives says nothing about when anyone answered. After a failure it
 * retries with exponential back-off and full jitter.
 */
export function createSyncEngine(deps: SyncEngineDeps) {
  const { store, random, now } = deps;
  const endpoint = deps.endpoint ?? '/api/kiosk/sync';
  let status: SyncStatus = { state: 'waiting', waiting: null, lastSuccessAt: null, lastError: null };
  const listeners = new Set<(status: SyncStatus) => void>();
  let cancelTimer: (() => void) | null = null;
  let failuresInARow = 0;
  let running: Promise<void> | null = null;

  const update = (change: Partial<SyncStatus>) => {
    status = { ...status, ...change };
    for (const listener of listeners) listener(status);
  };

  async function sendAll(): Promise<RunResult> {
    const enrollment = await store.readEnrollment();
    if (!enrollment) return { kind: 'not-enrolled', message: 'This kiosk is not enrolled yet.' };
    // One request even with nothing waiting: it reports the kiosk's state and abandoned counts.
    for (let first = true; ; first = false) {
      const batch = shuffled(await store.takeBatch(BATCH_SIZE), random);
      if (batch.length === 0 && !first) {
        await refreshForm(enrollment.token);
        return { kind: 'done' };
      }
      const request: SyncRequest = {
        appVersion: deps.appVersion,
        waiting: await store.countWaiting(),
        abandoned: await store.abandonedTotals(),
        responses: batch,
      };
      let reply: Response;
      try {
        reply = await deps.fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${enrollment.token}` },
          body: JSON.stringify(request),
          cache: 'no-store',
        });
      } catch {
        return { kind: 'failed', message: 'The server cannot be reached.', cap: UNREACHABLE_RETRY_CAP_MS };
      }
      const body: unknown = await reply.json().catch(() => null);
      const outcome = outcomeOf(batch, reply.status, body);
      switch (outcome.kind) {
        case 'stored':
          await store.acknowledge(outcome.done);
          if (outcome.done.length < batch.length) return { kind: 'failed', message: 'The server did not confirm every response.', cap: RETRY_CAP_MS };
          break;
        case 'rejected':
          // The rest of the batch was not stored: the loop sends it again at once.
          await store.setAside(outcome.setAside);
          break;
        case 'not-enrolled':
          return { kind: 'not-enrolled', message: outcome.message };
        case 'retry':
          return { kind: 'failed', message: outcome.message, cap: RETRY_CAP_MS };
      }
      if (batch.length === 0) {
        await refreshForm(enrollment.token);
        return { kind: 'done' };
      }
    }
  }

  /** Counts what waits now (the staff menu opens; responses arrive between sends). */
  async function refresh(): Promise<void> {
    const waiting = await store.countWaiting().catch(() => status.waiting);
    update({ waiting });
  }

  /**
   * After a good send, asks for the published form (304 when the kiosk has it). A failure here
   * is not a failed sync: the kiosk keeps the form it has and asks again next time.
   */
  async function refreshForm(token: string): Promise<void> {
    try {
      const etag = await store.storedFormEtag();
      const reply = await deps.fetch(deps.formEndpoint ?? '/api/kiosk/form', {
        headers: { authorization: `Bearer ${token}`, ...(etag ? { 'if-none-match': etag } : {}) },
        cache: 'no-store',
      });
      const newEtag = reply.headers.get('etag');
      if (reply.status !== 200 || !newEtag) return;
      const form = parseFormDefinition(await reply.json());
      await store.saveForm(form, newEtag);
      deps.onNewForm?.(form);
    } catch (error) {
      console.warn('The published form could not be fetched:', error instanceof Error ? error.name : error);
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
      update({ state: 'waiting', waiting, ...(ran ? { lastSuccessAt: now(), lastError: null } : {}) });
      schedule(nextRegularDelay(random));
    } else if (result.kind === 'not-enrolled') {
      update({ state: 'not-enrolled', waiting, lastError: result.message });
      schedule(nextRegularDelay(random));
    } else {
      update({ state: 'retrying', waiting, lastError: result.message });
      schedule(retryDelay(failuresInARow++, random, result.cap));
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
