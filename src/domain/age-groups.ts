import { addDays, monthsBetween, wholePeriods } from './periods';

/**
 * How many days after a month has ended its age groups are first shown. A month still going on,
 * downloaded every day, would give each day's age groups as the difference of two downloads.
 * And kiosks may be offline for days (a basement, an unplugged router) before they send a month's
 * last responses: the wait lets those arrive before the counts are taken once and for all (see
 * AgeGroupCounts).
 */
export const AGE_GROUPS_AFTER_DAYS = 14;

/** Whether a month's ("2026-11") age groups may be shown on `today`: it ended AGE_GROUPS_AFTER_DAYS days ago or more. */
export function ageGroupsDue(month: string, today: string): boolean {
  const lastDay = wholePeriods(`${month}-01`, `${month}-01`, 'month').to;
  // The month ended when its last day did, at the start of the next.
  return addDays(lastDay, 1 + AGE_GROUPS_AFTER_DAYS) <= today;
}

/** The months of from..to whose age groups may be shown on `today`. */
export function monthsWithAgeGroups(from: string, to: string, today: string): string[] {
  return monthsBetween(from, to).filter((month) => ageGroupsDue(month, today));
}

/**
 * A month's age-group counts as first published, taken once and used by every later summary:
 * responses that arrive later never change a published figure, which two downloads subtracted
 * would otherwise give for just those responses.
 */
export interface AgeGroupCounts {
  /** The form's background question. */
  question: string;
  /** Per option that a form version of the month offered, and '' for no answer: how many chose it. */
  counts: Map<string, number>;
  /** The month's responses when the counts were taken: the sum of the counts. */
  total: number;
}
