import { describe, expect, it } from 'vitest';
import type { DraftComment } from '../domain/draft-comment';
import { randomUuidV4 } from '../domain/random-id';
import type { QueuedComment } from '../storage/kiosk-db';
import { createCommentSender, type CommentStore } from './comment-sender';
import { UNREACHABLE_RETRY_CAP_MS } from './timing';

const TOKEN = 'k'.repeat(43);
const comment = (text: string): DraftComment => ({ id: randomUuidV4(), question: 'mood', language: 'fi', text });

function memoryStore(texts: string[]) {
  const queued = new Map<string, QueuedComment>(
    texts.map((text) => comment(text)).map((c) => [c.id, { id: c.id, token: TOKEN, comment: c }]),
  );
  const store: CommentStore = {
    commentsFor: async (token) => [...queued.values()].filter((q) => q.token === token),
    forgetComments: async (ids) => ids.forEach((id) => queued.delete(id)),
    refuseComments: async (ids, reason) => ids.forEach((id) => (queued.get(id)!.refused = reason)),
    linkEnded: async (token) => void ended.push(token),
  };
  const ended: string[] = [];
  return { store, queued, ended };
}

type Mode = 'ok' | 'down' | 'error-500' | 'too-many' | 'revoked' | 'proxy-404' | 'commit-then-drop';

/** A server that keeps each comment id once, and misbehaves as told per attempt. */
function fakeServer(modes: Mode[]) {
  const stored = new Map<string, number>();
  let attempt = 0;
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    expect(String(url)).toBe(`/api/preview/${TOKEN}/comments`);
    const mode = modes[attempt++] ?? 'ok';
    if (mode === 'down') throw new TypeError('Failed to fetch');
    if (mode === 'error-500') return Response.json({ error: 'The server could not handle this request.' }, { status: 500 });
    if (mode === 'too-many') return Response.json({ error: 'Too many comments were sent with this preview link in a short time.' }, { status: 429, headers: { 'retry-after': '540' } });
    if (mode === 'revoked') return Response.json({ error: 'This review has ended.', reason: 'ended' }, { status: 404 });
    if (mode === 'proxy-404') return new Response('<h1>Not Found</h1>', { status: 404, headers: { 'content-type': 'text/html' } });
    const { comments } = JSON.parse(String(init?.body)) as { comments: DraftComment[] };
    const results = comments.map((c) => ({ id: c.id, status: stored.has(c.id) ? 'duplicate' : 'accepted' }));
    comments.forEach((c) => stored.set(c.id, (stored.get(c.id) ?? 0) + 1));
    if (mode === 'commit-then-drop') throw new TypeError('The connection was reset');
    return Response.json({ results });
  };
  return { fetch: fetch as typeof globalThis.fetch, stored, attempts: () => attempt };
}

/** Lets the sender's promises run until the condition holds (the fakes answer at once). */
async function until(condition: () => boolean) {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 0));
  expect(condition()).toBe(true);
}

function senderFor(store: CommentStore, server: ReturnType<typeof fakeServer>) {
  const timers: { run: () => void; ms: number; cancelled: boolean }[] = [];
  const sender = createCommentSender({
    token: TOKEN,
    store,
    fetch: server.fetch,
    random: () => 0.999,
    setTimer: (run, ms) => {
      const timer = { run, ms, cancelled: false };
      timers.push(timer);
      return () => (timer.cancelled = true);
    },
  });
  const armed = () => timers.filter((timer) => !timer.cancelled).length;
  return { sender, timers, armed };
}

describe('the comment sender', () => {
  it('delivers what is waiting and forgets it', async () => {
    const { store, queued } = memoryStore(['Vaikea sana', 'Parempi: "Miltä tuntuu?"']);
    const queuedIds = [...queued.keys()];
    const server = fakeServer(['ok']);
    const { sender, timers } = senderFor(store, server);
    await sender.sendNow();
    expect(server.stored.size).toBe(2);
    expect(queued.size).toBe(0);
    expect(sender.status()).toEqual({ waiting: 0, waitingIds: [], refused: [], sent: [...queuedIds], retrying: false });
    expect(timers).toHaveLength(0);
  });

  it('keeps comments through an outage and a 500, retrying within a minute, then delivers each once', async () => {
    const { store, queued } = memoryStore(['Yksi', 'Kaksi', 'Kolme']);
    const server = fakeServer(['down', 'error-500', 'commit-then-drop', 'ok']);
    const { sender, timers, armed } = senderFor(store, server);
    await sender.sendNow();
    expect(sender.status()).toMatchObject({ waiting: 3, retrying: true });
    for (let i = 0; i < 3; i++) {
      expect(armed()).toBe(1);
      const retry = timers.at(-1)!;
      expect(retry.ms).toBeLessThanOrEqual(UNREACHABLE_RETRY_CAP_MS);
      retry.run();
      // Attempts 2 (a 500) and 3 (the answer lost) fail and arm the next retry; attempt 4 delivers.
      await until(() => server.attempts() === i + 2 && armed() === (i < 2 ? 1 : 0));
    }
    expect(queued.size).toBe(0);
    // Each reached the server twice (the first answer was lost) and is kept there once.
    expect(server.stored.size).toBe(3);
    expect([...server.stored.values()]).toEqual([2, 2, 2]);
    expect(server.attempts()).toBe(4);
    expect(sender.status()).toMatchObject({ waiting: 0, retrying: false });
    expect(sender.status().sent).toHaveLength(3);
  });

  it('sets comments aside with the reason when the link no longer works, and never resends them', async () => {
    const { store, queued, ended } = memoryStore(['Liian pitkä lause']);
    const server = fakeServer(['revoked']);
    const { sender, timers } = senderFor(store, server);
    await sender.sendNow();
    expect(queued.size).toBe(1);
    // The draft kept for the link goes too.
    expect(ended).toEqual([TOKEN]);
    expect(sender.status().refused).toEqual([{ comment: expect.objectContaining({ text: 'Liian pitkä lause' }), reason: 'ended' }]);
    expect(sender.status().waiting).toBe(0);
    await sender.sendNow();
    expect(server.attempts()).toBe(1);
    expect(timers).toHaveLength(0);
  });

  it('keeps comments the server refuses as too many for now, and sends them on a later try', async () => {
    const { store, queued } = memoryStore(['Yksi', 'Kaksi']);
    const server = fakeServer(['too-many', 'too-many', 'ok']);
    const { sender, timers, armed } = senderFor(store, server);
    await sender.sendNow();
    expect(queued.size).toBe(2);
    expect(sender.status()).toMatchObject({ waiting: 2, refused: [], retrying: true });
    timers.at(-1)!.run();
    await until(() => server.attempts() === 2 && armed() === 1);
    expect(queued.size).toBe(2);
    expect([...queued.values()].every((q) => q.refused === undefined)).toBe(true);
    timers.at(-1)!.run();
    await until(() => server.attempts() === 3 && armed() === 0);
    expect(queued.size).toBe(0);
    expect(server.stored.size).toBe(2);
    expect(sender.status()).toMatchObject({ waiting: 0, refused: [], retrying: false });
  });

  it('tries again after a 404 that is not the server\u2019s own word on the link (a proxy\u2019s page), and keeps the draft', async () => {
    const { store, queued, ended } = memoryStore(['Yksi']);
    const server = fakeServer(['proxy-404', 'ok']);
    const { sender, timers } = senderFor(store, server);
    await sender.sendNow();
    expect(sender.status()).toMatchObject({ waiting: 1, refused: [], retrying: true });
    expect(ended).toEqual([]);
    timers.at(-1)!.run();
    await until(() => queued.size === 0);
    expect(server.stored.size).toBe(1);
  });

  it('sends a comment written while a send is under way in the same run', async () => {
    const { store, queued } = memoryStore(['Ensimmäinen']);
    const server = fakeServer([]);
    const { sender } = senderFor(store, server);
    const first = sender.sendNow();
    const later = comment('Toinen');
    queued.set(later.id, { id: later.id, token: TOKEN, comment: later });
    await Promise.all([first, sender.sendNow()]);
    expect(server.stored.size).toBe(2);
    expect(queued.size).toBe(0);
  });

  it('keeps one retry armed however often it is asked, and none once stopped', async () => {
    const { store } = memoryStore(['Yksi']);
    const server = fakeServer(['down', 'down', 'down', 'down', 'down']);
    const { sender, armed } = senderFor(store, server);
    await Promise.all([sender.sendNow(), sender.sendNow(), sender.sendNow()]);
    expect(armed()).toBe(1);
    await sender.sendNow();
    expect(armed()).toBe(1);
    const running = sender.sendNow();
    sender.stop();
    await running;
    expect(armed()).toBe(0);
  });

  it('waits instead of resending at once when the answer names none of what was sent', async () => {
    const { store, queued } = memoryStore(['Yksi']);
    let attempts = 0;
    const fetch = (async () => {
      attempts += 1;
      return Response.json({ results: [] });
    }) as unknown as typeof globalThis.fetch;
    const timers: number[] = [];
    const sender = createCommentSender({ token: TOKEN, store, fetch, random: () => 0.5, setTimer: (_run, ms) => (timers.push(ms), () => undefined) });
    await sender.sendNow();
    expect(attempts).toBe(1);
    expect(queued.size).toBe(1);
    expect(timers).toHaveLength(1);
  });
});
