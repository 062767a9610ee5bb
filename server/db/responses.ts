import type { FormDefinition } from '../../src/domain/form-schema';
import type { FeedbackResponse } from '../../src/domain/response';
import { addToCounts } from './answer-counts';
import { prepared, type Database } from './database';

export type FindForm = (formId: string, version: number) => FormDefinition | undefined;

export type StoreOutcome = 'accepted' | 'duplicate';

/**
 * Inserts valid responses. Each response id is stored at most once, whatever else the request
 * says of it: one the server already has (under any date) is reported as a duplicate and
 * changes nothing, so a batch sent twice, or resent after the answer to it was lost, or resent
 * with other dates, stores and counts nothing new. The table is keyed by (date, id) so a batch's
 * rows land beside their day; a unique index on the id alone makes the id the identity.
 * The caller adds the accepted ones to the running counts in the same
 * transaction (storeResponses, or a group of kiosk batches at once).
 */
export function insertResponses(db: Database, responses: FeedbackResponse[]): StoreOutcome[] {
  const insert = prepared(
    db,
    `INSERT INTO responses (id, form_id, form_version, language, date, part_of_day, answers)
     VALUES (@id, @formId, @formVersion, @language, @date, @partOfDay, @answers)
     ON CONFLICT DO NOTHING`,
  );
  return responses.map((r): StoreOutcome => (insert.run({ ...r, answers: JSON.stringify(r.answers) }).changes === 1 ? 'accepted' : 'duplicate'));
}

/** The responses that were new, each with the form it answered, for the running counts. */
export function accepted(responses: FeedbackResponse[], outcomes: StoreOutcome[], findForm: FindForm) {
  return responses.flatMap((response, i) => {
    if (outcomes[i] !== 'accepted') return [];
    const form = findForm(response.formId, response.formVersion);
    // Every response was checked against its form before it got here.
    if (!form) throw new Error(`Form ${response.formId} version ${response.formVersion} is not known.`);
    return [{ form, response }];
  });
}

/** Stores valid responses and counts the new ones, in one transaction. */
export function storeResponses(db: Database, responses: FeedbackResponse[], findForm: FindForm): StoreOutcome[] {
  return db.transaction(() => {
    const outcomes = insertResponses(db, responses);
    addToCounts(db, accepted(responses, outcomes, findForm));
    return outcomes;
  })();
}

export function countResponses(db: Database): number {
  return (db.prepare('SELECT count(*) AS n FROM responses').get() as { n: number }).n;
}

/** Responses by id, for tests and exports; in id order, which is random. */
export function responsesByIds(db: Database, ids: string[]): FeedbackResponse[] {
  const select = db.prepare('SELECT * FROM responses WHERE id = ?');
  return ids.flatMap((id) => {
    const row = select.get(id) as Record<string, string | number> | undefined;
    if (!row) return [];
    return [
      {
        id: String(row.id),
        formId: String(row.form_id),
        formVersion: Number(row.form_version),
        language: String(row.language),
        date: String(row.date),
        partOfDay: row.part_of_day as FeedbackResponse['partOfDay'],
        answers: JSON.parse(String(row.answers)) as FeedbackResponse['answers'],
      },
    ];
  });
}
