import type { DateCountRow } from '../../src/domain/dashboard';
import type { FormDefinition } from '../../src/domain/form-schema';
import type { UnitResponse } from '../../src/domain/response';
import { countsOf } from '../../src/domain/tally';
import { sql } from 'kysely';
import type { Database } from './database';
import type { Tables } from './tables';

/**
 * Adds stored responses to the running counts per date, form version, language, question and
 * option, in the caller's transaction: the dashboard reads a year of these in milliseconds
 * instead of a year of responses.
 */
export async function addToCounts(db: Database, stored: { form: FormDefinition; response: UnitResponse }[]): Promise<void> {
  const byForm = new Map<string, typeof stored>();
  for (const entry of stored) byForm.set(entry.form.id, [...(byForm.get(entry.form.id) ?? []), entry]);
  for (const formId of [...byForm.keys()].sort()) await addFormCounts(db, formId, byForm.get(formId)!);
}

/** The counts of one form's responses, per unit, with the unit in each row. */
function unitCounts(stored: { form: FormDefinition; response: UnitResponse }[]) {
  const byUnit = new Map<string, typeof stored>();
  for (const entry of stored) byUnit.set(entry.response.unitId, [...(byUnit.get(entry.response.unitId) ?? []), entry]);
  const answers: (ReturnType<typeof countsOf>['answers'][number] & { unit: string })[] = [];
  const responses: (ReturnType<typeof countsOf>['responses'][number] & { unit: string })[] = [];
  for (const [unit, entries] of byUnit) {
    const counts = countsOf(entries);
    answers.push(...counts.answers.map((row) => ({ ...row, unit })));
    responses.push(...counts.responses.map((row) => ({ ...row, unit })));
  }
  return { answers, responses };
}

// Rows per upsert: well under the bound on a statement's parameters on either database.
const ROWS_PER_UPSERT = 1000;

/**
 * The increments are done by the database (`count = count + excluded.count`), never read, added
 * and written back here, so server instances counting at the same time lose no update. Rows go in
 * key order, so two transactions lock the same count rows in one order and never deadlock.
 */
async function addFormCounts(db: Database, formId: string, stored: { form: FormDefinition; response: UnitResponse }[]): Promise<void> {
  const { answers, responses } = unitCounts(stored);
  const answerRows = answers
    .map((row) => ({
      form_id: formId,
      date: row.date,
      unit_id: row.unit,
      form_version: row.formVersion,
      language: row.language,
      question_id: row.question,
      option_id: row.option,
      count: row.count,
    }))
    .sort((a, b) => compareKeys([a.date, a.unit_id, a.form_version, a.language, a.question_id, a.option_id], [b.date, b.unit_id, b.form_version, b.language, b.question_id, b.option_id]));
  const responseRows = responses
    .map((row) => ({ form_id: formId, date: row.date, unit_id: row.unit, form_version: row.formVersion, language: row.language, count: row.count }))
    .sort((a, b) => compareKeys([a.date, a.unit_id, a.form_version, a.language], [b.date, b.unit_id, b.form_version, b.language]));
  if (db.dialect === 'postgres') return addAsArrays(db, answerRows, responseRows);
  for (let start = 0; start < answerRows.length; start += ROWS_PER_UPSERT) {
    await db.q
      .insertInto('answer_counts')
      .values(answerRows.slice(start, start + ROWS_PER_UPSERT))
      .onConflict((oc) =>
        oc
          .columns(['form_id', 'date', 'unit_id', 'form_version', 'language', 'question_id', 'option_id'])
          .doUpdateSet((eb) => ({ count: eb('answer_counts.count', '+', eb.ref('excluded.count')) })),
      )
      .execute();
  }
  for (let start = 0; start < responseRows.length; start += ROWS_PER_UPSERT) {
    await db.q
      .insertInto('response_counts')
      .values(responseRows.slice(start, start + ROWS_PER_UPSERT))
      .onConflict((oc) =>
        oc.columns(['form_id', 'date', 'unit_id', 'form_version', 'language']).doUpdateSet((eb) => ({ count: eb('response_counts.count', '+', eb.ref('excluded.count')) })),
      )
      .execute();
  }
}

/**
 * The same upserts on PostgreSQL with one array per column (unnest): a handful of parameters
 * however many rows, which PostgreSQL parses and plans in a fraction of the time of VALUES.
 */
async function addAsArrays(
  db: Database,
  answerRows: Tables['answer_counts'][],
  responseRows: Tables['response_counts'][],
): Promise<void> {
  const of = <Row, K extends keyof Row>(rows: Row[], key: K) => rows.map((row) => row[key]);
  if (answerRows.length > 0) {
    await sql`
      INSERT INTO answer_counts (form_id, date, unit_id, form_version, language, question_id, option_id, count)
      SELECT * FROM unnest(${of(answerRows, 'form_id')}::text[], ${of(answerRows, 'date')}::text[], ${of(answerRows, 'unit_id')}::text[], ${of(answerRows, 'form_version')}::integer[],
        ${of(answerRows, 'language')}::text[], ${of(answerRows, 'question_id')}::text[], ${of(answerRows, 'option_id')}::text[], ${of(answerRows, 'count')}::integer[])
      ON CONFLICT (form_id, date, unit_id, form_version, language, question_id, option_id) DO UPDATE SET count = answer_counts.count + excluded.count`.execute(db.q);
  }
  if (responseRows.length > 0) {
    await sql`
      INSERT INTO response_counts (form_id, date, unit_id, form_version, language, count)
      SELECT * FROM unnest(${of(responseRows, 'form_id')}::text[], ${of(responseRows, 'date')}::text[], ${of(responseRows, 'unit_id')}::text[], ${of(responseRows, 'form_version')}::integer[],
        ${of(responseRows, 'language')}::text[], ${of(responseRows, 'count')}::integer[])
      ON CONFLICT (form_id, date, unit_id, form_version, language) DO UPDATE SET count = response_counts.count + excluded.count`.execute(db.q);
  }
}

function compareKeys(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

export interface CountQuery {
  formId: string;
  /** The units counted (each row says which it is of). */
  units: readonly string[];
  from: string;
  to: string;
  /** One language, or every language. */
  language: string | null;
  /** One form version, or every version (left out: every version). */
  version?: number | null;
}

/** Counts per unit, date, question and option, summed over the chosen version(s) and language(s). */
export async function answerCountsBetween(db: Database, { formId, units, from, to, language, version = null }: CountQuery): Promise<DateCountRow[]> {
  if (units.length === 0) return [];
  let query = db.q
    .selectFrom('answer_counts')
    .select(['unit_id as unit', 'date', 'question_id as question', 'option_id as option', (eb) => eb.fn.sum<number>('count').as('count')])
    .where('form_id', '=', formId)
    .where('unit_id', 'in', [...units])
    .where('date', '>=', from)
    .where('date', '<=', to);
  if (language !== null) query = query.where('language', '=', language);
  if (version !== null) query = query.where('form_version', '=', version);
  return query.groupBy(['unit_id', 'date', 'question_id', 'option_id']).execute();
}

/** Responses per unit, date and form version, summed over the chosen language(s), of the chosen version(s). */
export async function responseCountsBetween(
  db: Database,
  { formId, units, from, to, language, version = null }: CountQuery,
): Promise<{ unit: string; date: string; formVersion: number; count: number }[]> {
  if (units.length === 0) return [];
  let query = db.q
    .selectFrom('response_counts')
    .select(['unit_id as unit', 'date', 'form_version as formVersion', (eb) => eb.fn.sum<number>('count').as('count')])
    .where('form_id', '=', formId)
    .where('unit_id', 'in', [...units])
    .where('date', '>=', from)
    .where('date', '<=', to);
  if (language !== null) query = query.where('language', '=', language);
  if (version !== null) query = query.where('form_version', '=', version);
  return query.groupBy(['unit_id', 'date', 'form_version']).execute();
}

/** The first and last date with responses to a form in these units: the pilot's span so far. */
export async function responseSpan(db: Database, formId: string, units: readonly string[]): Promise<{ from: string; to: string } | null> {
  if (units.length === 0) return null;
  const row = await db.q
    .selectFrom('response_counts')
    .select((eb) => [eb.fn.min<string>('date').as('from'), eb.fn.max<string>('date').as('to')])
    .where('form_id', '=', formId)
    .where('unit_id', 'in', [...units])
    .executeTakeFirst();
  return row?.from && row.to ? { from: row.from, to: row.to } : null;
}
