import type { AgeGroupCounts } from '../../src/domain/age-groups';
import { prepared, type Database } from './database';

/** The age-group counts stored for these months of a form's background question, by month. */
export function publishedAgeGroups(db: Database, formId: string, question: string, months: string[]): Map<string, AgeGroupCounts> {
  const read = prepared(db, 'SELECT option_id, count, month_total FROM published_age_groups WHERE form_id = ? AND month = ? AND question_id = ?').raw();
  const published = new Map<string, AgeGroupCounts>();
  for (const month of months) {
    const rows = read.all(formId, month, question) as [string, number, number][];
    if (rows.length === 0) continue;
    published.set(month, { question, counts: new Map(rows.map(([option, count]) => [option, count])), total: rows[0]![2] });
  }
  return published;
}

/**
 * Stores the counts of months that have none stored yet, each month whole or not at all. A month
 * stored before keeps its counts: a published figure never changes.
 */
export function storeAgeGroups(db: Database, formId: string, months: Map<string, AgeGroupCounts>): void {
  const stored = prepared(db, 'SELECT 1 FROM published_age_groups WHERE form_id = ? AND month = ? AND question_id = ? LIMIT 1');
  const insert = prepared(
    db,
    'INSERT INTO published_age_groups (form_id, month, question_id, option_id, count, month_total) VALUES (?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (const [month, { question, counts, total }] of months) {
      if (stored.get(formId, month, question)) continue;
      for (const [option, count] of counts) insert.run(formId, month, question, option, count, total);
    }
  })();
}
