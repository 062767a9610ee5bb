import * as z from 'zod/mini';
import { answersProblems } from './answers';
import type { FormDefinition } from './form-schema';
import { addDays } from './periods';
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
 * A kiosk reports its running totals for the dates of the last this many days; the server keeps
 * the largest total it has seen for each date, so older dates need no more reports.
 */
export const REPORTED_DAYS = 60;

/** The totals of the dates a kiosk reports on `today` (YYYY-MM-DD): the last REPORTED_DAYS days. */
export function recentTotals(totals: Record<string, number>, today: string): Record<string, number> {
  const from = addDays(today, -(REPORTED_DAYS - 1));
  return Object.fromEntries(Object.entries(totals).filter(([date]) => date >= from));
}

const runningTotals = (what: string) =>
  z
    .record(z.iso.date(), z.int().check(z.gte(0), z.lte(100_000)))
    .check(z.refine((days) => Object.keys(days).length <= 400, `at most 400 dates of ${what} counts`));

/**
 * What a kiosk sends: its state (so coordinators can see a kiosk that went quiet), its running
 * totals per date of abandoned forms and of responses made (so a loss anywhere shows up as
 * made minus received), and responses. The responses are checked one by one so that the answer
 * can say which one is wrong and why.
 */
export const syncRequest = z.strictObject({
  appVersion: z.string().check(z.minLength(1), z.maxLength(40)),
  waiting: z.int().check(z.gte(0), z.lte(10_000_000)),
  abandoned: runningTotals('abandoned'),
  // Optional: kiosks from before it send none.
  made: z.optional(runningTotals('made')),
  responses: z.array(responseToCheck).check(z.maxLength(MAX_RESPONSES_PER_REQUEST)),
});
export type SyncRequest = z.output<typeof syncRequest>;

export const syncStatus = z.enum(['accepted', 'duplicate']);
export type SyncStatus = z.output<typeof syncStatus>;

/**
 * The server database's random identity, on every sync answer. It changes when the server is
 * restored from a backup: what the server acknowledged since then may be gone, so a kiosk that
 * sees a new identity sends its kept copies again (each id is stored once). Optional, so an
 * answer from a server before it still parses.
 */
export const databaseIdField = z.optional(z.string().check(z.minLength(1), z.maxLength(64)));

export const DEFAULT_KEEP_SENT_DAYS = 14;
/** The privacy notice promises a kept copy lives at most this long. */
export const MAX_KEEP_SENT_DAYS = 14;

/**
 * The last date a kiosk keeps the copy of an acknowledged response dated `date`: `keepDays`
 * days counted from the answer's own day, that day included; deleted from the next day on. Never
 * from the moment it was sent, which would tell when someone answered more closely than its date.
 */
export function keptThrough(date: string, keepDays: number): string {
  return addDays(date, keepDays - 1);
}

/** 200: every response was valid; each is now stored (accepted) or was already (duplicate). */
export const syncAnswer = z.strictObject({
  results: z.array(z.strictObject({ id: z.string(), status: syncStatus })),
  databaseId: databaseIdField,
  /**
   * How many days the kiosk keeps a copy of what was acknowledged (0: none), to send again after
   * a restore; a server from before it says nothing, and the kiosk keeps DEFAULT_KEEP_SENT_DAYS.
   */
  keepSentDays: z.optional(z.int().check(z.gte(0), z.lte(MAX_KEEP_SENT_DAYS))),
});
export type SyncAnswer = z.output<typeof syncAnswer>;

/**
 * Why the server cannot store a response, which says what the kiosk does with it:
 *  - `invalid`: it can never be stored as it is (its shape, or answers that do not fit its form
 *    version): the kiosk sets it aside with the reason;
 *  - `clock`: it is dated more than a day after the server's date, so the kiosk's clock was
 *    wrong when it was given: set aside too, and the staff menu says to check the clock;
 *  - `unknown-version`: the server does not know its form version (a server restored from an
 *    older backup, say): a fault on the server's side that can be put right, so the kiosk keeps
 *    it and sends it again later, and sends the rest of its outbox meanwhile.
 */
export const REJECTION_KINDS = ['invalid', 'clock', 'unknown-version'] as const;
export type RejectionKind = (typeof REJECTION_KINDS)[number];
/** The kinds a kiosk sets aside (the rest it keeps and sends again). */
export type SetAsideKind = Exclude<RejectionKind, 'unknown-version'>;

/** 422: nothing was stored; these responses cannot be stored, each with why. */
export const syncRejection = z.strictObject({
  error: z.string(),
  databaseId: databaseIdField,
  rejected: z.array(
    z.strictObject({
      /** The response's place in the request, for one that has no readable id. */
      index: z.int(),
      id: z.nullable(z.string()),
      reason: z.string(),
      kind: z.enum(REJECTION_KINDS),
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

/** A response may be dated at most this many days after the server's own (Helsinki) date. */
export const MAX_DAYS_AHEAD = 1;

/** The latest date the server accepts on a response when its own date is `today` (YYYY-MM-DD). */
export function latestAcceptedDate(today: string): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + MAX_DAYS_AHEAD)).toISOString().slice(0, 10);
}

export type ResponseCheck = { response: FeedbackResponse; problem: null } | { response: null; problem: string; kind: RejectionKind };

/**
 * The check of one request's responses: for each, why it cannot be stored, or null when it can.
 * It must be a response in the agreed shape, dated no later than the day after `today` (the
 * server's Helsinki date), answer a form version the server knows, and fit that version's
 * questions. Made once per request, so the latest date is worked out once, not per response.
 */
export function responseChecker(findForm: (formId: string, version: number) => FormDefinition | undefined, today: string): (raw: unknown) => ResponseCheck {
  const latest = latestAcceptedDate(today);
  return (raw) => {
    const parsed = feedbackResponse.safeParse(raw);
    if (!parsed.success) return { response: null, problem: z.prettifyError(parsed.error).replace(/\n+/g, '; '), kind: 'invalid' };
    const response = parsed.data;
    if (response.date > latest) {
      return {
        response: null,
        problem: `dated ${response.date}, but the server's date is ${today}: the kiosk's clock was wrong when it was given`,
        kind: 'clock',
      };
    }
    const form = findForm(response.formId, response.formVersion);
    if (!form) return { response: null, problem: `form ${response.formId} version ${response.formVersion} is not known here`, kind: 'unknown-version' };
    if (!form.languages.includes(response.language)) {
      return { response: null, problem: `form ${form.id} version ${form.version} has no language "${response.language}"`, kind: 'invalid' };
    }
    const problems = answersProblems(form, response.answers);
    return problems.length > 0 ? { response: null, problem: problems.join('; '), kind: 'invalid' } : { response, problem: null };
  };
}
