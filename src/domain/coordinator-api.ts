import * as z from 'zod/mini';

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

export const coordinatorSession = z.strictObject({ username: z.string() });
export type CoordinatorSession = z.output<typeof coordinatorSession>;

export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'password-changed',
  'coordinator-added',
  'download',
  'redaction',
  'form-published',
  'draft-discarded',
  'preview-link-made',
  'preview-link-revoked',
  'kiosk-paired',
  'kiosk-revoked',
  'day-log-saved',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditEntry = z.strictObject({
  seq: z.int(),
  at: z.string(),
  actor: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  detail: z.string(),
});
export const auditPage = z.strictObject({ entries: z.array(auditEntry) });
export type AuditEntry = z.output<typeof auditEntry>;
