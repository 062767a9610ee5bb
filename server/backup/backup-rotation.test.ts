import { describe, expect, it } from 'vitest';
import { backupsToKeep } from './backup-rotation';

/** Nightly backups at 03:00 Helsinki (01:00 UTC in winter), the newest first, for `nights` nights up to `last`. */
function nightly(last: string, nights: number): { at: Date }[] {
  const end = new Date(`${last}T01:00:00Z`).getTime();
  return Array.from({ length: nights }, (_, i) => ({ at: new Date(end - i * 86_400_000) }));
}
const dates = (backups: { at: Date }[]) => backups.map((b) => b.at.toISOString().slice(0, 10));

describe('backupsToKeep', () => {
  it('keeps the newest 7 nights and then the newest night of each of 5 earlier weeks', () => {
    // Wednesday 2 December 2026 back to Monday 7 September.
    const kept = backupsToKeep(nightly('2026-12-02', 87), { daily: 7, weekly: 5 });
    expect(dates(kept)).toEqual([
      '2026-12-02', '2026-12-01', '2026-11-30', '2026-11-29', '2026-11-28', '2026-11-27', '2026-11-26',
      // The week of 23 November holds kept dailies; the weekly ones are the Sundays of the five before.
      '2026-11-22', '2026-11-15', '2026-11-08', '2026-11-01', '2026-10-25',
    ]);
  });

  it('keeps everything while there are fewer backups than that', () => {
    expect(backupsToKeep(nightly('2026-12-02', 3), { daily: 7, weekly: 5 })).toHaveLength(3);
    expect(backupsToKeep([], { daily: 7, weekly: 5 })).toEqual([]);
  });

  it('keeps the newest of several backups on one Helsinki date, and counts dates in Helsinki, not UTC', () => {
    const nightly = { at: new Date('2026-12-02T01:00:00Z') };
    const byHand = { at: new Date('2026-12-02T14:30:00Z') };
    // 23:30 UTC on 1 December is 01:30 on 2 December in Helsinki: the same date as the others.
    const afterMidnight = { at: new Date('2026-12-01T23:30:00Z') };
    const dayBefore = { at: new Date('2026-12-01T01:00:00Z') };
    expect(backupsToKeep([nightly, dayBefore, afterMidnight, byHand], { daily: 2, weekly: 0 })).toEqual([byHand, dayBefore]);
  });

  it('keeps a week whose days are missing from its newest backup, and skips weeks without one', () => {
    const backups = [
      { at: new Date('2026-12-02T01:00:00Z') },
      // Nothing for three weeks: the server was off.
      { at: new Date('2026-11-10T01:00:00Z') },
      { at: new Date('2026-11-09T01:00:00Z') },
      { at: new Date('2026-10-20T01:00:00Z') },
    ];
    expect(dates(backupsToKeep(backups, { daily: 1, weekly: 2 }))).toEqual(['2026-12-02', '2026-11-10', '2026-10-20']);
  });

  it('does not change its answer with the order it is given', () => {
    const backups = nightly('2026-12-02', 40);
    const shuffled = [...backups].sort(() => Math.random() - 0.5);
    expect(backupsToKeep(shuffled, { daily: 7, weekly: 5 })).toEqual(backupsToKeep(backups, { daily: 7, weekly: 5 }));
  });
});
