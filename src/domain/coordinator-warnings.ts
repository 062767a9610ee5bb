import * as z from 'zod/mini';
import { isQuiet, type KioskSummary } from './kiosk-admin';
import { addDays } from './periods';

/** Backups run nightly: one older than this means at least two nights went without. */
export const BACKUP_WARNING_AFTER_MS = 2 * 24 * 60 * 60 * 1000;

/**
 * The disk is nearly full below this many times the free space the server needs to say it is
 * ready (MIN_FREE_DISK_BYTES): room to act before the tablets' responses stop being stored.
 */
export const DISK_WARNING_FACTOR = 2;

/**
 * Something the coordinator should ask about, each with what the text needs: about the server
 * and the kiosks only, never about a visitor.
 */
export const coordinatorWarning = z.discriminatedUnion('kind', [
  /** No backup for two days, or none at all (lastBackupAt null). */
  z.strictObject({ kind: z.literal('backup-old'), lastBackupAt: z.nullable(z.string()) }),
  z.strictObject({ kind: z.literal('disk-nearly-full'), freeBytes: z.number() }),
  /** A kiosk in use that has not synced for a day (lastSyncAt null: never since its enrollment). */
  z.strictObject({ kind: z.literal('kiosk-quiet'), kiosk: z.string(), lastSyncAt: z.nullable(z.string()) }),
  /** At least `missing` responses made on a kiosk before yesterday have not reached the server. */
  z.strictObject({ kind: z.literal('responses-missing'), kiosk: z.string(), missing: z.int() }),
]);
export type CoordinatorWarning = z.output<typeof coordinatorWarning>;

export interface WarningFacts {
  now: Date;
  /** Today's Helsinki date (YYYY-MM-DD). */
  today: string;
  /** When the last backup was made (null: none yet); undefined when this server makes none to look at. */
  lastBackupAt?: Date | null;
  /** Free space on the database's disk and the least the server needs; undefined when unknown. */
  disk?: { freeBytes: number; minFreeBytes: number };
  kiosks: KioskSummary[];
}

/**
 * What is wrong now that a coordinator should pass on: an old or missing backup, a nearly full
 * disk, a quiet kiosk, responses missing. For responses missing, only dates before yesterday
 * count (a kiosk sends on a schedule and may be offline for hours), only for a kiosk that is not
 * quiet (it has its own warning, and what it made may simply be waiting on it), and only beyond
 * what was still waiting on the tablet at its last sync: those may still arrive. So a number
 * here is a loss, or responses the tablet set aside, never a delay.
 */
export function coordinatorWarnings({ now, today, lastBackupAt, disk, kiosks }: WarningFacts): CoordinatorWarning[] {
  const warnings: CoordinatorWarning[] = [];
  if (lastBackupAt !== undefined && (lastBackupAt === null || now.getTime() - lastBackupAt.getTime() > BACKUP_WARNING_AFTER_MS)) {
    warnings.push({ kind: 'backup-old', lastBackupAt: lastBackupAt?.toISOString() ?? null });
  }
  if (disk && disk.freeBytes < DISK_WARNING_FACTOR * disk.minFreeBytes) warnings.push({ kind: 'disk-nearly-full', freeBytes: disk.freeBytes });
  const beforeYesterday = addDays(today, -2);
  const quiet: CoordinatorWarning[] = [];
  const missing: CoordinatorWarning[] = [];
  for (const kiosk of kiosks.filter((kiosk) => kiosk.revokedAt === null)) {
    if (isQuiet(kiosk, now)) {
      quiet.push({ kind: 'kiosk-quiet', kiosk: kiosk.name, lastSyncAt: kiosk.lastSyncAt });
      continue;
    }
    const missingBefore = kiosk.days.filter((day) => day.date <= beforeYesterday).reduce((sum, day) => sum + day.missing, 0);
    const lost = missingBefore - (kiosk.waitingAtSync ?? 0);
    if (lost > 0) missing.push({ kind: 'responses-missing', kiosk: kiosk.name, missing: lost });
  }
  return [...warnings, ...quiet, ...missing];
}
