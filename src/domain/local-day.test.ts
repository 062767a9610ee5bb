import { describe, expect, it } from 'vitest';
import { localDay, SERVICE_TIME_ZONE, wallClock } from './local-day';

describe('localDay', () => {
  it('uses the Helsinki date even when UTC is still on the day before', () => {
    expect(localDay(new Date('2026-12-31T22:30:00Z'))).toEqual({ date: '2027-01-01', partOfDay: 'morning' });
  });

  it('splits the day at local noon', () => {
    // Helsinki is UTC+2 in winter.
    expect(localDay(new Date('2026-11-23T09:59:59Z')).partOfDay).toBe('morning');
    expect(localDay(new Date('2026-11-23T10:00:00Z')).partOfDay).toBe('afternoon');
  });

  it('follows summer time', () => {
    // Helsinki is UTC+3 in summer: 09:30 UTC is 12:30 local.
    expect(localDay(new Date('2026-07-01T09:30:00Z'))).toEqual({ date: '2026-07-01', partOfDay: 'afternoon' });
  });

  it('counts the evening as afternoon, the coarsest part there is', () => {
    expect(localDay(new Date('2026-11-23T19:00:00Z'))).toEqual({ date: '2026-11-23', partOfDay: 'afternoon' });
  });
});

describe('wallClock', () => {
  // The time-zone database's answer, for comparison.
  const database = new Intl.DateTimeFormat('en-GB', {
    timeZone: SERVICE_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const fromDatabase = (at: Date) => {
    const parts = Object.fromEntries(database.formatToParts(at).map((p) => [p.type, p.value]));
    return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour), minute: Number(parts.minute) };
  };
  /** Pushes the instant to `mismatches` where the two clocks differ. */
  const compare = (at: number, mismatches: string[]) => {
    const instant = new Date(at);
    if (JSON.stringify(wallClock(instant)) !== JSON.stringify(fromDatabase(instant))) mismatches.push(instant.toISOString());
  };
  const HOUR = 60 * 60 * 1000;

  it('agrees with the time-zone database from 1996 to 2040, every 5 hours 17 minutes (so at every hour and many minutes)', () => {
    const mismatches: string[] = [];
    for (let at = Date.UTC(1996, 0, 1, 0, 30); at < Date.UTC(2041, 0, 1); at += 5 * HOUR + 17 * 60_000) compare(at, mismatches);
    expect(mismatches).toEqual([]);
  });

  it('agrees with it minute by minute on every night the clocks change, 1996 to 2040', () => {
    const mismatches: string[] = [];
    for (let year = 1996; year <= 2040; year++) {
      for (const month of [2, 9]) {
        // The last Sunday of the month, and the two hours either side of 01:00 UTC.
        const lastDay = new Date(Date.UTC(year, month + 1, 0));
        const sunday = Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay());
        for (let at = sunday - HOUR; at <= sunday + 3 * HOUR; at += 60_000) compare(at, mismatches);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses an invalid date, as the time-zone database does', () => {
    expect(() => wallClock(new Date('not a date'))).toThrow(RangeError);
    expect(() => fromDatabase(new Date('not a date'))).toThrow(RangeError);
  });
});
