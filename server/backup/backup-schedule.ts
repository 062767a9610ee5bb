import type { FastifyBaseLogger } from 'fastify';
import { localDay, wallClock } from '../../src/domain/local-day';
import { addDays } from '../../src/domain/periods';
import { runOncePerDay } from '../db/daily-jobs';
import type { Database } from '../db/database';
import { pruneBackups } from './backup-folder';
import type { Rotation } from './backup-rotation';
import { makeBackup, SERVER_PAGES_PER_STEP, type BackupSettings } from './make-backup';

const HOUR_MS = 60 * 60 * 1000;

const helsinkiHour = (at: Date) => wallClock(at).hour;

/**
 * The first moment on a Helsinki date when the clock there shows `hour` or later: the start of
 * that hour, or the end of the gap on the spring night that skips it, and the first of the two
 * on the autumn night that repeats it. Helsinki's offsets are whole hours, so whole UTC hours
 * are the starts of its hours.
 */
function startOfHourOn(date: string, hour: number): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  // Helsinki is 2 or 3 hours ahead of UTC: its date starts on the UTC day before, at 21 or 22.
  for (let at = Date.UTC(year, month - 1, day) - 3 * HOUR_MS; ; at += HOUR_MS) {
    const moment = new Date(at);
    if (localDay(moment).date === date && helsinkiHour(moment) >= hour) return moment;
  }
}

/** When the next nightly backup is due: the next time Helsinki's clock reaches `hour`, once a date. */
export function nextBackupTime(now: Date, hour: number): Date {
  const today = localDay(now).date;
  const todays = startOfHourOn(today, hour);
  return todays > now ? todays : startOfHourOn(addDays(today, 1), hour);
}

export interface BackupSchedule extends BackupSettings {
  rotation: Rotation;
  /** The Helsinki hour (0–23) at which the nightly backup starts. */
  hour: number;
}

type BackupLog = Pick<FastifyBaseLogger, 'info' | 'error'>;

/**
 * Backs up the server's database every night at the configured Helsinki hour, then deletes the
 * backups the rotation does not keep; once a night however many instances share the database. A backup that fails is logged, leaves no file, and the next
 * night's is tried as usual. Returns a stop function that cancels the timer and waits for a
 * backup under way, so the database can then be closed.
 */
export function scheduleBackups(db: Database, schedule: BackupSchedule, log: BackupLog, clock: () => Date = () => new Date()): () => Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  // The last time planned: a timer that fires a moment early must not plan the same night again.
  let due = new Date(0);

  const runBackup = async () => {
    // One moment for the whole run: the night it claims, the backup's name and the rotation
    // agree even when claiming the night takes a while.
    const at = clock();
    try {
      // One backup a night however many instances share the database: the first makes it.
      await runOncePerDay(db, 'backup', localDay(at).date, async () => {
        const made = await makeBackup(db, schedule, at, SERVER_PAGES_PER_STEP);
        log.info({ backup: made.file, bytes: made.bytes, encrypted: made.encrypted }, 'nightly backup written and checked');
        const removed = pruneBackups(schedule.backupDir, schedule.rotation, at);
        if (removed.length > 0) log.info({ removed }, 'old backups removed');
      });
    } catch (error) {
      log.error({ err: error }, `nightly backup failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const planNext = () => {
    if (stopped) return;
    const now = clock();
    due = nextBackupTime(now > due ? now : due, schedule.hour);
    timer = setTimeout(() => {
      running = runBackup().then(planNext);
    }, due.getTime() - now.getTime());
    // The schedule alone does not keep the process running.
    timer.unref();
  };
  planNext();

  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
