import { retentionCutoffs, type RetentionPeriods } from '../src/domain/retention';
import { removeAuditEntriesBefore } from './db/audit-log';
import type { Database } from './db/database';
import { removeFreeTextsBefore } from './db/free-texts';

const DAY_MS = 24 * 60 * 60_000;

export interface RetentionResult {
  /** Responses whose free texts were removed. */
  freeTexts: number;
  auditEntries: number;
}

/** Removes what the retention periods say is old enough, as of `now`. */
export async function applyRetention(db: Database, periods: RetentionPeriods, now: Date): Promise<RetentionResult> {
  const { freeTextsBefore, auditBefore } = retentionCutoffs(now, periods);
  return {
    freeTexts: freeTextsBefore ? await removeFreeTextsBefore(db, freeTextsBefore) : 0,
    auditEntries: auditBefore ? await removeAuditEntriesBefore(db, auditBefore) : 0,
  };
}

interface RetentionLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/**
 * Applies retention now and then once a day while the server runs. A run that fails (a full
 * disk, a read-only database) is logged and tried again the next day; it never stops the server.
 * Returns a function that stops the daily runs.
 */
export function scheduleRetention(db: Database, periods: RetentionPeriods, log: RetentionLog, clock: () => Date = () => new Date()): () => void {
  const run = async () => {
    try {
      await applyRetention(db, periods, clock());
      // Without counts: how many texts went is how many people wrote on one day two years ago,
      // a figure too small to show anywhere.
      log.info({ ...periods }, 'retention: old free texts and audit entries removed');
    } catch (error) {
      log.error({ err: { name: (error as Error).name, message: (error as Error).message } }, 'retention failed; it runs again tomorrow');
    }
  };
  void run();
  const timer = setInterval(() => void run(), DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
