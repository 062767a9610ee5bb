import type { FreeText } from '../../src/domain/exports';
import type { FormDefinition } from '../../src/domain/form-schema';
import { sql } from 'kysely';
import { inTransaction, type Database } from './database';
import { responsesBetween, type Reader } from './export-reader';
import { allFormVersions } from './forms';

function freeTextQuestions(versions: FormDefinition[]): Set<string> {
  return new Set(versions.flatMap((v) => v.questions.filter((q) => q.type === 'free-text').map((q) => q.id)));
}

/** The written free texts of a form in these units and a date range (already scrubbed on the kiosk). */
export async function freeTextsBetween(source: Pick<Reader, 'q' | 'dialect'>, versions: FormDefinition[], units: readonly string[], from: string, to: string): Promise<FreeText[]> {
  const questions = freeTextQuestions(versions);
  const texts: FreeText[] = [];
  for await (const response of responsesBetween(source, versions[0]!.id, units, from, to)) {
    for (const [question, value] of Object.entries(response.answers)) {
      if (questions.has(question) && typeof value === 'string' && value.trim() !== '') {
        texts.push({ id: response.id, unit: response.unitId, date: response.date, language: response.language, question, text: value });
      }
    }
  }
  return texts;
}

/**
 * Removes a free text that still identifies someone from the response itself, so it is gone
 * from every view and download, and takes it out of the "answered" count. Returns the
 * response's unit, or null if there is no such text in these units. The response's other
 * answers stay.
 */
export async function redactFreeText(db: Database, versions: FormDefinition[], units: readonly string[], id: string, question: string): Promise<string | null> {
  if (!freeTextQuestions(versions).has(question)) return null;
  return inTransaction(db, async (trx) => {
    const row = await trx.q
      .selectFrom('responses')
      .select(['date', 'form_id', 'form_version', 'language', 'answers', 'unit_id'])
      .where('id', '=', id)
      // Two coordinators redacting at once on PostgreSQL: the second waits and reads the first's result.
      .$if(trx.dialect === 'postgres', (query) => query.forUpdate())
      .executeTakeFirst();
    if (!row || row.form_id !== versions[0]!.id || !units.includes(row.unit_id)) return null;
    const answers = JSON.parse(row.answers) as Record<string, unknown>;
    const text = answers[question];
    // A blank text was never counted as an answer, so there is nothing to take out.
    if (typeof text !== 'string' || text.trim() === '') return null;
    delete answers[question];
    await trx.q.updateTable('responses').set({ answers: JSON.stringify(answers) }).where('date', '=', row.date).where('id', '=', id).execute();
    await trx.q
      .updateTable('answer_counts')
      .set((eb) => ({ count: eb('count', '-', 1) }))
      .where('form_id', '=', row.form_id)
      .where('date', '=', row.date)
      .where('unit_id', '=', row.unit_id)
      .where('form_version', '=', row.form_version)
      .where('language', '=', row.language)
      .where('question_id', '=', question)
      .where('option_id', '=', '*')
      .execute();
    return row.unit_id;
  });
}

/**
 * Retention: removes the free-text answers of every response dated before `before` (YYYY-MM-DD),
 * from the response itself, as redaction does. The response, its choice answers and every
 * count stay: the "answered" counts were made when it arrived and describe that. Returns how
 * many responses lost a text. The database's own JSON functions do it in one pass per form
 * version, so the daily run over years of responses takes milliseconds.
 * - SQLite overwrites the old text's bytes in the file (secure_delete), not only unlinks them.
 * - PostgreSQL leaves the old row versions to its vacuum, which frees their space for reuse.
 */
export async function removeFreeTextsBefore(db: Database, before: string): Promise<number> {
  // Question ids are lowercase letters, digits and hyphens, so each is safe in a JSON path.
  const paths = (await allFormVersions(db)).flatMap((form) => {
    const questions = [...freeTextQuestions([form])];
    return questions.length > 0 ? [{ formId: form.id, version: form.version, questions }] : [];
  });
  const connection = db.sqlite?.connection;
  const secureDelete = connection?.pragma('secure_delete', { simple: true }) as number | undefined;
  connection?.pragma('secure_delete = ON');
  try {
    return await inTransaction(db, async (trx) => {
      let removed = 0;
      for (const { formId, version, questions } of paths) {
        const result = await trx.q
          .updateTable('responses')
          .set({ answers: withoutKeys(db, questions) })
          .where('date', '<', before)
          .where('form_id', '=', formId)
          .where('form_version', '=', version)
          .where(anyKey(db, questions))
          .executeTakeFirst();
        removed += Number(result.numUpdatedRows);
      }
      return removed;
    });
  } finally {
    if (connection) connection.pragma(`secure_delete = ${secureDelete}`);
  }
}

/** The answers' JSON text without these keys, in the database's own JSON functions. */
function withoutKeys(db: Database, keys: string[]) {
  if (db.dialect === 'postgres') return sql<string>`(answers::jsonb - ${sql.val(keys)}::text[])::text`;
  return sql<string>`json_remove(answers, ${sql.join(keys.map((key) => sql.val(`$."${key}"`)))})`;
}

/** Whether the answers' JSON text holds any of these keys. */
function anyKey(db: Database, keys: string[]) {
  if (db.dialect === 'postgres') return sql<boolean>`answers::jsonb ?| ${sql.val(keys)}::text[]`;
  return sql<boolean>`(${sql.join(
    keys.map((key) => sql`json_type(answers, ${sql.val(`$."${key}"`)}) IS NOT NULL`),
    sql` OR `,
  )})`;
}
