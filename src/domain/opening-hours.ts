import * as z from 'zod/mini';
import type { $RefinementCtx } from 'zod/v4/core';
import { SERVICE_TIME_ZONE } from './local-day';
import './schema-messages';

/**
 * When the day centre is open, set for a unit or for one kiosk (a kiosk's own hours replace its
 * unit's entirely). Times are Helsinki wall-clock times; outside them the kiosk shows its
 * "closed" screen with the next opening. No hours at all (null) means always open.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const MAX_PERIODS_PER_DAY = 4;
export const MAX_EXCEPTIONS = 200;
export const MAX_NOTE_LENGTH = 80;
/** How far ahead the next opening is looked for: a whole year, leap day included. */
export const LOOK_AHEAD_DAYS = 366;

const OPENING_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** "24:00" closes at midnight, so a period can run to the end of the day. */
const CLOSING_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/**
 * The checks across a period's fields judge only well-formed times, so that one mistyped time
 * is reported once, not again as a period out of order.
 */
function isWellFormed(period: { opens: unknown; closes: unknown }): period is OpeningPeriod {
  const { opens, closes } = period;
  return typeof opens === 'string' && typeof closes === 'string' && OPENING_TIME.test(opens) && CLOSING_TIME.test(closes);
}

// Zero-padded HH:MM compares correctly as text, "24:00" included.
const isSound = (period: OpeningPeriod) => isWellFormed(period) && period.opens < period.closes;

/** One stretch of a day when the centre is open: from `opens` up to, not including, `closes`. */
export const openingPeriod = z
  .strictObject({
    opens: z.string().check(z.regex(OPENING_TIME, 'must be a time from 00:00 to 23:59, as HH:MM')),
    closes: z.string().check(z.regex(CLOSING_TIME, 'must be a time up to 24:00 (midnight), as HH:MM')),
  })
  .check(
    z.refine(
      (period) => !isWellFormed(period) || period.opens < period.closes,
      'must close after it opens (closing at midnight is "24:00")',
    ),
  );
export type OpeningPeriod = z.output<typeof openingPeriod>;

function checkDay(periods: OpeningPeriod[], ctx: $RefinementCtx<OpeningPeriod[]>) {
  for (let i = 1; i < periods.length; i++) {
    const before = periods[i - 1]!;
    const period = periods[i]!;
    if (isSound(before) && isSound(period) && period.opens < before.closes) {
      ctx.addIssue({
        code: 'custom',
        message: `${period.opens}–${period.closes} must start after ${before.opens}–${before.closes} closes: list a day's periods in order, without overlaps`,
        path: [i],
        input: periods,
      });
    }
  }
}

/** A day's periods in order; none means closed all day. */
const dayPeriods = z
  .array(openingPeriod)
  .check(z.maxLength(MAX_PERIODS_PER_DAY, `at most ${MAX_PERIODS_PER_DAY} opening periods a day`), z.superRefine(checkDay));

/** A date whose hours differ from its weekday's: a public holiday, a staff training day. */
export const openingException = z.strictObject({
  date: z.iso.date('must be a real date, as YYYY-MM-DD'),
  periods: dayPeriods,
  /** Why, for the coordinator: "Itsenäisyyspäivä". */
  note: z.optional(z.string().check(z.trim(), z.maxLength(MAX_NOTE_LENGTH, `a note may be at most ${MAX_NOTE_LENGTH} characters`))),
});
export type OpeningException = z.output<typeof openingException>;

type Exceptions = OpeningException[];

function checkExceptions(exceptions: Exceptions, ctx: $RefinementCtx<Exceptions>) {
  const seen = new Set<string>();
  exceptions.forEach((exception, i) => {
    if (seen.has(exception.date)) {
      ctx.addIssue({ code: 'custom', message: `${exception.date} has two exceptions: keep one`, path: [i, 'date'], input: exceptions });
    }
    seen.add(exception.date);
  });
}

export const openingHours = z.strictObject({
  week: z.strictObject({
    mon: dayPeriods,
    tue: dayPeriods,
    wed: dayPeriods,
    thu: dayPeriods,
    fri: dayPeriods,
    sat: dayPeriods,
    sun: dayPeriods,
  }),
  exceptions: z
    .array(openingException)
    .check(z.maxLength(MAX_EXCEPTIONS, `at most ${MAX_EXCEPTIONS} exceptions: remove dates that have passed`), z.superRefine(checkExceptions)),
});
export type OpeningHours = z.output<typeof openingHours>;

/** What an editor starts from: weekdays 09:00–15:00, closed at the weekend. */
export const DEFAULT_WEEK: OpeningHours['week'] = {
  mon: [{ opens: '09:00', closes: '15:00' }],
  tue: [{ opens: '09:00', closes: '15:00' }],
  wed: [{ opens: '09:00', closes: '15:00' }],
  thu: [{ opens: '09:00', closes: '15:00' }],
  fri: [{ opens: '09:00', closes: '15:00' }],
  sat: [],
  sun: [],
};

export interface WallClock {
  /** YYYY-MM-DD */
  date: string;
  weekday: Weekday;
  /** Minutes since local midnight, 0–1439. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The wall clock in the centre's zone at an instant, whatever zone the tablet is set to. Only
 * for deciding whether the kiosk is open: a response never carries a time this precise.
 */
export function helsinkiClock(at: Date, timeZone: string = SERVICE_TIME_ZONE): WallClock {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return { date, weekday: weekdayOf(date), minutes: Number(parts.hour) * 60 + Number(parts.minute) };
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

/** Calendar arithmetic on dates, not instants: a day is a day even when the clocks change. */
function addDays(date: string, days: number): string {
  const at = utcDate(date);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
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

/**
 * When the current period ends, as HH:MM ("24:00" for midnight), or null when closed or when no
 * hours are set. A period that the next one starts right after runs on into it.
 */
export function closesAt(hours: OpeningHours | null, at: Date): string | null {
  if (hours === null) return null;
  const clock = helsinkiClock(at);
  const current = currentPeriod(hours, clock);
  if (!current) return null;
  let closes = current.closes;
  for (const period of periodsOn(hours, clock.date)) {
    if (period.opens === closes) closes = period.closes;
  }
  return closes;
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
