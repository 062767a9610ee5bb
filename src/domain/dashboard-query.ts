import * as z from 'zod/mini';
import { identifier, languageCode } from './form-schema';
import { unitList } from './units';

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
    /** The units counted together ("a,b"), or every unit the user may see when left out. */
    units: z.optional(unitList),
    /** "units": each unit's figures beside the total, a series per unit in the charts. */
    compare: z.optional(z.literal('units')),
  })
  .check(
    z.refine((q) => q.from <= q.to, 'from must not be after to'),
    z.refine((q) => Date.parse(q.to) - Date.parse(q.from) <= (MAX_DASHBOARD_DAYS - 1) * 86_400_000, `at most ${MAX_DASHBOARD_DAYS} days at once`),
  );
export type DashboardQuery = z.output<typeof dashboardQuery>;
