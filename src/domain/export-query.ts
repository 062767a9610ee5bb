import * as z from 'zod/mini';
import { csvFormat } from './csv-cells';
import { identifier, languageCode } from './form-schema';
import { PERIODS } from './periods';

export const EXPORT_FILES = ['summary', 'responses', 'day-log', 'free-texts'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

/** What a download asks for: the range, the period of a summary, the labels' language, the CSV style. */
export const exportQuery = z
  .strictObject({
    form: identifier,
    from: z.iso.date(),
    to: z.iso.date(),
    period: z._default(z.enum(PERIODS), 'month'),
    labels: z._default(languageCode, 'fi'),
    format: csvFormat,
  })
  .check(z.refine((q) => q.from <= q.to, 'from must not be after to'));
export type ExportQuery = z.output<typeof exportQuery>;
