import type { AnswerCountRow, ResponseCountRow } from '../../src/domain/dashboard';
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
}

export function answerCountsBetween(db: Database, { formId, from, to, language }: CountQuery): AnswerCountRow[] {
  return prepared(
    db,
    `SELECT date, form_version AS formVersion, language, question_id AS question, option_id AS option, count
     FROM answer_counts WHERE form_id = ? AND date BETWEEN ? AND ? AND (? IS NULL OR language = ?)`,
  ).all(formId, from, to, language, language) as AnswerCountRow[];
}

export function responseCountsBetween(db: Database, { formId, from, to, language }: CountQuery): ResponseCountRow[] {
  return prepared(
    db,
    `SELECT date, form_version AS formVersion, language, count
     FROM response_counts WHERE form_id = ? AND date BETWEEN ? AND ? AND (? IS NULL OR language = ?)`,
  ).all(formId, from, to, language, language) as ResponseCountRow[];
}
