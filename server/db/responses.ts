import type { FormDefinition } from '../../src/domain/form-schema';
import type { FeedbackResponse, UnitResponse } from '../../src/domain/response';
import { addToCounts } from './answer-counts';
import { sql, type Insertable } from 'kysely';
import { inTransaction, type Database } from './database';
import type { Tables } from './tables';

export type FindForm = (formId: string, version: number) => FormDefinition | undefined;

export type StoreOutcome = 'accepted' | 'duplicate';

// Rows per INSERT: well under the bound on a statement's parameters on either database.
const ROWS_PER_INSERT = 1000;

/**
 * Inserts valid responses. Each response id is stored at most once, whatever else the request
 * says of it: one the server already has (under any date), or that came earlier in the same
 * batch, is reported as a duplicate and changes nothing, so a batch sent twice, or resent after
 * the answer to it was lost, or resent with other dates, or sent to two server instances at once,
 * stores and counts nothing new. The table is keyed by (date, id) so a batch's rows land beside
 * their day; a unique index on the id alone makes the id the identity, and `ON CONFLICT DO
 * NOTHING` lets the database, not this process, decide which insert of an id wins. Rows go in id
 * order, so two transactions inserting the same ids wait for each other in one order and never
 * deadlock. The caller adds the accepted ones to the running counts in the same transaction.
 */
export async function insertResponses(db: Database, responses: UnitResponse[]): Promise<StoreOutcome[]> {
  const firsts = new Map<string, UnitResponse>();
  for (const response of responses) if (!firsts.has(response.id)) firsts.set(response.id, response);
  const rows = [...firsts.values()]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((r) => ({
      id: r.id,
      form_id: r.formId,
      form_version: r.formVersion,
      language: r.language,
      date: r.date,
      part_of_day: r.partOfDay,
      answers: JSON.stringify(r.answers),
      unit_id: r.unitId,
    }));
  const stored = new Set<string>();
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const slice = rows.slice(start, start + ROWS_PER_INSERT);
    const inserted =
      db.dialect === 'postgres'
        ? await insertAsArrays(db, slice)
        : await db.q.insertInto('responses').values(slice).onConflict((oc) => oc.doNothing()).returning('id').execute();
    for (const { id } of inserted) stored.add(id);
  }
  // The first of an id in the batch is the one stored; any later one is a duplicate of it.
  return responses.map((r): StoreOutcome => (stored.delete(r.id) ? 'accepted' : 'duplicate'));
}

/**
 * The same insert on PostgreSQL with one array per column (unnest): seven parameters however many
 * rows, which PostgreSQL parses and plans in a fraction of the time of a thousand rows of VALUES.
 */
async function insertAsArrays(db: Database, rows: Insertable<Tables['responses']>[]): Promise<{ id: string }[]> {
  const column = <K extends keyof Tables['responses']>(key: K) => rows.map((row) => row[key]);
  const { rows: inserted } = await sql<{ id: string }>`
    INSERT INTO responses (id, form_id, form_version, language, date, part_of_day, answers, unit_id)
    SELECT * FROM unnest(${column('id')}::text[], ${column('form_id')}::text[], ${column('form_version')}::integer[], ${column('language')}::text[],
      ${column('date')}::text[], ${column('part_of_day')}::text[], ${column('answers')}::text[], ${column('unit_id')}::text[])
    ON CONFLICT DO NOTHING
    RETURNING id`.execute(db.q);
  return inserted;
}

/** The responses that were new, each with the form it answered, for the running counts. */
export function accepted(responses: UnitResponse[], outcomes: StoreOutcome[], findForm: FindForm) {
  return responses.flatMap((response, i) => {
    if (outcomes[i] !== 'accepted') return [];
    const form = findForm(response.formId, response.formVersion);
    // Every response was checked against its form before it got here.
    if (!form) throw new Error(`Form ${response.formId} version ${response.formVersion} is not known.`);
    return [{ form, response }];
  });
}

/** Stores valid responses of one unit and counts the new ones, in one transaction. */
export function storeResponses(db: Database, responses: FeedbackResponse[], findForm: FindForm, unitId: string): Promise<StoreOutcome[]> {
  return inTransaction(db, async (trx) => {
    const ofUnit = responses.map((response) => ({ ...response, unitId }));
    const outcomes = await insertResponses(trx, ofUnit);
    await addToCounts(trx, accepted(ofUnit, outcomes, findForm));
    return outcomes;
  });
}

export async function countResponses(db: Database): Promise<number> {
  const row = await db.q.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return row.n;
}

/** Responses by id, for tests and exports; in id order, which is random. */
export async function responsesByIds(db: Database, ids: string[]): Promise<UnitResponse[]> {
  if (ids.length === 0) return [];
  const rows = await db.q.selectFrom('responses').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        id: row.id,
        formId: row.form_id,
        formVersion: row.form_version,
        language: row.language,
        date: row.date,
        partOfDay: row.part_of_day,
        answers: JSON.parse(row.answers) as FeedbackResponse['answers'],
        unitId: row.unit_id,
      },
    ];
  });
}
