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
export function applyRetention(db: Database, periods: RetentionPeriods, now: Date): RetentionResult {
  const { freeTextsBefore, auditBefore } = retentionCutoffs(now, periods);
  return {
    freeTexts: freeTextsBefore ? removeFreeTextsBefore(db, freeTextsBefore) : 0,
    auditEntries: auditBefore ? removeAuditEntriesBefore(db, auditBefore) : 0,
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
  const run = () => {
    try {
      const removed = applyRetention(db, periods, clock());
      if (removed.freeTexts + removed.auditEntries > 0) log.info({ ...removed, ...periods }, 'retention: removed old free texts and audit entries');
    } catch (error) {
      log.error({ err: { name: (error as Error).name, message: (error as Error).message } }, 'retention failed; it runs again tomorrow');
    }
  };
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
