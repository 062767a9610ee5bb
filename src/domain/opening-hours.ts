import * as z from 'zod/mini';
import type { $RefinementCtx } from 'zod/v4/core';
import './schema-messages';

/**
 * When the day centre is open, set for a unit or for one kiosk (a kiosk's own hours replace its
 * unit's entirely). Times are Helsinki wall-clock times; outside them the kiosk shows its
 * "closed" screen with the next opening. No hours at all (null) means always open.
 */

export const MAX_PERIODS_PER_DAY = 4;
export const MAX_EXCEPTIONS = 200;
export const MAX_NOTE_LENGTH = 80;

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
