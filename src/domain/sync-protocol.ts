import * as z from 'zod/mini';
import { answersProblems } from './answers';
import type { FormDefinition } from './form-schema';
import { feedbackResponse, type FeedbackResponse } from './response';

/** At most this many responses in one request; a kiosk sends batches of 100. */
export const MAX_RESPONSES_PER_REQUEST = 500;

/**
 * A response in a sync request as received: checked one by one with responseProblem, so that
 * one bad response is named rather than failing the whole request's shape. The API
 * description shows it as a FeedbackResponse.
 */
export const responseToCheck = z.unknown();

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
  responses: z.array(responseToCheck).check(z.maxLength(MAX_RESPONSES_PER_REQUEST)),
});
export type SyncRequest = z.output<typeof syncRequest>;

export const syncStatus = z.enum(['accepted', 'duplicate']);
export type SyncStatus = z.output<typeof syncStatus>;

/** 200: every response was valid; each is now stored (accepted) or was already (duplicate). */
export const syncAnswer = z.strictObject({
  results: z.array(z.strictObject({ id: z.string(), status: syncStatus })),
});
export type SyncAnswer = z.output<typeof syncAnswer>;

/** 422: nothing was stored; these responses are invalid and the kiosk sets them aside. */
export const syncRejection = z.strictObject({
  error: z.string(),
  rejected: z.array(
    z.strictObject({
      /** The response's place in the request, for one that has no readable id. */
      index: z.int(),
      id: z.nullable(z.string()),
      reason: z.string(),
    }),
  ),
});
export type SyncRejection = z.output<typeof syncRejection>;

export const enrollRequest = z.strictObject({ pairingCode: z.string().check(z.minLength(1), z.maxLength(40)) });

/** 201: the device token, shown to this kiosk only; the server keeps only its hash. */
export const enrollAnswer = z.strictObject({ kioskId: z.string(), name: z.string(), token: z.string() });
export type EnrollAnswer = z.output<typeof enrollAnswer>;

/** A typed error body: something a person (or the staff menu) can act on. */
export const errorAnswer = z.strictObject({ error: z.string() });
export type ErrorAnswer = z.output<typeof errorAnswer>;

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
