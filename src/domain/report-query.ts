import * as z from 'zod/mini';
import { identifier } from './form-schema';
import { unitList } from './units';

const fields = {
  form: identifier,
  from: z.optional(z.iso.date()),
  to: z.optional(z.iso.date()),
  /** The units counted together ("a,b"), or every unit the user may see when left out. */
  units: z.optional(unitList),
  /** "units": each unit's report beside the total. */
  compare: z.optional(z.literal('units')),
};

/**
 * The longest period a report covers: three years of days. A pilot's whole span longer than that
 * is reported for its last three years; a request for more is refused, as the work grows with
 * the days.
 */
export const MAX_REPORT_DAYS = 3 * 366;

type Period = { from?: string | undefined; to?: string | undefined };
const period = [
  z.refine<Period>((q) => (q.from === undefined) === (q.to === undefined), 'give both from and to, or neither (the whole pilot)'),
  z.refine<Period>((q) => q.from === undefined || q.to === undefined || q.from <= q.to, 'from must not be after to'),
  z.refine<Period>(
    (q) => q.from === undefined || q.to === undefined || Date.parse(q.to) - Date.parse(q.from) <= (MAX_REPORT_DAYS - 1) * 86_400_000,
    `at most ${MAX_REPORT_DAYS} days at once`,
  ),
];

/**
 * What the evaluation report is of: one form, the units the user may see, and a period. Without
 * `from` and `to` it covers the pilot's whole span so far: from the first response to the last.
 */
export const reportQuery = z.strictObject(fields).check(...period);
export type ReportQuery = z.output<typeof reportQuery>;

/** The report's figures as a CSV file: the same query, the file's format and the labels' language. */
export const reportCsvQuery = z
  .strictObject({ ...fields, format: z.optional(z.enum(['fi', 'international'])), labels: z.optional(z.enum(['fi', 'sv', 'en'])) })
  .check(...period);
export type ReportCsvQuery = z.output<typeof reportCsvQuery>;
