import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type Expression, type Selectable, type SqlBool, type Transaction } from 'kysely';
import type { ResponsesOfDate } from '../../src/domain/exports';
import type { FeedbackResponse, UnitResponse } from '../../src/domain/response';
import type { Database } from './database';
import type { Tables } from './tables';

/** Where a download reads from: one consistent snapshot of the database, until it is closed. */
export interface Reader {
  readonly q: Kysely<Tables>;
  readonly dialect: Database['dialect'];
  close(): Promise<void>;
}

/**
 * A snapshot of the database for one download: a download of a year is read while kiosks go on
 * syncing, and every part of the file is from the same moment.
 * - SQLite: a read-only connection of its own, in one read transaction (WAL lets it and the
 *   server's writes go ahead side by side; the server's own connection is never held up).
 * - PostgreSQL: a REPEATABLE READ, read-only transaction on a connection of the pool: every
 *   query in it sees the database as it was at its first.
 */
export async function openReader(db: Database): Promise<Reader> {
  if (db.sqlite) {
    const connection = new BetterSqlite3(db.sqlite.file, { readonly: true, fileMustExist: true });
    connection.pragma('busy_timeout = 5000');
    connection.exec('BEGIN');
    const q = new Kysely<Tables>({ dialect: new SqliteDialect({ database: connection }) });
    // Kysely closes the connection only if it has used it (a download stopped before its first read).
    const close = async () => {
      await q.destroy();
      if (connection.open) connection.close();
    };
    return { q, dialect: 'sqlite', close };
  }
  const trx = await db.q.startTransaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute();
  return { q: trx as Transaction<Tables>, dialect: 'postgres', close: () => trx.rollback().execute() };
}

type ResponseRow = Omit<Selectable<Tables['responses']>, 'form_id'>;

// Rows fetched at a time: a page of the keyset cursor below. On PostgreSQL each page is a round
// trip to another process, so pages are larger there; SQLite reads in this one, where a smaller
// page keeps the memory down at no cost.
const ROWS_PER_PAGE = { sqlite: 2_000, postgres: 5_000 };

/**
 * The responses of a form in a date range, a day at a time (in id order within the day, which is
 * random), in date order. They are read in pages of a keyset cursor on the table's key (date,
 * id): each page the rows after the last one read, found in the key's index, so the memory holds
 * two pages and one day however long the range, and every page comes from the reader's snapshot.
 * A day is what the export rules work on.
 */
export async function* daysOfResponses(reader: Pick<Reader, 'q' | 'dialect'>, formId: string, units: readonly string[], from: string, to: string): AsyncGenerator<UnitResponse[]> {
  if (units.length === 0) return;
  const pageSize = ROWS_PER_PAGE[reader.dialect];
  const pageAfter = (position: [string, string] | null): Promise<ResponseRow[]> =>
    reader.q
      .selectFrom('responses')
      .select(['id', 'form_version', 'language', 'date', 'part_of_day', 'answers', 'unit_id'])
      .where((eb): Expression<SqlBool> => (position ? eb(eb.refTuple('date', 'id'), '>', eb.tuple(position[0], position[1])) : eb('date', '>=', from)))
      .where('date', '<=', to)
      .where('form_id', '=', formId)
      .where('unit_id', 'in', [...units])
      .orderBy('date')
      .orderBy('id')
      .limit(pageSize)
      .execute();
  let day: UnitResponse[] = [];
  // The next page is asked for as soon as a page arrives, so the database finds it while this
  // one is turned into days (on PostgreSQL, a process of its own).
  let next: Promise<ResponseRow[]> | null = pageAfter(null);
  try {
    while (next) {
      const page: ResponseRow[] = await next;
      const last = page.at(-1);
      next = page.length === pageSize && last ? pageAfter([last.date, last.id]) : null;
      for (const row of page) {
        if (day.length > 0 && day[0]!.date !== row.date) {
          yield day;
          day = [];
        }
        day.push({
          id: row.id,
          formId,
          formVersion: row.form_version,
          language: row.language,
          date: row.date,
          partOfDay: row.part_of_day,
          answers: JSON.parse(row.answers) as FeedbackResponse['answers'],
          unitId: row.unit_id,
        });
      }
    }
    if (day.length > 0) yield day;
  } finally {
    // A download stopped half-way leaves a page asked for: its answer, or its failure, goes unread.
    next?.catch(() => {});
  }
}

/** The responses of a form in these units and a date range, one at a time. */
export async function* responsesBetween(reader: Pick<Reader, 'q' | 'dialect'>, formId: string, units: readonly string[], from: string, to: string): AsyncGenerator<UnitResponse> {
  for await (const day of daysOfResponses(reader, formId, units, from, to)) yield* day;
}

/** Responses per unit, date, language and form version, for the free texts' rule. */
export async function responsesPerDateAndLanguage(reader: { q: Kysely<Tables> }, formId: string, units: readonly string[], from: string, to: string): Promise<ResponsesOfDate[]> {
  if (units.length === 0) return [];
  return reader.q
    .selectFrom('response_counts')
    .select(['unit_id as unit', 'date', 'language', 'form_version as formVersion', (eb) => eb.fn.sum<number>('count').as('count')])
    .where('form_id', '=', formId)
    .where('unit_id', 'in', [...units])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .groupBy(['unit_id', 'date', 'language', 'form_version'])
    .execute();
}
