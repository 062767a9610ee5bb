import { describe, expect, it } from 'vitest';
import { defaultForm } from './default-form';
import { sampleResponse } from './sample-response';
import { keptThrough, recentTotals, responseChecker, syncAnswer, syncRejection, syncRequest } from './sync-protocol';

const find = (id: string, version: number) => (id === defaultForm.id && version === defaultForm.version ? defaultForm : undefined);
const valid = sampleResponse();

describe('responseChecker', () => {
  it('accepts a response that fits a known form version', () => {
    expect(responseChecker(find, valid.date)(valid)).toEqual({ response: valid, problem: null });
  });

  it("accepts a date up to a day after the server's date, and calls a later one a clock problem", () => {
    expect(responseChecker(find, '2026-11-30')({ ...valid, date: '2026-12-01' }).problem).toBeNull();
    expect(responseChecker(find, '2026-12-31')({ ...valid, date: '2027-01-01' }).problem).toBeNull();
    expect(responseChecker(find, '2026-11-30')({ ...valid, date: '2026-12-02' })).toMatchObject({
      kind: 'clock',
      problem: expect.stringContaining("the kiosk's clock was wrong"),
    });
    expect(responseChecker(find, '2026-11-30')({ ...valid, date: '2099-06-01' })).toMatchObject({ kind: 'clock' });
  });

  it('tells a version the server does not know (which can be put right) from an invalid response (which cannot)', () => {
    expect(responseChecker(find, valid.date)({ ...valid, formVersion: 7 })).toMatchObject({ kind: 'unknown-version' });
    expect(responseChecker(find, valid.date)({ ...valid, answers: { day: '9' } })).toMatchObject({ kind: 'invalid' });
    expect(responseChecker(find, valid.date)({ ...valid, id: 'x' })).toMatchObject({ kind: 'invalid' });
  });

  it.each([
    [{ ...valid, id: 'not-a-uuid' }, /id/],
    [{ ...valid, formVersion: 7 }, /form todays-feedback version 7 is not known/],
    [{ ...valid, language: 'de' }, /no language "de"/],
    [{ ...valid, answers: { day: '9' } }, /"9" is not an option/],
    [{ ...valid, ip: '10.0.0.1' }, /ip/],
    ['a string', /expected object/i],
  ])('explains what is wrong with %j', (raw, reason) => {
    expect(responseChecker(find, valid.date)(raw).problem).toMatch(reason);
  });
});

describe('syncRequest', () => {
  it('takes the kiosk state and up to 500 responses, nothing else', () => {
    const request = { appVersion: '0.1.0', waiting: 3, abandoned: { '2026-11-23': 2 }, responses: [] };
    expect(syncRequest.safeParse(request).success).toBe(true);
    expect(syncRequest.safeParse({ ...request, responses: Array(501).fill(valid) }).success).toBe(false);
    expect(syncRequest.safeParse({ ...request, deviceName: 'x' }).success).toBe(false);
    expect(syncRequest.safeParse({ ...request, abandoned: { yesterday: 1 } }).success).toBe(false);
  });
});

describe('syncAnswer and syncRejection', () => {
  it("carry the server database's identity, and still parse from a server that does not send it", () => {
    const results = [{ id: valid.id, status: 'accepted' }];
    expect(syncAnswer.safeParse({ results, databaseId: 'q8Cz1mJ0r1kQ2-Zc3n_4AQ' }).success).toBe(true);
    expect(syncAnswer.safeParse({ results }).success).toBe(true);
    expect(syncAnswer.safeParse({ results, databaseId: '' }).success).toBe(false);
    const rejected = [{ index: 0, id: null, reason: 'x', kind: 'invalid' }];
    expect(syncRejection.safeParse({ error: 'x', rejected, databaseId: 'q8Cz1mJ0r1kQ2-Zc3n_4AQ' }).success).toBe(true);
    expect(syncRejection.safeParse({ error: 'x', rejected }).success).toBe(true);
  });
});

describe('keptThrough', () => {
  it("keeps a copy for the given days from the answer's own day, that day included, across months", () => {
    expect(keptThrough('2026-11-23', 14)).toBe('2026-12-06');
    expect(keptThrough('2026-12-25', 14)).toBe('2027-01-07');
    expect(keptThrough('2026-11-23', 1)).toBe('2026-11-23');
  });
});

describe('recentTotals', () => {
  it('keeps the dates of the last 60 days, today included, and nothing older', () => {
    const totals = { '2026-11-23': 4, '2026-09-25': 2, '2026-09-24': 9, '2025-11-23': 1 };
    expect(recentTotals(totals, '2026-11-23')).toEqual({ '2026-11-23': 4, '2026-09-25': 2 });
  });
});
