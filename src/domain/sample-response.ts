import { randomUuidV4 } from './random-id';
import type { FeedbackResponse } from './response';

/** A valid response to the default form, for tests; override what a test is about. */
export function sampleResponse(overrides: Partial<FeedbackResponse> = {}): FeedbackResponse {
  return {
    id: randomUuidV4(),
    formId: 'todays-feedback',
    formVersion: 1,
    language: 'fi',
    date: '2026-11-23',
    partOfDay: 'morning',
    answers: { day: '3' },
    ...overrides,
  };
}
