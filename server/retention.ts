import { retentionCutoffs, type RetentionPeriods } from '../src/domain/retention';
import { removeAuditEntriesBefore } from './db/audit-log';
import { localDay } from '../src/domain/local-day';
import { runOncePerDay, type JobOutcome } from './db/daily-jobs';
import type { Database } from './db/database';
import { removeFreeTextsBefore } from './db/free-texts';

const HOUR_MS = 60 * 60_000;

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
 * Applies retention now and then once a day while the server runs: once per Helsinki date
 * however many server instances share the database (runOncePerDay), the first instance to look
 * after midnight doing it. A run that fails (a full disk, a read-only database) is logged and
 * tried again within the hour; it never stops the server. Returns a function that stops the runs,
 * and what became of the first run, once it has settled.
 */
export function scheduleRetention(
  db: Database,
  periods: RetentionPeriods,
  log: RetentionLog,
  clock: () => Date = () => new Date(),
): { stop: () => void; firstRun: Promise<JobOutcome | 'failed'> } {
  const run = async (): Promise<JobOutcome | 'failed'> => {
    try {
      const now = clock();
      const outcome = await runOncePerDay(db, 'retention', localDay(now).date, async () => {
        await applyRetention(db, periods, now);
      });
      // Without counts: how many texts went is how many people wrote on one day two years ago,
      // a figure too small to show anywhere.
      if (outcome === 'ran') log.info({ ...periods }, 'retention: old free texts and audit entries removed');
      return outcome;
    } catch (error) {
      log.error({ err: { name: (error as Error).name, message: (error as Error).message } }, 'retention failed; it is tried again within the hour');
      return 'failed';
    }
  };
  const firstRun = run();
  const timer = setInterval(() => void run(), HOUR_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), firstRun };
}
