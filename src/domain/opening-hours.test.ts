import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_WEEK, openingHours, type OpeningHours } from './opening-hours';
import { helsinkiClock, isOpen, nextOpening, periodsOn, WEEKDAYS } from './opening-times';

/** Weekdays 09–15 with a lunch break on Wednesdays; the holidays of December 2026. */
const hours: OpeningHours = {
  week: {
    ...DEFAULT_WEEK,
    wed: [
      { opens: '09:00', closes: '11:30' },
      { opens: '12:30', closes: '15:00' },
    ],
  },
  exceptions: [
    { date: '2026-12-06', periods: [{ opens: '10:00', closes: '14:00' }], note: 'Itsenäisyyspäivä' },
    { date: '2026-12-24', periods: [], note: 'Jouluaatto' },
    { date: '2026-12-25', periods: [], note: 'Joulupäivä' },
    { date: '2026-12-31', periods: [{ opens: '09:00', closes: '12:00' }], note: 'Uudenvuodenaatto' },
  ],
};

const withWeek = (week: Partial<OpeningHours['week']>) => ({ week: { ...DEFAULT_WEEK, ...week }, exceptions: [] });

/** Each problem as "path: message", to show both where and what. */
function problems(input: unknown): string[] {
  const result = openingHours.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('the opening hours schema', () => {
  it('accepts a week with a lunch break, holidays and an extra opening day', () => {
    expect(openingHours.parse(hours)).toEqual(hours);
  });

  it('accepts the default week: weekdays 09:00–15:00, closed at the weekend', () => {
    expect(problems({ week: DEFAULT_WEEK, exceptions: [] })).toEqual([]);
    expect(DEFAULT_WEEK.mon).toEqual([{ opens: '09:00', closes: '15:00' }]);
    expect(DEFAULT_WEEK.sat).toEqual([]);
  });

  it('accepts a period until midnight and periods that meet', () => {
    expect(problems(withWeek({ fri: [{ opens: '18:00', closes: '24:00' }], sat: [{ opens: '00:00', closes: '06:00' }] }))).toEqual([]);
    expect(
      problems(
        withWeek({
          mon: [
            { opens: '09:00', closes: '12:00' },
            { opens: '12:00', closes: '15:00' },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('rejects overlapping periods, naming both', () => {
    expect(
      problems(
        withWeek({
          tue: [
            { opens: '09:00', closes: '13:00' },
            { opens: '12:00', closes: '15:00' },
          ],
        }),
      ),
    ).toEqual(["week.tue.1: 12:00–15:00 must start after 09:00–13:00 closes: list a day's periods in order, without overlaps"]);
  });

  it('rejects periods out of order', () => {
    expect(
      problems(
        withWeek({
          mon: [
            { opens: '13:00', closes: '15:00' },
            { opens: '09:00', closes: '11:00' },
          ],
        }),
      ),
    ).toHaveLength(1);
  });

  it('rejects a period that does not close after it opens', () => {
    const message = 'must close after it opens (closing at midnight is "24:00")';
    expect(problems(withWeek({ thu: [{ opens: '15:00', closes: '09:00' }] }))).toEqual([`week.thu.0: ${message}`]);
    expect(problems(withWeek({ thu: [{ opens: '09:00', closes: '09:00' }] }))).toEqual([`week.thu.0: ${message}`]);
    expect(problems(withWeek({ thu: [{ opens: '09:00', closes: '00:00' }] }))).toEqual([`week.thu.0: ${message}`]);
  });

  it('rejects times that are not HH:MM on a 24-hour clock, once each', () => {
    const badOpening = 'must be a time from 00:00 to 23:59, as HH:MM';
    const badClosing = 'must be a time up to 24:00 (midnight), as HH:MM';
    expect(problems(withWeek({ mon: [{ opens: '9:00', closes: '15:00' }] }))).toEqual([`week.mon.0.opens: ${badOpening}`]);
    expect(problems(withWeek({ mon: [{ opens: '09:00', closes: '25:00' }] }))).toEqual([`week.mon.0.closes: ${badClosing}`]);
    expect(problems(withWeek({ mon: [{ opens: '09:60', closes: '15:00' }] }))).toEqual([`week.mon.0.opens: ${badOpening}`]);
    expect(problems(withWeek({ mon: [{ opens: '24:00', closes: '24:00' }] }))).toEqual([`week.mon.0.opens: ${badOpening}`]);
    expect(problems(withWeek({ mon: [{ opens: '09:00', closes: '24:01' }] }))).toEqual([`week.mon.0.closes: ${badClosing}`]);
    expect(problems(withWeek({ mon: [{ opens: '09.00', closes: '15:00' }] }))).toEqual([`week.mon.0.opens: ${badOpening}`]);
  });

  it('allows at most four periods a day', () => {
    const periods = ['08', '10', '12', '14', '16'].map((hour) => ({ opens: `${hour}:00`, closes: `${hour}:30` }));
    expect(problems(withWeek({ mon: periods.slice(0, 4) }))).toEqual([]);
    expect(problems(withWeek({ mon: periods }))).toEqual(['week.mon: at most 4 opening periods a day']);
  });

  it('rejects two exceptions on one date', () => {
    const twice = { ...hours, exceptions: [...hours.exceptions, { date: '2026-12-24', periods: [{ opens: '09:00', closes: '12:00' }] }] };
    expect(problems(twice)).toEqual(['exceptions.4.date: 2026-12-24 has two exceptions: keep one']);
  });

  it('rejects dates that do not exist or are not YYYY-MM-DD', () => {
    const on = (date: string) => problems({ ...hours, exceptions: [{ date, periods: [] }] });
    expect(on('2026-02-30')).toEqual(['exceptions.0.date: must be a real date, as YYYY-MM-DD']);
    expect(on('2026-02-29')).toHaveLength(1);
    expect(on('2026-13-01')).toHaveLength(1);
    expect(on('2026-12-6')).toHaveLength(1);
    expect(on('24.12.2026')).toHaveLength(1);
    expect(on('2028-02-29')).toEqual([]);
  });

  it('rejects unknown keys at every level', () => {
    expect(problems({ ...hours, timeZone: 'Europe/Helsinki' })).toEqual([': Unrecognized key: "timeZone"']);
    expect(problems({ ...hours, week: { ...hours.week, holiday: [] } })).toEqual(['week: Unrecognized key: "holiday"']);
    expect(problems(withWeek({ mon: [{ opens: '09:00', closes: '15:00', staff: 2 } as never] }))).toEqual(['week.mon.0: Unrecognized key: "staff"']);
    expect(problems({ ...hours, exceptions: [{ date: '2026-12-24', periods: [], closed: true }] })).toEqual([
      'exceptions.0: Unrecognized key: "closed"',
    ]);
  });

  it('needs every weekday and the exceptions list', () => {
    const { sun: _sun, ...sixDays } = DEFAULT_WEEK;
    expect(problems({ week: sixDays, exceptions: [] })).toEqual(['week.sun: Invalid input: expected array, received undefined']);
    expect(problems({ week: DEFAULT_WEEK })).toEqual(['exceptions: Invalid input: expected array, received undefined']);
  });

  it('keeps a note to 80 characters and trims it', () => {
    const noted = (note: string) => ({ ...hours, exceptions: [{ date: '2026-12-24', periods: [], note }] });
    expect(problems(noted('x'.repeat(80)))).toEqual([]);
    expect(problems(noted('x'.repeat(81)))).toEqual(['exceptions.0.note: a note may be at most 80 characters']);
    expect(openingHours.parse(noted('  Jouluaatto ')).exceptions[0]?.note).toBe('Jouluaatto');
  });

  it('allows at most 200 exceptions', () => {
    const days = (count: number) =>
      Array.from({ length: count }, (_, i) => ({ date: new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10), periods: [] }));
    expect(problems({ ...hours, exceptions: days(200) })).toEqual([]);
    expect(problems({ ...hours, exceptions: days(201) })).toEqual(['exceptions: at most 200 exceptions: remove dates that have passed']);
  });

  it('lists the weekdays from Monday', () => {
    expect(WEEKDAYS).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
  });
});

describe('helsinkiClock', () => {
  it('reads the Helsinki wall clock: UTC+2 in winter, UTC+3 in summer', () => {
    expect(helsinkiClock(new Date('2026-11-23T07:05:00Z'))).toEqual({ date: '2026-11-23', weekday: 'mon', minutes: 9 * 60 + 5 });
    expect(helsinkiClock(new Date('2026-07-01T06:05:00Z'))).toEqual({ date: '2026-07-01', weekday: 'wed', minutes: 9 * 60 + 5 });
  });

  it('is on the next day while UTC is still on the day before', () => {
    expect(helsinkiClock(new Date('2026-12-31T22:30:00Z'))).toEqual({ date: '2027-01-01', weekday: 'fri', minutes: 30 });
  });

  it('jumps from 02:59 to 04:00 when summer time starts on 29 March 2026', () => {
    expect(helsinkiClock(new Date('2026-03-29T00:59:00Z'))).toEqual({ date: '2026-03-29', weekday: 'sun', minutes: 2 * 60 + 59 });
    expect(helsinkiClock(new Date('2026-03-29T01:00:00Z'))).toEqual({ date: '2026-03-29', weekday: 'sun', minutes: 4 * 60 });
  });

  it('goes from 03:59 back to 03:00 when summer time ends on 25 October 2026', () => {
    expect(helsinkiClock(new Date('2026-10-25T00:59:00Z')).minutes).toBe(3 * 60 + 59);
    expect(helsinkiClock(new Date('2026-10-25T01:00:00Z'))).toEqual({ date: '2026-10-25', weekday: 'sun', minutes: 3 * 60 });
    expect(helsinkiClock(new Date('2026-10-25T08:00:00Z')).minutes).toBe(10 * 60);
  });
});

describe('periodsOn', () => {
  it('gives the exception’s periods on its date, the weekday’s on others', () => {
    expect(periodsOn(hours, '2026-12-24')).toEqual([]);
    expect(periodsOn(hours, '2026-12-06')).toEqual([{ opens: '10:00', closes: '14:00' }]);
    expect(periodsOn(hours, '2026-12-23')).toEqual(hours.week.wed);
    expect(periodsOn(hours, '2026-12-17')).toEqual([{ opens: '09:00', closes: '15:00' }]);
  });
});

describe('isOpen', () => {
  it('is always open when no hours are set', () => {
    expect(isOpen(null, new Date('2026-11-28T01:00:00Z'))).toBe(true);
  });

  it('opens on the opening minute and is closed on the closing minute', () => {
    // Monday 23 November 2026, Helsinki UTC+2.
    expect(isOpen(hours, new Date('2026-11-23T06:59:59Z'))).toBe(false);
    expect(isOpen(hours, new Date('2026-11-23T07:00:00Z'))).toBe(true);
    expect(isOpen(hours, new Date('2026-11-23T12:59:59Z'))).toBe(true);
    expect(isOpen(hours, new Date('2026-11-23T13:00:00Z'))).toBe(false);
  });

  it('is closed over the lunch break', () => {
    // Wednesday 25 November 2026.
    expect(isOpen(hours, new Date('2026-11-25T09:29:00Z'))).toBe(true);
    expect(isOpen(hours, new Date('2026-11-25T09:30:00Z'))).toBe(false);
    expect(isOpen(hours, new Date('2026-11-25T10:29:00Z'))).toBe(false);
    expect(isOpen(hours, new Date('2026-11-25T10:30:00Z'))).toBe(true);
  });

  it('is closed at the weekend', () => {
    expect(isOpen(hours, new Date('2026-11-28T10:00:00Z'))).toBe(false);
  });

  it('follows a holiday over its weekday', () => {
    // Wednesday 23 December is an ordinary day; Christmas Eve and Christmas Day (Thu, Fri) are closed.
    expect(isOpen(hours, new Date('2026-12-23T08:00:00Z'))).toBe(true);
    expect(isOpen(hours, new Date('2026-12-24T08:00:00Z'))).toBe(false);
    expect(isOpen(hours, new Date('2026-12-25T08:00:00Z'))).toBe(false);
  });

  it('follows an exception’s shorter hours', () => {
    // Thursday 31 December closes at 12:00 instead of 15:00.
    expect(isOpen(hours, new Date('2026-12-31T09:59:00Z'))).toBe(true);
    expect(isOpen(hours, new Date('2026-12-31T10:00:00Z'))).toBe(false);
  });

  it('opens on an exception date that is normally closed', () => {
    expect(isOpen(hours, new Date('2026-11-29T09:00:00Z'))).toBe(false); // an ordinary Sunday
    expect(isOpen(hours, new Date('2026-12-06T09:00:00Z'))).toBe(true); // Independence Day, a Sunday
  });

  it('stays open across midnight when one day runs to 24:00 and the next starts at 00:00', () => {
    const night = withWeek({ fri: [{ opens: '18:00', closes: '24:00' }], sat: [{ opens: '00:00', closes: '06:00' }] });
    expect(isOpen(night, new Date('2026-11-27T21:59:00Z'))).toBe(true); // Fri 23:59
    expect(isOpen(night, new Date('2026-11-27T22:00:00Z'))).toBe(true); // Sat 00:00
    expect(isOpen(night, new Date('2026-11-28T04:00:00Z'))).toBe(false); // Sat 06:00
  });

  it('uses the Helsinki wall clock on the day summer time ends', () => {
    const sunday = { ...hours, exceptions: [{ date: '2026-10-25', periods: [{ opens: '10:00', closes: '14:00' }] }] };
    // 07:30 UTC is 09:30 in Helsinki after the clocks went back (it would be 10:30 the day before).
    expect(isOpen(sunday, new Date('2026-10-25T07:30:00Z'))).toBe(false);
    expect(isOpen(sunday, new Date('2026-10-25T08:00:00Z'))).toBe(true);
  });
});

describe('nextOpening', () => {
  it('is null when open now or when no hours are set', () => {
    expect(nextOpening(hours, new Date('2026-11-23T07:00:00Z'))).toBeNull();
    expect(nextOpening(null, new Date('2026-11-28T10:00:00Z'))).toBeNull();
  });

  it('is later the same day before opening', () => {
    expect(nextOpening(hours, new Date('2026-11-23T05:00:00Z'))).toEqual({ date: '2026-11-23', weekday: 'mon', opens: '09:00' });
  });

  it('is after the lunch break', () => {
    expect(nextOpening(hours, new Date('2026-11-25T09:45:00Z'))).toEqual({ date: '2026-11-25', weekday: 'wed', opens: '12:30' });
  });

  it('is the next day from the closing minute on', () => {
    expect(nextOpening(hours, new Date('2026-11-23T13:00:00Z'))).toEqual({ date: '2026-11-24', weekday: 'tue', opens: '09:00' });
  });

  it('is Monday after a weekend', () => {
    expect(nextOpening(hours, new Date('2026-11-27T14:00:00Z'))).toEqual({ date: '2026-11-30', weekday: 'mon', opens: '09:00' });
    expect(nextOpening(hours, new Date('2026-11-28T10:00:00Z'))).toEqual({ date: '2026-11-30', weekday: 'mon', opens: '09:00' });
  });

  it('skips the holidays', () => {
    // Closed from Wednesday 23 December at 15:00 over Christmas and the weekend.
    expect(nextOpening(hours, new Date('2026-12-23T13:30:00Z'))).toEqual({ date: '2026-12-28', weekday: 'mon', opens: '09:00' });
  });

  it('finds an extra opening day', () => {
    expect(nextOpening(hours, new Date('2026-12-05T10:00:00Z'))).toEqual({ date: '2026-12-06', weekday: 'sun', opens: '10:00' });
  });

  it('counts calendar days over the night summer time starts', () => {
    const sunday = { ...hours, exceptions: [{ date: '2026-03-29', periods: [{ opens: '10:00', closes: '14:00' }] }] };
    // Saturday 28 March 23:30; a day of 24 hours later is already Monday 00:30.
    expect(nextOpening(sunday, new Date('2026-03-28T21:30:00Z'))).toEqual({ date: '2026-03-29', weekday: 'sun', opens: '10:00' });
    // Friday 27 March 16:00 in winter time, over the change to Monday in summer time.
    expect(nextOpening(hours, new Date('2026-03-27T14:00:00Z'))).toEqual({ date: '2026-03-30', weekday: 'mon', opens: '09:00' });
  });

  it('looks a year ahead and no further', () => {
    const closed = withWeek({ mon: [], tue: [], wed: [], thu: [], fri: [] });
    const at = new Date('2026-11-23T10:00:00Z');
    expect(nextOpening(closed, at)).toBeNull();
    const inAYear = (date: string) => ({ ...closed, exceptions: [{ date, periods: [{ opens: '10:00', closes: '12:00' }] }] });
    expect(nextOpening(inAYear('2027-11-24'), at)).toEqual({ date: '2027-11-24', weekday: 'wed', opens: '10:00' });
    expect(nextOpening(inAYear('2027-11-25'), at)).toBeNull();
  });
});

describe('a tablet set to another time zone', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('still answers by the Helsinki wall clock', () => {
    vi.stubEnv('TZ', 'America/Los_Angeles');
    const mondayNine = new Date('2026-11-23T07:00:00Z');
    // The process really is elsewhere: there it is still Sunday evening.
    expect(mondayNine.getDay()).toBe(0);
    expect(mondayNine.getHours()).toBe(23);
    expect(helsinkiClock(mondayNine)).toEqual({ date: '2026-11-23', weekday: 'mon', minutes: 9 * 60 });
    expect(isOpen(hours, mondayNine)).toBe(true);
    expect(nextOpening(hours, new Date('2026-11-27T13:30:00Z'))).toEqual({ date: '2026-11-30', weekday: 'mon', opens: '09:00' });
  });
});
