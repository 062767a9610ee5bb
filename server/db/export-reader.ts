import BetterSqlite3 from 'better-sqlite3';
import type { FeedbackResponse } from '../../src/domain/response';

export type Reader = BetterSqlite3.Database;

/**
 * A read-only connection of its own for one download: a download of a year is read while
 * kiosks go on syncing (WAL lets both go ahead), it sees one consistent snapshot, and a
 * connection that is iterating cannot be used for anything else.
 */
export function openReader(databaseFile: string): Reader {
  const reader = new BetterSqlite3(databaseFile, { readonly: true, fileMustExist: true });
  reader.pragma('busy_timeout = 5000');
  return reader;
}

interface ResponseRow {
  id: string;
  formId: string;
  formVersion: number;
  language: string;
  date: string;
  partOfDay: FeedbackResponse['partOfDay'];
  answers: string;
}

/** The responses of a form in a date range, one at a time, in date and then random-id order. */
export function* responsesBetween(reader: Reader, formId: string, from: string, to: string): Generator<FeedbackResponse> {
  const rows = reader
    .prepare(
      `SELECT id, form_id AS formId, form_version AS formVersion, language, date, part_of_day AS partOfDay, answers
       FROM responses WHERE date BETWEEN ? AND ? AND form_id = ? ORDER BY date, id`,
    )
    .iterate(from, to, formId) as Iterable<ResponseRow>;
  for (const row of rows) yield { ...row, answers: JSON.parse(row.answers) as FeedbackResponse['answers'] };
}

/** Responses per date (all languages and versions), for the free texts' period rule. */
export function responsesPerDate(reader: Reader, formId: string, from: string, to: string): { date: string; count: number }[] {
  return reader
    .prepare('SELECT date, sum(count) AS count FROM response_counts WHERE form_id = ? AND date BETWEEN ? AND ? GROUP BY date')
    .all(formId, from, to) as { date: string; count: number }[];
}
