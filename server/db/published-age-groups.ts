import type { AgeGroupCounts } from '../../src/domain/age-groups';
import { holdUntilCommit, inTransaction, type Database } from './database';

/** The age-group counts stored for these months of a form's background question in one unit, by month. */
export async function publishedAgeGroups(db: Database, formId: string, unitId: string, question: string, months: string[]): Promise<Map<string, AgeGroupCounts>> {
  const published = new Map<string, AgeGroupCounts>();
  if (months.length === 0) return published;
  const rows = await db.q
    .selectFrom('published_age_groups')
    .select(['month', 'option_id', 'count', 'month_total'])
    .where('form_id', '=', formId)
    .where('unit_id', '=', unitId)
    .where('question_id', '=', question)
    .where('month', 'in', months)
    .execute();
  for (const month of months) {
    const monthRows = rows.filter((row) => row.month === month);
    if (monthRows.length === 0) continue;
    published.set(month, { question, counts: new Map(monthRows.map((row) => [row.option_id, row.count])), total: monthRows[0]!.month_total });
  }
  return published;
}

/**
 * Stores a unit's counts of months that have none stored yet, each month whole or not at all. A
 * month stored before keeps its counts: a published figure never changes.
 */
export function storeAgeGroups(db: Database, formId: string, unitId: string, months: Map<string, AgeGroupCounts>): Promise<void> {
  return inTransaction(db, async (trx) => {
    for (const [month, { question, counts, total }] of months) {
      // Two instances publishing the same month at once: the second finds the first's counts.
      await holdUntilCommit(trx, `age-groups:${formId}:${unitId}:${month}`);
      const stored = await trx.q
        .selectFrom('published_age_groups')
        .select('month')
        .where('form_id', '=', formId)
        .where('unit_id', '=', unitId)
        .where('month', '=', month)
        .where('question_id', '=', question)
        .limit(1)
        .executeTakeFirst();
      if (stored || counts.size === 0) continue;
      const rows = [...counts].map(([option, count]) => ({ form_id: formId, unit_id: unitId, month, question_id: question, option_id: option, count, month_total: total }));
      await trx.q.insertInto('published_age_groups').values(rows).execute();
    }
  });
}
