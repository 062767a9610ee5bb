import { localDay } from './local-day';

/**
 * Data minimisation for an anonymous service: free texts (the one answer a visitor could have
 * written something of themselves into) and the coordinators' audit log are kept for a set time,
 * counted back from today's Helsinki date. Counts and choice answers are kept.
 */
export const DEFAULT_FREE_TEXT_MONTHS = 24;
export const DEFAULT_AUDIT_YEARS = 5;

export interface RetentionPeriods {
  /** Free texts of responses dated more than this many months ago are removed; 0 keeps them. */
  freeTextMonths: number;
  /** Audit-log entries made more than this many years ago are removed; 0 keeps them. */
  auditYears: number;
}

export interface RetentionCutoffs {
  /** Free texts of responses dated before this date (YYYY-MM-DD) go; null: none go. */
  freeTextsBefore: string | null;
  /** Audit entries made before this moment (a Helsinki midnight) go; null: none go. */
  auditBefore: Date | null;
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The same day `months` months before `date`, or the month's last day when it is shorter (29 Feb → 28 Feb). */
export function monthsBefore(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const d = Math.min(day, daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The moment a Helsinki date begins. Helsinki is UTC+2 or UTC+3 and changes its clocks at 03:00
 * or 04:00, never at midnight, so one of the two offsets gives the first moment of the date.
 */
export function helsinkiMidnight(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  for (const offsetHours of [2, 3]) {
    const at = new Date(Date.UTC(year, month - 1, day) - offsetHours * 3_600_000);
    if (localDay(at).date === date && localDay(new Date(at.getTime() - 1)).date !== date) return at;
  }
  throw new Error(`No Helsinki midnight found for ${date}.`);
}

/**
 * What is old enough to remove now. A free text dated on today's date 24 months ago is kept
 * today and removed tomorrow; an audit entry from the same Helsinki date 5 years ago likewise.
 */
export function retentionCutoffs(now: Date, { freeTextMonths, auditYears }: RetentionPeriods): RetentionCutoffs {
  const today = localDay(now).date;
  return {
    freeTextsBefore: freeTextMonths > 0 ? monthsBefore(today, freeTextMonths) : null,
    auditBefore: auditYears > 0 ? helsinkiMidnight(monthsBefore(today, auditYears * 12)) : null,
  };
}
