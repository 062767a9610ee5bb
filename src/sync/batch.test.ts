import { describe, expect, it } from 'vitest';
import { sampleResponse } from '../domain/sample-response';
import { outcomeOf, retryAfterMs, shuffled } from './batch';

const sent = ['a', 'b', 'c'].map((id) => sampleResponse({ id }));

describe('shuffled', () => {
  it('keeps every item and moves them', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const result = shuffled(items, random);
    expect([...result].sort((a, b) => a - b)).toEqual(items);
    expect(result).not.toEqual(items);
    expect(items[0]).toBe(0);
  });
});

describe('outcomeOf', () => {
  it('deletes what the server accepted or already had, and nothing it did not name', () => {
    const body = { results: [{ id: 'a', status: 'accepted' }, { id: 'b', status: 'duplicate' }, { id: 'zz', status: 'accepted' }] };
    expect(outcomeOf(sent, 200, body)).toEqual({ kind: 'stored', done: ['a', 'b'] });
  });

  it('sets aside the responses a 422 names, with the reason and kind, and holds back those the server cannot check yet', () => {
    const body = {
      error: 'x',
      rejected: [
        { index: 2, id: 'c', reason: 'answer to "day" "9" is not an option', kind: 'invalid' },
        { index: 0, id: 'a', reason: 'dated 2099-01-01', kind: 'clock' },
        { index: 1, id: 'b', reason: 'form todays-feedback version 2 is not known here', kind: 'unknown-version' },
      ],
    };
    expect(outcomeOf(sent, 422, body)).toEqual({
      kind: 'rejected',
      setAside: [
        { id: 'c', reason: 'answer to "day" "9" is not an option', kind: 'invalid' },
        { id: 'a', reason: 'dated 2099-01-01', kind: 'clock' },
      ],
      deferred: [{ id: 'b', reason: 'form todays-feedback version 2 is not known here' }],
    });
    // A server from before the kinds: its rejections were for good.
    expect(outcomeOf(sent, 422, { rejected: [{ index: 0, id: 'a', reason: 'x' }] })).toMatchObject({ setAside: [{ id: 'a', kind: 'invalid' }] });
  });

  it('counts a proxy or an overloaded server as "cannot be reached", and reads Retry-After', () => {
    for (const status of [429, 502, 503, 504]) expect(outcomeOf(sent, status, null)).toMatchObject({ kind: 'retry', unreachable: true });
    expect(outcomeOf(sent, 503, null, 120_000)).toMatchObject({ unreachable: true, retryAfterMs: 120_000 });
    expect(outcomeOf(sent, 500, null)).toMatchObject({ unreachable: false });
    const now = new Date('2026-12-01T10:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Tue, 01 Dec 2026 10:02:00 GMT', now)).toBe(120_000);
    expect(retryAfterMs('Tue, 01 Dec 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });

  it('keeps everything and retries when the answer is unclear or a failure', () => {
    expect(outcomeOf(sent, 200, {}).kind).toBe('retry');
    expect(outcomeOf(sent, 422, { rejected: [] }).kind).toBe('retry');
    expect(outcomeOf(sent, 422, { rejected: [{ index: 9, reason: 'x' }] }).kind).toBe('retry');
    expect(outcomeOf(sent, 500, { error: 'boom' })).toEqual({ kind: 'retry', message: 'boom', unreachable: false, retryAfterMs: null });
    expect(outcomeOf(sent, 500, null)).toMatchObject({ kind: 'retry', message: 'The server answered 500.' });
  });

  it('tells the staff when the kiosk is not enrolled', () => {
    expect(outcomeOf(sent, 401, { error: 'This kiosk is not enrolled' })).toEqual({ kind: 'not-enrolled', message: 'This kiosk is not enrolled' });
  });
});
