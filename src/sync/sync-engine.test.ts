import { describe, expect, it } from 'vitest';
import { defaultForm } from '../domain/default-form';
import { sampleResponse } from '../domain/sample-response';
import type { FeedbackResponse } from '../domain/response';
import { createSyncEngine, type SyncStore } from './sync-engine';
import { REQUEST_TIMEOUT_MS } from './timed-fetch';
import { UNREACHABLE_RETRY_CAP_MS } from './timing';
import { keptThrough } from '../domain/sync-protocol';


/** An outbox in memory, in insertion order (the real one is in random-id order). */
function memoryStore(count: number, enrolled = true) {
  const outbox = new Map(Array.from({ length: count }, () => sampleResponse()).map((r) => [r.id, r]));
  const setAside: { id: string; reason: string; kind: string }[] = [];
  const kept = new Map<string, { response: FeedbackResponse; keepUntil: string }>();
  let databaseId: string | null = null;
  // As src/storage keeps them: through a day counted from the response's own date.
  const store: SyncStore = {
    takeBatch: async (limit, skip) => [...outbox.values()].filter((r) => !skip.has(r.id)).slice(0, limit),
    acknowledge: async (ids, keepDays, today) =>
      ids.forEach((id) => {
        const response = outbox.get(id);
        const keepUntil = response && keptThrough(response.date, keepDays);
        if (response && keepDays > 0 && keepUntil! >= today) kept.set(id, { response, keepUntil: keepUntil! });
        outbox.delete(id);
      }),
    dropExpiredKept: async (today) => [...kept].forEach(([id, copy]) => copy.keepUntil < today && kept.delete(id)),
    resendIfDatabaseChanged: async (id) => {
      const changed = databaseId !== null && databaseId !== id;
      databaseId = id;
      if (!changed) return 0;
      const count = kept.size;
      kept.forEach((copy, keptId) => outbox.set(keptId, copy.response));
      kept.clear();
      return count;
    },
    madeTotals: async () => ({ '2026-11-23': count, '2026-09-01': 7 }),
    setAside: async (items) => items.forEach((item) => (outbox.delete(item.id), setAside.push(item))),
    countWaiting: async () => outbox.size,
    abandonedTotals: async () => ({ '2026-11-23': 2 }),
    readEnrollment: async () => (enrolled ? { token: 't'.repeat(43) } : null),
    storedSetupEtag: async () => null,
    saveSetup: async () => undefined,
  };
  return { store, outbox, setAside, kept, originalOrder: [...outbox.keys()] };
}

type Behaviour = (ids: string[], attempt: number) => 'ok' | 'down' | 'error-500' | 'commit-then-drop' | 'hang' | 'bad-gateway' | 'busy';

/**
 * A server that stores each id once, like the real one, and can misbehave on request: behind a
 * proxy ('bad-gateway' is what nginx answers while the app is down), or never answering.
 */
function fakeServer(
  behaviour: Behaviour = () => 'ok',
  invalid = new Set<string>(),
  { unknownVersion = new Set<string>(), date = null as string | null, keepSentDays = undefined as number | undefined } = {},
) {
  const stored = new Map<string, number>();
  // The database's identity, on every answer; a test restores the database by changing it.
  const identity = { databaseId: 'database-one' as string | undefined };
  const requests: { ids: string[]; body: Record<string, unknown> }[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    if (String(url).endsWith('/form')) return Response.json({ error: 'No version is published.' }, { status: 404 });
    const body = JSON.parse(String(init?.body)) as { responses: FeedbackResponse[] };
    const ids = body.responses.map((r) => r.id);
    requests.push({ ids, body });
    const mode = behaviour(ids, requests.length);
    if (mode === 'down') throw new TypeError('Failed to fetch');
    if (mode === 'hang') return new Promise<Response>(() => {});
    if (mode === 'error-500') return Response.json({ error: 'The server could not handle this request.' }, { status: 500 });
    if (mode === 'bad-gateway') return new Response('<html>502 Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } });
    if (mode === 'busy') return Response.json({ error: 'Busy' }, { status: 503, headers: { 'retry-after': '120' } });
    const bad = ids
      .map((id, index) => ({ id, index }))
      .filter(({ id }) => invalid.has(id) || unknownVersion.has(id))
      .map(({ id, index }) =>
        unknownVersion.has(id)
          ? { index, id, reason: 'form todays-feedback version 2 is not known here', kind: 'unknown-version' }
          : { index, id, reason: 'does not fit', kind: 'invalid' },
      );
    if (bad.length > 0) return Response.json({ error: 'invalid', rejected: bad }, { status: 422 });
    const results = ids.map((id) => ({ id, status: stored.has(id) ? 'duplicate' : 'accepted' }));
    ids.forEach((id) => stored.set(id, (stored.get(id) ?? 0) + 1));
    if (mode === 'commit-then-drop') throw new TypeError('The connection was reset');
    return Response.json({ results, databaseId: identity.databaseId, keepSentDays }, date ? { headers: { date } } : {});
  };
  return { fetch: fetch as typeof globalThis.fetch, stored, requests, identity };
}

function engineFor(
  store: SyncStore,
  server: ReturnType<typeof fakeServer>,
  exclusively = async (task: () => Promise<void>) => (await task(), true),
  now = () => new Date('2026-11-23T12:00:00Z'),
) {
  const timers: number[] = [];
  // Every timer that is still set, which a test can run (a request's time limit among them).
  const pending = new Set<{ ms: number; run: () => void }>();
  let seed = 42;
  const engine = createSyncEngine({
    store,
    fetch: server.fetch,
    appVersion: '0.1.0',
    random: () => (seed = (seed * 16807) % 2147483647) / 2147483647,
    now,
    setTimer: (run, ms) => {
      const timer = { ms, run };
      // `timers` lists the waits between sends; each request's own time limit is not one.
      if (ms !== REQUEST_TIMEOUT_MS) timers.push(ms);
      pending.add(timer);
      return () => pending.delete(timer);
    },
    exclusively,
  });
  /** Runs the timers set for exactly `ms`, as if that much time had passed. */
  const elapse = (ms: number) => [...pending].filter((t) => t.ms === ms).forEach((t) => (pending.delete(t), t.run()));
  return { engine, timers, elapse };
}

describe('the sync engine', () => {
  it('sends everything waiting in shuffled batches of at most 100, then empties the outbox', async () => {
    const { store, outbox, originalOrder } = memoryStore(250);
    const server = fakeServer();
    const { engine, timers } = engineFor(store, server);
    await engine.syncNow();
    expect(server.requests.map((r) => r.ids.length)).toEqual([100, 100, 50]);
    expect(server.requests[0]!.ids).not.toEqual(originalOrder.slice(0, 100));
    expect(server.requests[0]!.body).toMatchObject({ appVersion: '0.1.0', waiting: 250, abandoned: { '2026-11-23': 2 } });
    expect(outbox.size).toBe(0);
    expect([...server.stored.values()].every((n) => n === 1)).toBe(true);
    expect(server.stored.size).toBe(250);
    expect(engine.status()).toMatchObject({ state: 'waiting', waiting: 0, lastError: null });
    expect(timers.at(-1)).toBeGreaterThanOrEqual(10 * 60_000);
    expect(timers.at(-1)).toBeLessThanOrEqual(20 * 60_000);
  });

  it('reports its state even with nothing waiting', async () => {
    const { store } = memoryStore(0);
    const server = fakeServer();
    await engineFor(store, server).engine.syncNow();
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.ids).toEqual([]);
  });

  it('does nothing on the network until the kiosk is enrolled', async () => {
    const { store } = memoryStore(5, false);
    const server = fakeServer();
    const { engine } = engineFor(store, server);
    await engine.syncNow();
    expect(server.requests).toHaveLength(0);
    expect(engine.status().state).toBe('not-enrolled');
  });

  it('backs off with growing, jittered waits while the server fails, then delivers each response once', async () => {
    const { store, outbox } = memoryStore(30);
    const server = fakeServer((_ids, attempt) => (attempt <= 3 ? 'error-500' : 'ok'));
    const { engine, timers } = engineFor(store, server);
    for (let i = 0; i < 4; i++) await engine.syncNow();
    expect(timers.slice(0, 3).map((ms, n) => ms <= 1000 * 2 ** n)).toEqual([true, true, true]);
    expect(engine.status().lastError).toBeNull();
    expect(outbox.size).toBe(0);
    expect(server.stored.size).toBe(30);
  });

  it('keeps retrying within a minute while the server cannot be reached at all', async () => {
    const { store } = memoryStore(3);
    const server = fakeServer(() => 'down');
    const { engine, timers } = engineFor(store, server);
    for (let i = 0; i < 12; i++) await engine.syncNow();
    expect(Math.max(...timers)).toBeLessThanOrEqual(UNREACHABLE_RETRY_CAP_MS);
    expect(engine.status()).toMatchObject({ state: 'retrying', waiting: 3, lastError: 'The server cannot be reached.' });
  });

  it('loses and doubles nothing when the answer is lost after the server committed', async () => {
    const { store, outbox } = memoryStore(40);
    const server = fakeServer((_ids, attempt) => (attempt === 1 ? 'commit-then-drop' : 'ok'));
    const { engine } = engineFor(store, server);
    await engine.syncNow();
    expect(outbox.size).toBe(40);
    await engine.syncNow();
    expect(outbox.size).toBe(0);
    expect(server.stored.size).toBe(40);
    expect([...server.stored.values()].every((n) => n === 2)).toBe(true); // sent twice, stored once by id
  });

  it('sets aside what the server refuses, with the reason, and delivers the rest', async () => {
    const { store, outbox, setAside, originalOrder } = memoryStore(10);
    const server = fakeServer(() => 'ok', new Set([originalOrder[3]!]));
    await engineFor(store, server).engine.syncNow();
    expect(setAside).toEqual([{ id: originalOrder[3], reason: 'does not fit', kind: 'invalid' }]);
    expect(outbox.size).toBe(0);
    expect(server.stored.size).toBe(9);
  });

  it('keeps a response whose form version the server does not know, sends the rest, and tries it again at the next send', async () => {
    const { store, outbox, setAside, originalOrder } = memoryStore(150);
    const unknownVersion = new Set([originalOrder[3]!, originalOrder[120]!]);
    const server = fakeServer(() => 'ok', new Set(), { unknownVersion });
    const { engine, timers } = engineFor(store, server);
    await engine.syncNow();
    expect(setAside).toEqual([]);
    expect([...outbox.keys()].sort()).toEqual([...unknownVersion].sort());
    expect(server.stored.size).toBe(148);
    // Everything else went: not a failure, so no back-off; the regular send tries them again.
    expect(engine.status()).toMatchObject({
      state: 'waiting',
      lastSuccessAt: expect.any(Date),
      lastError: expect.stringContaining('2 kept to send again later: form todays-feedback version 2 is not known here'),
    });
    expect(timers.at(-1)).toBeGreaterThanOrEqual(10 * 60_000);
    // The server learns the version (restored, republished): the next send delivers them.
    unknownVersion.clear();
    await engine.syncNow();
    expect(outbox.size).toBe(0);
    expect(server.stored.size).toBe(150);
    expect(engine.status().lastError).toBeNull();
  });

  it('gives up on a request that never answers, so the next send is not stuck behind it', async () => {
    const { store, outbox } = memoryStore(5);
    const server = fakeServer((_ids, attempt) => (attempt === 1 ? 'hang' : 'ok'));
    const { engine, elapse, timers } = engineFor(store, server);
    const first = engine.syncNow();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(engine.status().state).toBe('sending');
    elapse(REQUEST_TIMEOUT_MS);
    await first;
    expect(engine.status()).toMatchObject({ state: 'retrying', lastError: 'The server did not answer within 30 s.' });
    expect(timers.at(-1)).toBeLessThanOrEqual(UNREACHABLE_RETRY_CAP_MS);
    await engine.syncNow();
    expect(outbox.size).toBe(0);
    expect(server.stored.size).toBe(5);
  });

  it("treats a proxy's 502 while the server is down as 'cannot be reached': retries stay within a minute", async () => {
    const { store } = memoryStore(3);
    const server = fakeServer(() => 'bad-gateway');
    const { engine, timers } = engineFor(store, server);
    for (let i = 0; i < 12; i++) await engine.syncNow();
    expect(timers).toHaveLength(12);
    expect(Math.max(...timers)).toBeLessThanOrEqual(UNREACHABLE_RETRY_CAP_MS);
    expect(engine.status()).toMatchObject({ state: 'retrying', waiting: 3, lastError: 'The server cannot be reached (502).' });
  });

  it('waits at least as long as Retry-After asks', async () => {
    const { store } = memoryStore(3);
    const server = fakeServer(() => 'busy');
    const { engine, timers } = engineFor(store, server);
    await engine.syncNow();
    expect(timers.at(-1)).toBe(120_000);
  });

  it("warns when the kiosk's clock is more than an hour from the server's", async () => {
    const { store } = memoryStore(1);
    // The engine's clock reads 12:00 UTC; the server says 14:30.
    const { engine } = engineFor(store, fakeServer(() => 'ok', new Set(), { date: 'Mon, 23 Nov 2026 14:30:00 GMT' }));
    await engine.syncNow();
    expect(engine.status().clockOffMs).toBe(150 * 60_000);
    const { engine: right } = engineFor(memoryStore(1).store, fakeServer(() => 'ok', new Set(), { date: 'Mon, 23 Nov 2026 12:40:00 GMT' }));
    await right.syncNow();
    expect(right.status().clockOffMs).toBeNull();
  });

  it('joins a send already under way instead of starting a second', async () => {
    const { store } = memoryStore(10);
    const server = fakeServer();
    const { engine } = engineFor(store, server);
    await Promise.all([engine.syncNow(), engine.syncNow(), engine.syncNow()]);
    expect(server.requests).toHaveLength(1);
  });

  it('leaves the sending to another tab that holds the lock', async () => {
    const { store, outbox } = memoryStore(10);
    const server = fakeServer();
    const { engine } = engineFor(store, server, async () => false);
    await engine.syncNow();
    expect(server.requests).toHaveLength(0);
    expect(outbox.size).toBe(10);
  });
});

describe('kept copies and a restored server', () => {
  const DAY = 24 * 60 * 60 * 1000;

  it('keeps what the server acknowledged for as many days after its date as it says up to 14, 14 when it says nothing, none for 0', async () => {
    for (const [keepSentDays, expected] of [[undefined, 14], [3, 3], [0, 0], [400, 14]] as const) {
      const { store, outbox, kept } = memoryStore(5);
      let told = -1;
      const { engine } = engineFor(
        { ...store, acknowledge: (ids, days, today) => ((told = days), store.acknowledge(ids, days, today)) },
        fakeServer(() => 'ok', new Set(), { keepSentDays }),
      );
      await engine.syncNow();
      expect(outbox.size).toBe(0);
      expect(told).toBe(expected);
      expect(kept.size).toBe(expected === 0 ? 0 : 5);
    }
  });

  it("asks storage to drop kept copies by the kiosk's Helsinki date, before each send", async () => {
    const { store } = memoryStore(3);
    const days: string[] = [];
    let at = Date.parse('2026-12-06T21:59:00Z');
    const { engine } = engineFor({ ...store, dropExpiredKept: async (today) => void days.push(today) }, fakeServer(), undefined, () => new Date(at));
    await engine.syncNow();
    at += 2 * 60_000;
    await engine.syncNow();
    // 23:59 and 00:01 in Helsinki (UTC+2 in December).
    expect(days).toEqual(['2026-12-06', '2026-12-07']);
  });

  it('drops kept copies the day after their last day, counted from the answer, never from the send', async () => {
    const { store, kept } = memoryStore(3);
    let at = Date.parse('2026-11-30T12:00:00Z');
    const { engine } = engineFor(store, fakeServer(), undefined, () => new Date(at));
    // Answered on the 23rd, sent a week later: kept through 6 December (14 days) all the same.
    await engine.syncNow();
    expect([...kept.values()].map((copy) => copy.keepUntil)).toEqual(['2026-12-06', '2026-12-06', '2026-12-06']);
    at = Date.parse('2026-12-06T12:00:00Z');
    await engine.syncNow();
    expect(kept.size).toBe(3);
    at += DAY;
    await engine.syncNow();
    expect(kept.size).toBe(0);
  });

  it('keeps no copy of a response sent only after its days were over', async () => {
    const { store, kept, outbox } = memoryStore(2);
    const { engine } = engineFor(store, fakeServer(), undefined, () => new Date('2026-12-10T12:00:00Z'));
    await engine.syncNow();
    expect(outbox.size).toBe(0);
    expect(kept.size).toBe(0);
  });

  it('sends every kept copy again when the database identity changes, and the server ends with each once', async () => {
    const { store, outbox, kept } = memoryStore(150);
    const server = fakeServer();
    const { engine } = engineFor(store, server);
    await engine.syncNow();
    expect(kept.size).toBe(150);

    // The server is restored from a backup taken before the last 40 arrived.
    const lost = [...server.stored.keys()].slice(110);
    for (const id of lost) server.stored.delete(id);
    server.identity.databaseId = 'database-two';
    const requestsBefore = server.requests.length;
    await engine.syncNow();

    expect(outbox.size).toBe(0);
    expect(server.stored.size).toBe(150);
    // Every response is in the restored database, the lost ones stored once more.
    for (const id of lost) expect(server.stored.get(id)).toBe(1);
    // The first request found the new identity; the copies went in batches after it.
    expect(server.requests.slice(requestsBefore).flatMap((r) => r.ids).sort()).toEqual([...server.stored.keys()].sort());
    expect(kept.size).toBe(150);

    // The same identity again: nothing is sent twice.
    const afterRestore = server.requests.length;
    await engine.syncNow();
    expect(server.requests.slice(afterRestore).flatMap((r) => r.ids)).toEqual([]);
  });

  it('resends nothing the first time it learns an identity, or from a server that has none', async () => {
    for (const databaseId of [undefined, 'database-one']) {
      const { store, kept } = memoryStore(4);
      const server = fakeServer();
      server.identity.databaseId = databaseId;
      const { engine } = engineFor(store, server);
      await engine.syncNow();
      await engine.syncNow();
      expect(kept.size).toBe(4);
      expect(server.requests.flatMap((r) => r.ids)).toHaveLength(4);
    }
  });

  it('reports made and abandoned totals for the last 60 days only', async () => {
    const { store } = memoryStore(2);
    const server = fakeServer();
    await engineFor(store, server).engine.syncNow();
    expect(server.requests[0]!.body).toMatchObject({ made: { '2026-11-23': 2 }, abandoned: { '2026-11-23': 2 } });
    expect(server.requests[0]!.body.made).not.toHaveProperty('2026-09-01');
  });
});

describe('the published form, notices and hours', () => {
  it('are fetched after a good send, stored with their ETag, and not again while unchanged', async () => {
    const { store } = memoryStore(2);
    let storedEtag: string | null = null;
    const saved: number[] = [];
    const told: number[] = [];
    store.storedSetupEtag = async () => storedEtag;
    store.saveSetup = async (setup, etag) => {
      storedEtag = etag;
      saved.push(setup.form.version);
    };
    const server = fakeServer();
    const published = { form: { ...defaultForm, version: 2 }, notices: [], openingHours: null };
    const fetch: typeof globalThis.fetch = async (url, init) => {
      if (!String(url).endsWith('/setup')) return server.fetch(url, init);
      const sentEtag = new Headers(init?.headers).get('if-none-match');
      if (sentEtag === '"setup-2"') return new Response(null, { status: 304, headers: { etag: sentEtag } });
      return Response.json(published, { headers: { etag: '"setup-2"' } });
    };
    const engine = createSyncEngine({
      store,
      fetch,
      appVersion: 'x',
      random: Math.random,
      now: () => new Date(),
      setTimer: () => () => undefined,
      exclusively: async (task) => (await task(), true),
      onNewSetup: (setup) => told.push(setup.form.version),
    });
    await engine.syncNow();
    await engine.syncNow();
    expect(saved).toEqual([2]);
    expect(told).toEqual([2]);
  });
});
