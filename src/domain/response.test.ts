import { describe, expect, it } from 'vitest';
import { answersProblems } from './answers';
import { defaultForm as form } from './default-form';
import { buildResponse, feedbackResponse } from './response';
import { sampleResponse } from './sample-response';
import { SCRUB_MARKERS } from './scrub';

const context = {
  form,
  language: 'sv',
  now: new Date('2026-11-23T12:15:00Z'),
  newId: () => crypto.randomUUID(),
};

describe('buildResponse', () => {
  it('keeps only form version, language, date, part of day and answers', () => {
    const response = buildResponse({ day: '4', needs: ['food', 'housing'] }, context);
    expect(response).not.toBeNull();
    expect(Object.keys(response!).sort()).toEqual(['answers', 'date', 'formId', 'formVersion', 'id', 'language', 'partOfDay']);
    expect(response).toMatchObject({
      formId: 'todays-feedback',
      formVersion: 1,
      language: 'sv',
      date: '2026-11-23',
      partOfDay: 'afternoon',
      answers: { day: '4', needs: ['food', 'housing'] },
    });
    expect(response!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('returns null when every question was skipped, so nothing is stored', () => {
    expect(buildResponse({}, context)).toBeNull();
    expect(buildResponse({ day: '', met: [], 'anything-else': '   ' }, context)).toBeNull();
  });

  it('drops answers to follow-ups that are hidden now', () => {
    const response = buildResponse({ met: ['nobody'], 'got-help': 'yes' }, context);
    expect(response!.answers).toEqual({ met: ['nobody'] });
    expect(answersProblems(form, response!.answers)).toEqual([]);
  });

  it('scrubs and trims free text before it is stored', () => {
    const response = buildResponse({ 'anything-else': '  Soita 040 123 4567  ' }, context);
    expect(response!.answers['anything-else']).toBe(`Soita ${SCRUB_MARKERS.phone}`);
  });

  it('refuses an id that is not a random UUIDv4', () => {
    expect(() => buildResponse({ day: '1' }, { ...context, newId: () => '0190f4e2-7c1a-7b3e-8f00-000000000000' })).toThrow();
  });
});

describe('feedbackResponse', () => {
  const valid = sampleResponse();

  it('accepts a valid response', () => {
    expect(feedbackResponse.safeParse(valid).success).toBe(true);
  });

  it.each([
    ['an extra field such as a time', { ...valid, submittedAt: '2026-11-23T10:12:00Z' }],
    ['a device id', { ...valid, deviceId: 'tablet-1' }],
    ['a precise part of day', { ...valid, partOfDay: '10:12' }],
    ['no answers', { ...valid, answers: {} }],
    ['a date that is not a date', { ...valid, date: '2026-02-30' }],
  ])('rejects %s', (_name, input) => {
    expect(feedbackResponse.safeParse(input).success).toBe(false);
  });
});
