import { describe, expect, it } from 'vitest';
import { sampleResponse } from '../domain/sample-response';
import { outcomeOf, shuffled } from './batch';

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

  it('sets aside the responses a 422 names, with the reason', () => {
    const body = { error: 'x', rejected: [{ index: 2, id: 'c', reason: 'answer to "day" "9" is not an option' }] };
    expect(outcomeOf(sent, 422, body)).toEqual({ kind: 'rejected', setAside: [{ id: 'c', reason: 'answer to "day" "9" is not an option' }] });
  });

  it('keeps everything and retries when the answer is unclear or a failure', () => {
    expect(outcomeOf(sent, 200, {}).kind).toBe('retry');
    expect(outcomeOf(sent, 422, { rejected: [] }).kind).toBe('retry');
    expect(outcomeOf(sent, 422, { rejected: [{ index: 9, reason: 'x' }] }).kind).toBe('retry');
    expect(outcomeOf(sent, 500, { error: 'boom' })).toEqual({ kind: 'retry', message: 'boom' });
    expect(outcomeOf(sent, 503, null)).toEqual({ kind: 'retry', message: 'The server answered 503.' });
  });

  it('tells the staff when the kiosk is not enrolled', () => {
    expect(outcomeOf(sent, 401, { error: 'This kiosk is not enrolled' })).toEqual({ kind: 'not-enrolled', message: 'This kiosk is not enrolled' });
  });
});
