import type { FormDefinition } from '../../../src/domain/form-schema';
import type { FeedbackResponse } from '../../../src/domain/response';
import { countsOf } from '../../../src/domain/tally';
import type { SqliteConnection } from '../database';

/**
 * Each response id is stored once, whatever else a request says. The table's key is (date, id),
 * and until now that key was the only check, so a batch resent with the same ids and other dates
 * was stored a second time and counted twice. A unique index on the id alone closes that.
 *
 * Copies already stored that way are removed first: of the rows sharing an id, the one with the
 * earliest date stays (which one came first is recorded nowhere, by design), and the others are
 * taken out of the running counts. The SQL is written here, not borrowed from the code of the
 * day, so that this step does the same on every database whatever later releases change; the
 * forms are read as stored, without today's schema check, so an old form cannot stop the upgrade.
 */
export default function responseIdOnce(db: SqliteConnection): void {
  const forms = new Map(
    (db.prepare('SELECT form_id, version, definition FROM form_versions').all() as { form_id: string; version: number; definition: string }[]).map(
      (row) => [`${row.form_id}@${row.version}`, JSON.parse(row.definition) as FormDefinition],
    ),
  );
  const extra = db
    .prepare(
      `SELECT r.id, r.form_id AS formId, r.form_version AS formVersion, r.language, r.date, r.answers
       FROM responses r JOIN (SELECT id, min(date) AS kept FROM responses GROUP BY id HAVING count(*) > 1) d ON d.id = r.id
       WHERE r.date > d.kept`,
    )
    .all() as { id: string; formId: string; formVersion: number; language: string; date: string; answers: string }[];
  const remove = db.prepare('DELETE FROM responses WHERE date = ? AND id = ?');
  const takeAnswer = db.prepare(
    `UPDATE answer_counts SET count = count - ?
     WHERE form_id = ? AND date = ? AND form_version = ? AND language = ? AND question_id = ? AND option_id = ?`,
  );
  const takeResponse = db.prepare('UPDATE response_counts SET count = count - ? WHERE form_id = ? AND date = ? AND form_version = ? AND language = ?');
  for (const row of extra) {
    remove.run(row.date, row.id);
    const form = forms.get(`${row.formId}@${row.formVersion}`);
    if (!form) continue;
    const response = { ...row, answers: JSON.parse(row.answers) as FeedbackResponse['answers'] };
    const { answers, responses } = countsOf([{ form, response }]);
    for (const c of answers) takeAnswer.run(c.count, row.formId, c.date, c.formVersion, c.language, c.question, c.option);
    for (const c of responses) takeResponse.run(c.count, row.formId, c.date, c.formVersion, c.language);
  }
  db.exec('CREATE UNIQUE INDEX responses_by_id ON responses (id)');
}
