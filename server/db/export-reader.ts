import BetterSqlite3 from 'better-sqlite3';
import type { ResponsesOfDate } from '../../src/domain/exports';
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

type ResponseRow = [string, string, number, string, string, FeedbackResponse['partOfDay'], string];

/**
 * The responses of a form in a date range, a day at a time (in random-id order within the day):
 * each day is one lookup in the date-ordered table, and a day is what the export rules work on.
 */
export function* daysOfResponses(reader: Reader, formId: string, from: string, to: string): Generator<FeedbackResponse[]> {
  const dates = reader
    .prepare('SELECT DISTINCT date FROM response_counts WHERE form_id = ? AND date BETWEEN ? AND ? ORDER BY date')
    .pluck()
    .all(formId, from, to) as string[];
  const ofDate = reader
    .prepare('SELECT id, form_id, form_version, language, date, part_of_day, answers FROM responses WHERE date = ? AND form_id = ? ORDER BY id')
    .raw();
  for (const date of dates) {
    yield (ofDate.all(date, formId) as ResponseRow[]).map(([id, form, formVersion, language, day, partOfDay, answers]) => ({
      id,
      formId: form,
      formVersion,
      language,
      date: day,
      partOfDay,
      answers: JSON.parse(answers) as FeedbackResponse['answers'],
    }));
  }
}

/** The responses of a form in a date range, one at a time. */
export function* responsesBetween(reader: Reader, formId: string, from: string, to: string): Generator<FeedbackResponse> {
  for (const day of daysOfResponses(reader, formId, from, to)) yield* day;
}

/** Responses per date, language and form version, for the free texts' rule. */
export function responsesPerDateAndLanguage(reader: Reader, formId: string, from: string, to: string): ResponsesOfDate[] {
  return reader
    .prepare(
      `SELECT date, language, form_version AS formVersion, sum(count) AS count FROM response_counts
       WHERE form_id = ? AND date BETWEEN ? AND ? GROUP BY date, language, form_version`,
    )
    .all(formId, from, to) as ResponsesOfDate[];
}
