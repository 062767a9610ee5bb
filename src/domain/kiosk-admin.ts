import * as z from 'zod/mini';
import { identifier } from './form-schema';
import { addDays } from './periods';

/** The kiosk list shows made and received for this many dates, up to today. */
export const RECENT_DAYS = 7;

/**
 * A date's responses from one kiosk: made on the tablet (its own running total), received by the
 * server, and missing, the difference. Responses still waiting on the tablet count as missing
 * until they arrive.
 */
export const kioskDay = z.strictObject({
  date: z.string(),
  made: z.int(),
  received: z.int(),
  missing: z.int(),
});
export type KioskDay = z.output<typeof kioskDay>;

/** A kiosk as coordinators see it: what it said at its last sync, and its recent days. */
export const kioskSummary = z.strictObject({
  id: z.string(),
  name: z.string(),
  enrolledAt: z.string(),
  revokedAt: z.nullable(z.string()),
  lastSyncAt: z.nullable(z.string()),
  waitingAtSync: z.nullable(z.int()),
  appVersion: z.nullable(z.string()),
  /** The unit the kiosk belongs to. */
  unitId: z.string(),
  /** The last RECENT_DAYS dates up to today, newest first; none before the counts can be compared. */
  days: z.array(kioskDay),
});
export type KioskSummary = z.output<typeof kioskSummary>;

/** A pairing code is for a kiosk of one unit: the unit may be left out by a user who has only one. */
export const pairingRequest = z.strictObject({ name: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)), unit: z.optional(identifier) });
export const pairingAnswer = z.strictObject({ code: z.string(), name: z.string(), unit: z.string(), expiresAt: z.string() });

/** A kiosk that has not synced for a day has gone quiet: unplugged, offline, or out of battery. */
export const QUIET_AFTER_MS = 24 * 60 * 60 * 1000;

/** Quiet: no sync for a day, counted from its enrollment if it never synced (it syncs at once when enrolled). */
export function isQuiet(kiosk: Pick<KioskSummary, 'lastSyncAt' | 'revokedAt' | 'enrolledAt'>, now: Date): boolean {
  return kiosk.revokedAt === null && now.getTime() - Date.parse(kiosk.lastSyncAt ?? kiosk.enrolledAt) > QUIET_AFTER_MS;
}

/**
 * A kiosk's made and received for the RECENT_DAYS dates up to `today`, newest first, a date with
 * nothing as zeros. Dates before `comparableFrom` are left out: the server received some of their
 * responses before it counted them. Missing never goes below zero (a tablet whose storage was
 * cleared starts its totals again).
 */
export function recentDays(
  counts: { date: string; made: number; received: number }[],
  today: string,
  comparableFrom: string | null,
): KioskDay[] {
  const byDate = new Map(counts.map((count) => [count.date, count]));
  return Array.from({ length: RECENT_DAYS }, (_, i) => addDays(today, -i))
    .filter((date) => comparableFrom === null || date >= comparableFrom)
    .map((date) => {
      const { made = 0, received = 0 } = byDate.get(date) ?? {};
      return { date, made, received, missing: Math.max(0, made - received) };
    });
}
