import { wallClock } from './local-day';
import type { OpeningHours, OpeningPeriod } from './opening-hours';
// Calendar arithmetic on dates, not instants: a day is a day even when the clocks change.
import { addDays } from './periods';

/**
 * Reading opening hours that have already been validated, without the validator (zod): the
 * kiosk decides before anything else has loaded whether it is open.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** How far ahead the next opening is looked for: a whole year, leap day included. */
export const LOOK_AHEAD_DAYS = 366;

export interface WallClock {
  /** YYYY-MM-DD */
  date: string;
  weekday: Weekday;
  /** Minutes since local midnight, 0–1439. */
  minutes: number;
}

/**
 * The wall clock in the centre's zone at an instant, whatever zone the tablet is set to. Only
 * for deciding whether the kiosk is open: a response never carries a time this precise.
 */
export function helsinkiClock(at: Date): WallClock {
  const { date, hour, minute } = wallClock(at);
  return { date, weekday: weekdayOf(date), minutes: hour * 60 + minute };
}

const utcDate = (date: string) => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
};

/** The weekday of a calendar date (no time zone involved). */
export function weekdayOf(date: string): Weekday {
  // getUTCDay counts from Sunday.
  return WEEKDAYS[(utcDate(date).getUTCDay() + 6) % 7]!;
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The periods of a date: its exception's if it has one, else its weekday's. */
export function periodsOn(hours: OpeningHours, date: string): OpeningPeriod[] {
  const exception = hours.exceptions.find((e) => e.date === date);
  return exception ? exception.periods : hours.week[weekdayOf(date)];
}

function currentPeriod(hours: OpeningHours, clock: WallClock): OpeningPeriod | undefined {
  return periodsOn(hours, clock.date).find((p) => minutesOf(p.opens) <= clock.minutes && clock.minutes < minutesOf(p.closes));
}

/** Whether the centre is open at an instant; no hours set means always open. */
export function isOpen(hours: OpeningHours | null, at: Date): boolean {
  return hours === null || currentPeriod(hours, helsinkiClock(at)) !== undefined;
}

export interface NextOpening {
  /** YYYY-MM-DD, Helsinki date. */
  date: string;
  weekday: Weekday;
  /** HH:MM, Helsinki time. */
  opens: string;
}

/**
 * The next time the centre opens, for the "closed" screen: later today or on one of the next
 * LOOK_AHEAD_DAYS days. Null when it is open now, when no hours are set (always open), or when
 * it does not open within that time.
 */
export function nextOpening(hours: OpeningHours | null, at: Date): NextOpening | null {
  if (hours === null) return null;
  const clock = helsinkiClock(at);
  if (currentPeriod(hours, clock)) return null;
  const later = periodsOn(hours, clock.date).find((p) => minutesOf(p.opens) > clock.minutes);
  if (later) return { date: clock.date, weekday: clock.weekday, opens: later.opens };
  for (let days = 1; days <= LOOK_AHEAD_DAYS; days++) {
    const date = addDays(clock.date, days);
    const first = periodsOn(hours, date)[0];
    if (first) return { date, weekday: weekdayOf(date), opens: first.opens };
  }
  return null;
}
