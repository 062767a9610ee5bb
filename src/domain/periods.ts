/**
 * Fixed, non-overlapping periods for summaries: a day, an ISO week, a calendar month. Fixed
 * periods mean two downloads cannot be subtracted from each other to reveal a small count
 * (a range of "Monday to Wednesday" minus "Monday to Tuesday" would).
 */
export const PERIODS = ['day', 'week', 'month'] as const;
export type Period = (typeof PERIODS)[number];

const parse = (date: string) => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
};
const iso = (at: Date) => at.toISOString().slice(0, 10);

/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(date: string): string {
  const at = parse(date);
  const weekday = at.getUTCDay() || 7;
  at.setUTCDate(at.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const year = at.getUTCFullYear();
  const week = Math.ceil(((at.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The period a date belongs to: "2026-11-23", "2026-W48" or "2026-11". */
export function periodOf(date: string, period: Period): string {
  if (period === 'day') return date;
  if (period === 'week') return isoWeek(date);
  return date.slice(0, 7);
}

/** The first and last date of the whole periods that cover from..to: a range is widened, never cut. */
export function wholePeriods(from: string, to: string, period: Period): { from: string; to: string } {
  if (period === 'day') return { from, to };
  if (period === 'month') {
    const last = parse(`${to.slice(0, 7)}-01`);
    last.setUTCMonth(last.getUTCMonth() + 1, 0);
    return { from: `${from.slice(0, 7)}-01`, to: iso(last) };
  }
  const start = parse(from);
  start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() || 7) - 1));
  const end = parse(to);
  end.setUTCDate(end.getUTCDate() + (7 - (end.getUTCDay() || 7)));
  return { from: iso(start), to: iso(end) };
}

/** Every date from..to inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let at = parse(from); iso(at) <= to; at.setUTCDate(at.getUTCDate() + 1)) dates.push(iso(at));
  return dates;
}

/** The date `days` days after `date` (before it, for a negative number). */
export function addDays(date: string, days: number): string {
  const at = parse(date);
  at.setUTCDate(at.getUTCDate() + days);
  return iso(at);
}

/** The months ("2026-11") that from..to touches, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let at = parse(`${from.slice(0, 7)}-01`); iso(at) <= to; at.setUTCMonth(at.getUTCMonth() + 1)) months.push(iso(at).slice(0, 7));
  return months;
}

/** The first and last date of a month ("2026-11"). */
export function monthRange(month: string): { from: string; to: string } {
  return wholePeriods(`${month}-01`, `${month}-01`, 'month');
}

/** The first and last date of a quarter ("2026-Q4": October to December). */
export function quarterRange(quarter: string): { from: string; to: string } {
  const [year, q] = [quarter.slice(0, 4), Number(quarter.slice(-1))];
  const first = `${year}-${String(3 * q - 2).padStart(2, '0')}`;
  return { from: monthRange(first).from, to: monthRange(`${year}-${String(3 * q).padStart(2, '0')}`).to };
}

/** The quarter a date is in, then the `count` − 1 before it, newest first ("2026-Q4", "2026-Q3"…). */
export function recentQuarters(date: string, count: number): string[] {
  let year = Number(date.slice(0, 4));
  let q = Math.ceil(Number(date.slice(5, 7)) / 3);
  const quarters: string[] = [];
  for (let i = 0; i < count; i++) {
    quarters.push(`${year}-Q${q}`);
    q -= 1;
    if (q === 0) [year, q] = [year - 1, 4];
  }
  return quarters;
}

/** The range of the same length just before from..to: what "this period" is set against. */
export function previousRange(from: string, to: string): { from: string; to: string } {
  const days = datesBetween(from, to).length;
  return { from: addDays(from, -days), to: addDays(from, -1) };
}
