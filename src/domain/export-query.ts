import * as z from 'zod/mini';
import { csvFormat } from './csv-cells';
import { identifier, languageCode } from './form-schema';
import { PERIODS } from './periods';
import { unitList } from './units';

export const EXPORT_FILES = ['summary', 'responses', 'day-log', 'free-texts'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

/** A summary either adds up the form versions of a period, or has the rows of each version apart. */
export const SUMMARY_SPLITS = ['none', 'version'] as const;
export type SummarySplit = (typeof SUMMARY_SPLITS)[number];

/** What a download asks for: the range, the period of a summary and its split, the labels' language, the CSV style. */
export const exportQuery = z
  .strictObject({
    form: identifier,
    from: z.iso.date(),
    to: z.iso.date(),
    period: z._default(z.enum(PERIODS), 'month'),
    split: z._default(z.enum(SUMMARY_SPLITS), 'none'),
    labels: z._default(languageCode, 'fi'),
    format: csvFormat,
    /** The units in the file ("a,b"), or every unit the user may see when left out. */
    units: z.optional(unitList),
    /** "units": a summary's rows for each unit apart, side by side, instead of the units added up. */
    compare: z.optional(z.literal('units')),
  })
  .check(z.refine((q) => q.from <= q.to, 'from must not be after to'));
export type ExportQuery = z.output<typeof exportQuery>;
