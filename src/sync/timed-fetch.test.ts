import { describe, expect, it } from 'vitest';
import { RequestTimeout, withTimeout } from './timed-fetch';

/** A clock the test moves by hand. */
function manualTimer() {
  let timers: { at: number; run: () => void }[] = [];
  let now = 0;
  return {
    setTimer: (run: () => void, ms: number) => {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return () => (timers = timers.filter((t) => t !== timer));
    },
    advance(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      due.forEach((t) => t.run());
    },
    pending: () => timers.length,
  };
}

const settled = async (promise: Promise<unknown>) => {
  let state = 'pending';
  promise.then(() => (state = 'resolved'), () => (state = 'rejected'));
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return state;
};

describe('withTimeout', () => {
  it('gives up on a server that accepts the request and never answers, even if the fetch ignores its signal', async () => {
    const clock = manualTimer();
    const timed = withTimeout(() => new Promise<Response>(() => {}), clock.setTimer, 30_000);
    const reply = timed('/api/kiosk/sync', { method: 'POST' });
    clock.advance(29_999);
    expect(await settled(reply)).toBe('pending');
    clock.advance(1);
    await expect(reply).rejects.toBeInstanceOf(RequestTimeout);
    await expect(reply).rejects.toThrow('The server did not answer within 30 s.');
  });

  it('aborts the underlying request when time runs out', async () => {
    const clock = manualTimer();
    let signal: AbortSignal | undefined;
    const timed = withTimeout((_input, init) => {
      signal = init?.signal ?? undefined;
      return new Promise<Response>(() => {});
    }, clock.setTimer, 1000);
    const reply = timed('/x');
    clock.advance(1000);
    await expect(reply).rejects.toBeInstanceOf(RequestTimeout);
    expect(signal?.aborted).toBe(true);
  });

  it('counts the time until the whole body has arrived, not only the headers', async () => {
    const clock = manualTimer();
    const stalled = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new TextEncoder().encode('{"resu')) });
    const timed = withTimeout(() => Promise.resolve(new Response(stalled, { status: 200 })), clock.setTimer, 1000);
    const reply = timed('/x');
    await Promise.resolve();
    clock.advance(1000);
    await expect(reply).rejects.toBeInstanceOf(RequestTimeout);
  });

  it('passes an answer through whole, with its status and headers, and stops its timer', async () => {
    const clock = manualTimer();
    const timed = withTimeout(
      () => Promise.resolve(new Response('{"ok":true}', { status: 422, headers: { date: 'Tue, 01 Dec 2026 10:00:00 GMT' } })),
      clock.setTimer,
    );
    const reply = await timed('/x');
    expect(reply.status).toBe(422);
    expect(reply.headers.get('date')).toBe('Tue, 01 Dec 2026 10:00:00 GMT');
    expect(await reply.json()).toEqual({ ok: true });
    expect(clock.pending()).toBe(0);
    expect((await withTimeout(() => Promise.resolve(new Response(null, { status: 304 })), clock.setTimer)('/x')).status).toBe(304);
  });

  it('passes a network failure through as it is', async () => {
    const clock = manualTimer();
    const timed = withTimeout(() => Promise.reject(new TypeError('Failed to fetch')), clock.setTimer);
    await expect(timed('/x')).rejects.toThrow(TypeError);
  });
});
