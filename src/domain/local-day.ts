/** The centre's own clock: dates are Helsinki dates whatever zone the tablet is set to. */
export const SERVICE_TIME_ZONE = 'Europe/Helsinki';

/** The coarsest time a response may carry: nothing finer is ever stored. */
export const PARTS_OF_DAY = ['morning', 'afternoon'] as const;
export type PartOfDay = (typeof PARTS_OF_DAY)[number];

export interface LocalDay {
  /** YYYY-MM-DD */
  date: string;
  partOfDay: PartOfDay;
}

const HOUR_MS = 60 * 60 * 1000;

/** A UTC month's last Sunday, at 00:00 UTC (`month` from 0). */
function lastSunday(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay());
}

/**
 * Helsinki's offset from UTC at an instant: 3 hours in summer time, else 2. Summer time is the
 * EU's (Directive 2000/84/EC): from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
 * last Sunday of October. Worked out here rather than with `Intl.DateTimeFormat`, whose first
 * use costs a kiosk 30 to 90 ms before its start screen can answer a tap; a test compares it
 * with the time-zone database over decades and on every night the clocks change, so a change
 * in the rule is caught there.
 */
function helsinkiOffsetMs(at: number): number {
  const year = new Date(at).getUTCFullYear();
  const summer = at >= lastSunday(year, 2) + HOUR_MS && at < lastSunday(year, 9) + HOUR_MS;
  return (summer ? 3 : 2) * HOUR_MS;
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * The wall clock in Helsinki at an instant, whatever zone the device is set to: its date, hour
 * and minute. For deciding things on the centre's clock (the day, whether it is open); a
 * response never carries a time this precise.
 */
export function wallClock(at: Date): { date: string; hour: number; minute: number } {
  const instant = at.getTime();
  if (Number.isNaN(instant)) throw new RangeError('Invalid time value');
  const local = new Date(instant + helsinkiOffsetMs(instant));
  const date = `${String(local.getUTCFullYear()).padStart(4, '0')}-${twoDigits(local.getUTCMonth() + 1)}-${twoDigits(local.getUTCDate())}`;
  return { date, hour: local.getUTCHours(), minute: local.getUTCMinutes() };
}

/**
 * The local date and a coarse part of day: the most a response may say about when it was
 * given (anonymity rule: no precise time).
 */
export function localDay(at: Date): LocalDay {
  const { date, hour } = wallClock(at);
  return { date, partOfDay: hour < 12 ? 'morning' : 'afternoon' };
}
