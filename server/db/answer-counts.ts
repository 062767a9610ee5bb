import type { DateCountRow } from '../../src/domain/dashboard';
import type { FormDefinition } from '../../src/domain/form-schema';
import type { FeedbackResponse } from '../../src/domain/response';
import { countsOf } from '../../src/domain/tally';
import { prepared, type Database } from './database';

/**
 * Adds stored responses to the running counts per date, form version, language, question and
 * option, in the caller's transaction: the dashboard reads a year of these in milliseconds
 * instead of a year of responses.
 */
export function addToCounts(db: Database, stored: { form: FormDefinition; response: FeedbackResponse }[]): void {
  const byForm = new Map<string, typeof stored>();
  for (const entry of stored) byForm.set(entry.form.id, [...(byForm.get(entry.form.id) ?? []), entry]);
  for (const [formId, entries] of byForm) addFormCounts(db, formId, entries);
}

function addFormCounts(db: Database, formId: string, stored: { form: FormDefinition; response: FeedbackResponse }[]): void {
  const { answers, responses } = countsOf(stored);
  const addAnswers = prepared(
    db,
    `INSERT INTO answer_counts (form_id, date, form_version, language, question_id, option_id, count) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET count = count + excluded.count`,
  );
  const addResponses = prepared(
    db,
    `INSERT INTO response_counts (form_id, date, form_version, language, count) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET count = count + excluded.count`,
  );
  for (const row of answers) addAnswers.run(formId, row.date, row.formVersion, row.language, row.question, row.option, row.count);
  for (const row of responses) addResponses.run(formId, row.date, row.formVersion, row.language, row.count);
}

export interface CountQuery {
  formId: string;
  from: string;
  to: string;
  /** One language, or every language. */
  language: string | null;
  /** One form version, or every version (left out: every version). */
  version?: number | null;
}

/** Counts per date, question and option, summed over the chosen version(s) and language(s). */
export function answerCountsBetween(db: Database, { formId, from, to, language, version = null }: CountQuery): DateCountRow[] {
  const rows = prepared(
    db,
    `SELECT date, question_id, option_id, sum(count) FROM answer_counts
     WHERE form_id = ? AND date BETWEEN ? AND ? AND (? IS NULL OR language = ?) AND (? IS NULL OR form_version = ?)
     GROUP BY date, question_id, option_id`,
  )
    .raw()
    .all(formId, from, to, language, language, version, version) as [string, string, string, number][];
  return rows.map(([date, question, option, count]) => ({ date, question, option, count }));
}

/** Responses per date and form version, summed over the chosen language(s), of the chosen version(s). */
export function responseCountsBetween(
  db: Database,
  { formId, from, to, language, version = null }: CountQuery,
): { date: string; formVersion: number; count: number }[] {
  return prepared(
    db,
    `SELECT date, form_version AS formVersion, sum(count) AS count FROM response_counts
     WHERE form_id = ? AND date BETWEEN ? AND ? AND (? IS NULL OR language = ?) AND (? IS NULL OR form_version = ?)
     GROUP BY date, form_version`,
  ).all(formId, from, to, language, language, version, version) as { date: string; formVersion: number; count: number }[];
}
