import * as z from 'zod/mini';

/** A kiosk as coordinators see it: what it said at its last sync. */
export const kioskSummary = z.strictObject({
  id: z.string(),
  name: z.string(),
  enrolledAt: z.string(),
  revokedAt: z.nullable(z.string()),
  lastSyncAt: z.nullable(z.string()),
  waitingAtSync: z.nullable(z.int()),
  appVersion: z.nullable(z.string()),
});
export type KioskSummary = z.output<typeof kioskSummary>;

export const pairingRequest = z.strictObject({ name: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)) });
export const pairingAnswer = z.strictObject({ code: z.string(), name: z.string(), expiresAt: z.string() });

/** A kiosk that has not synced for a day has gone quiet: unplugged, offline, or out of battery. */
export const QUIET_AFTER_MS = 24 * 60 * 60 * 1000;

export function isQuiet(kiosk: Pick<KioskSummary, 'lastSyncAt' | 'revokedAt'>, now: Date): boolean {
  return kiosk.revokedAt === null && (kiosk.lastSyncAt === null || now.getTime() - Date.parse(kiosk.lastSyncAt) > QUIET_AFTER_MS);
}
