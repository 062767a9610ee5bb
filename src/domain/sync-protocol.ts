import * as z from 'zod/mini';
import { answersProblems } from './answers';
import type { FormDefinition } from './form-schema';
import { feedbackResponse, type FeedbackResponse } from './response';

/** At most this many responses in one request; a kiosk sends batches of 100. */
export const MAX_RESPONSES_PER_REQUEST = 500;

/**
 * What a kiosk sends: its state (so coordinators can see a kiosk that went quiet), its running
 * totals of abandoned forms per date, and responses. The responses are checked one by one so
 * that the answer can say which one is wrong and why.
 */
export const syncRequest = z.strictObject({
  appVersion: z.string().check(z.minLength(1), z.maxLength(40)),
  waiting: z.int().check(z.gte(0), z.lte(10_000_000)),
  abandoned: z
    .record(z.iso.date(), z.int().check(z.gte(0), z.lte(100_000)))
    .check(z.refine((days) => Object.keys(days).length <= 400, 'at most 400 dates of abandoned counts')),
  responses: z.array(z.unknown()).check(z.maxLength(MAX_RESPONSES_PER_REQUEST)),
});
export type SyncRequest = z.output<typeof syncRequest>;

export type SyncStatus = 'accepted' | 'duplicate';
/** 200: every response was valid; each is now stored (accepted) or was already (duplicate). */
export interface SyncAnswer {
  results: { id: string; status: SyncStatus }[];
}

/** 422: nothing was stored; these responses are invalid and the kiosk sets them aside. */
export interface SyncRejection {
  error: string;
  rejected: { index: number; id: string | null; reason: string }[];
}

export const enrollRequest = z.strictObject({ pairingCode: z.string().check(z.minLength(1), z.maxLength(40)) });

export interface EnrollAnswer {
  kioskId: string;
  name: string;
  token: string;
}

/** A typed error body: something a person (or the staff menu) can act on. */
export interface ErrorAnswer {
  error: string;
}

/**
 * Why a response cannot be stored, or null when it can: it must be a response in the agreed
 * shape, answer a form version the server knows, and fit that version's questions.
 */
export function responseProblem(
  raw: unknown,
  findForm: (formId: string, version: number) => FormDefinition | undefined,
): { response: FeedbackResponse; problem: null } | { response: null; problem: string } {
  const parsed = feedbackResponse.safeParse(raw);
  if (!parsed.success) return { response: null, problem: z.prettifyError(parsed.error).replace(/\n+/g, '; ') };
  const response = parsed.data;
  const form = findForm(response.formId, response.formVersion);
  if (!form) return { response: null, problem: `form ${response.formId} version ${response.formVersion} is not known here` };
  if (!form.languages.includes(response.language)) {
    return { response: null, problem: `form ${form.id} version ${form.version} has no language "${response.language}"` };
  }
  const problems = answersProblems(form, response.answers);
  return problems.length > 0 ? { response: null, problem: problems.join('; ') } : { response, problem: null };
}
