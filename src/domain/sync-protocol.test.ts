import { describe, expect, it } from 'vitest';
import { defaultForm } from './default-form';
import { sampleResponse } from './sample-response';
import { responseProblem, syncRequest } from './sync-protocol';

const find = (id: string, version: number) => (id === defaultForm.id && version === defaultForm.version ? defaultForm : undefined);
const valid = sampleResponse();

describe('responseProblem', () => {
  it('accepts a response that fits a known form version', () => {
    expect(responseProblem(valid, find)).toEqual({ response: valid, problem: null });
  });

  it.each([
    [{ ...valid, id: 'not-a-uuid' }, /id/],
    [{ ...valid, formVersion: 7 }, /form todays-feedback version 7 is not known/],
    [{ ...valid, language: 'de' }, /no language "de"/],
    [{ ...valid, answers: { day: '9' } }, /"9" is not an option/],
    [{ ...valid, ip: '10.0.0.1' }, /ip/],
    ['a string', /expected object/i],
  ])('explains what is wrong with %j', (raw, reason) => {
    expect(responseProblem(raw, find).problem).toMatch(reason);
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
