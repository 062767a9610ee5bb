import { localDay } from '../../src/domain/local-day';
import { isoWeek } from '../../src/domain/periods';

/** How many backups to keep: the newest of each of this many days, then of this many weeks. */
export interface Rotation {
  daily: number;
  weekly: number;
}

export const DEFAULT_ROTATION: Rotation = { daily: 7, weekly: 5 };

/**
 * Which backups to keep, newest first: the newest backup of each of the `daily` latest days
 * (Helsinki dates) that have one, then the newest of each of the `weekly` latest ISO weeks that
 * have one and hold none of those daily ones. So 7 and 5 keep twelve backups of a nightly
 * schedule, reaching back about six weeks. The rest may be deleted.
 */
export function backupsToKeep<T extends { at: Date }>(backups: readonly T[], rotation: Rotation): T[] {
  const newestFirst = [...backups].sort((a, b) => b.at.getTime() - a.at.getTime());
  const kept = new Set<T>();
  const pick = (count: number, periodOf: (backup: T) => string) => {
    const covered = new Set([...kept].map(periodOf));
    let picked = 0;
    for (const backup of newestFirst) {
      if (picked >= count) break;
      const period = periodOf(backup);
      if (covered.has(period)) continue;
      covered.add(period);
      kept.add(backup);
      picked += 1;
    }
  };
  pick(rotation.daily, (backup) => localDay(backup.at).date);
  pick(rotation.weekly, (backup) => isoWeek(localDay(backup.at).date));
  return newestFirst.filter((backup) => kept.has(backup));
}
