import type { FeedbackResponse } from '../../../src/domain/response';
import { takeFromCounts } from '../answer-counts';
import type { Database } from '../database';
import { allFormVersions } from '../forms';

/**
 * Each response id is stored once, whatever else a request says. The table's key is (date, id),
 * and until now that key was the only check, so a batch resent with the same ids and other
 * dates was stored a second time and counted twice. A unique index on the id alone closes that.
 *
 * Copies already stored that way are removed first: of the rows sharing an id, the one with the
 * earliest date stays (which one came first is not recorded anywhere, by design), and the
 * others are taken out of the running counts too.
 */
export default function responseIdOnce(db: Database): void {
  const forms = new Map(allFormVersions(db).map((form) => [`${form.id}@${form.version}`, form]));
  const extra = db
    .prepare(
      `SELECT r.id, r.form_id AS formId, r.form_version AS formVersion, r.language, r.date, r.part_of_day AS partOfDay, r.answers
       FROM responses r JOIN (SELECT id, min(date) AS kept FROM responses GROUP BY id HAVING count(*) > 1) d ON d.id = r.id
       WHERE r.date > d.kept`,
    )
    .all() as (Omit<FeedbackResponse, 'answers'> & { answers: string })[];
  const remove = db.prepare('DELETE FROM responses WHERE date = ? AND id = ?');
  for (const row of extra) remove.run(row.date, row.id);
  takeFromCounts(
    db,
    extra.flatMap((row) => {
      const form = forms.get(`${row.formId}@${row.formVersion}`);
      return form ? [{ form, response: { ...row, answers: JSON.parse(row.answers) as FeedbackResponse['answers'] } }] : [];
    }),
  );
  db.exec('CREATE UNIQUE INDEX responses_by_id ON responses (id)');
}
