import { describe, expect, it } from 'vitest';
import { defaultForm } from './default-form';
import { sampleResponse } from './sample-response';
import { responseProblem, syncRequest } from './sync-protocol';

const find = (id: string, version: number) => (id === defaultForm.id && version === defaultForm.version ? defaultForm : undefined);
const valid = sampleResponse();

describe('responseProblem', () => {
  it('accepts a response that fits a known form version', () => {
    expect(responseProblem(valid, find, valid.date)).toEqual({ response: valid, problem: null });
  });

  it("accepts a date up to a day after the server's date, and calls a later one a clock problem", () => {
    expect(responseProblem({ ...valid, date: '2026-12-01' }, find, '2026-11-30').problem).toBeNull();
    expect(responseProblem({ ...valid, date: '2027-01-01' }, find, '2026-12-31').problem).toBeNull();
    expect(responseProblem({ ...valid, date: '2026-12-02' }, find, '2026-11-30')).toMatchObject({
      kind: 'clock',
      problem: expect.stringContaining("the kiosk's clock was wrong"),
    });
    expect(responseProblem({ ...valid, date: '2099-06-01' }, find, '2026-11-30')).toMatchObject({ kind: 'clock' });
  });

  it('tells a version the server does not know (which can be put right) from an invalid response (which cannot)', () => {
    expect(responseProblem({ ...valid, formVersion: 7 }, find, valid.date)).toMatchObject({ kind: 'unknown-version' });
    expect(responseProblem({ ...valid, answers: { day: '9' } }, find, valid.date)).toMatchObject({ kind: 'invalid' });
    expect(responseProblem({ ...valid, id: 'x' }, find, valid.date)).toMatchObject({ kind: 'invalid' });
  });

  it.each([
    [{ ...valid, id: 'not-a-uuid' }, /id/],
    [{ ...valid, formVersion: 7 }, /form todays-feedback version 7 is not known/],
    [{ ...valid, language: 'de' }, /no language "de"/],
    [{ ...valid, answers: { day: '9' } }, /"9" is not an option/],
    [{ ...valid, ip: '10.0.0.1' }, /ip/],
    ['a string', /expected object/i],
  ])('explains what is wrong with %j', (raw, reason) => {
    expect(responseProblem(raw, find, valid.date).problem).toMatch(reason);
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
