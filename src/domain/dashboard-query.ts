import * as z from 'zod/mini';
import { identifier, languageCode } from './form-schema';

/** The longest range the dashboard shows at once: two years of days. */
export const MAX_DASHBOARD_DAYS = 731;

export const dashboardQuery = z
  .strictObject({
    form: identifier,
    from: z.iso.date(),
    to: z.iso.date(),
    /** One language, or all when left out. */
    language: z.optional(languageCode),
    /** One form version, or all when left out: answers to one wording only. */
    version: z.optional(z.coerce.number().check(z.int(), z.gte(1))),
  })
  .check(
    z.refine((q) => q.from <= q.to, 'from must not be after to'),
    z.refine((q) => Date.parse(q.to) - Date.parse(q.from) <= (MAX_DASHBOARD_DAYS - 1) * 86_400_000, `at most ${MAX_DASHBOARD_DAYS} days at once`),
  );
export type DashboardQuery = z.output<typeof dashboardQuery>;
