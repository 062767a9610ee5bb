import * as z from 'zod/mini';
import { ROLES, unit } from './units';

/** What the coordinator's area sends and gets; the server validates with these. */
export const username = z.string().check(z.minLength(1), z.maxLength(64));

export const signInRequest = z.strictObject({
  username,
  password: z.string().check(z.minLength(1), z.maxLength(1024)),
});

export const passwordChangeRequest = z.strictObject({
  currentPassword: z.string().check(z.minLength(1), z.maxLength(1024)),
  newPassword: z.string().check(z.minLength(1), z.maxLength(1024)),
});

/** Who is signed in, in what role, and the units they may see (an area administrator: all). */
export const coordinatorSession = z.strictObject({ username: z.string(), role: z.enum(ROLES), units: z.array(unit) });
export type CoordinatorSession = z.output<typeof coordinatorSession>;

export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'password-changed',
  'coordinator-added',
  'coordinator-changed',
  'unit-added',
  'unit-renamed',
  'download',
  'redaction',
  'form-published',
  'draft-discarded',
  'preview-link-made',
  'preview-link-revoked',
  'kiosk-paired',
  'kiosk-revoked',
  'day-log-saved',
  'notice-saved',
  'notice-published',
  'notice-removed',
  'opening-hours-saved',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditEntry = z.strictObject({
  seq: z.int(),
  at: z.string(),
  actor: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  detail: z.string(),
  /** The units the action was about; none for a sign-in or an account change. */
  units: z.array(z.string()),
});
export const auditPage = z.strictObject({ entries: z.array(auditEntry) });
export type AuditEntry = z.output<typeof auditEntry>;

/**
 * The dashboard's free texts: from whole ISO weeks that have ended, with 5 or more responses
 * (over every language and version) and 5 or more in the text's language, with the weeks the list
 * covers. The count of texts per question shown beside them comes from this list and nothing else.
 */
export const freeTextList = z.strictObject({
  texts: z.array(z.strictObject({ id: z.string(), unit: z.string(), question: z.string(), text: z.string() })),
  /** The whole ISO weeks the range was widened to: how many, and how many have ended with 5 or more responses. */
  covers: z.strictObject({ from: z.string(), to: z.string(), weeks: z.number(), weeksShown: z.number() }),
});
export type FreeTextList = z.output<typeof freeTextList>;
