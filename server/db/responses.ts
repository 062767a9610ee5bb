import type { FeedbackResponse } from '../../src/domain/response';
import { prepared, type Database } from './database';

export type StoreOutcome = 'accepted' | 'duplicate';

/**
 * Stores valid responses in one transaction. Each id is stored at most once: an id the
 * server already has is reported as a duplicate, so a batch sent twice, or resent after the
 * answer to it was lost, changes nothing.
 */
export function storeResponses(db: Database, responses: FeedbackResponse[]): StoreOutcome[] {
  const insert = prepared(
    db,
    `INSERT INTO responses (id, form_id, form_version, language, date, part_of_day, answers)
     VALUES (@id, @formId, @formVersion, @language, @date, @partOfDay, @answers)
     ON CONFLICT (id) DO NOTHING`,
  );
  return db.transaction((batch: FeedbackResponse[]) =>
    batch.map((r): StoreOutcome =>
      insert.run({ ...r, answers: JSON.stringify(r.answers) }).changes === 1 ? 'accepted' : 'duplicate',
    ),
  )(responses);
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
