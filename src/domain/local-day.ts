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
 * The wall clock in a zone at an instant: its date, hour and minute. For deciding things on the
 * centre's clock (the day, whether it is open); a response never carries a time this precise.
 */
export function wallClock(at: Date, timeZone: string = SERVICE_TIME_ZONE): { date: string; hour: number; minute: number } {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour), minute: Number(parts.minute) };
}

/**
 * The local date and a coarse part of day: the most a response may say about when it was
 * given (anonymity rule: no precise time).
 */
export function localDay(at: Date, timeZone: string = SERVICE_TIME_ZONE): LocalDay {
  const { date, hour } = wallClock(at, timeZone);
  return { date, partOfDay: hour < 12 ? 'morning' : 'afternoon' };
}
