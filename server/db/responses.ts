import type { FormDefinition } from '../../src/domain/form-schema';
import type { FeedbackResponse } from '../../src/domain/response';
import { addToCounts } from './answer-counts';
import { prepared, type Database } from './database';

export type FindForm = (formId: string, version: number) => FormDefinition | undefined;

export type StoreOutcome = 'accepted' | 'duplicate';

/**
 * Inserts valid responses. Each response is stored at most once: one the server already has is
 * reported as a duplicate, so a batch sent twice, or resent after the answer to it was lost,
 * changes nothing. A response is recognised by its date and random id, the table's key: a
 * response never changes after the kiosk made it, so a resent one always comes with the same
 * date (a global index on the id alone would cost a random write per response; see README).
 * The caller adds the accepted ones to the running counts in the same
 * transaction (storeResponses, or a group of kiosk batches at once).
 */
export function insertResponses(db: Database, responses: FeedbackResponse[]): StoreOutcome[] {
  const insert = prepared(
    db,
    `INSERT INTO responses (id, form_id, form_version, language, date, part_of_day, answers)
     VALUES (@id, @formId, @formVersion, @language, @date, @partOfDay, @answers)
     ON CONFLICT (date, id) DO NOTHING`,
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
