import type { FeedbackResponse } from '../../../src/domain/response';
import { addToCounts } from '../answer-counts';
import type { Database } from '../database';
import { allFormVersions } from '../forms';

/** Running counts for the dashboard, and the counts of any responses stored before them. */
export default function answerCounts(db: Database): void {
  db.exec(/* sql */ `
    -- Per date, form version, language, question and option: how many responses chose it.
    -- Option '*' counts the responses that answered the question at all.
    CREATE TABLE answer_counts (
      form_id       TEXT    NOT NULL,
      date          TEXT    NOT NULL,
      form_version  INTEGER NOT NULL,
      language      TEXT    NOT NULL,
      question_id   TEXT    NOT NULL,
      option_id     TEXT    NOT NULL,
      count         INTEGER NOT NULL CHECK (count >= 0),
      PRIMARY KEY (form_id, date, form_version, language, question_id, option_id)
    ) WITHOUT ROWID;

    -- Per date, form version and language: how many responses.
    CREATE TABLE response_counts (
      form_id       TEXT    NOT NULL,
      date          TEXT    NOT NULL,
      form_version  INTEGER NOT NULL,
      language      TEXT    NOT NULL,
      count         INTEGER NOT NULL CHECK (count >= 0),
      PRIMARY KEY (form_id, date, form_version, language)
    ) WITHOUT ROWID;
  `);
  const forms = new Map(allFormVersions(db).map((form) => [`${form.id}@${form.version}`, form]));
  // A page at a time by id: a connection cannot write while it iterates a query.
  const page = db.prepare(
    'SELECT id, form_id AS formId, form_version AS formVersion, language, date, answers FROM responses WHERE id > ? ORDER BY id LIMIT 10000',
  );
  for (let after = ''; ; ) {
    const rows = page.all(after) as { id: string; formId: string; formVersion: number; language: string; date: string; answers: string }[];
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    addToCounts(
      db,
      rows.flatMap((row) => {
        const form = forms.get(`${row.formId}@${row.formVersion}`);
        const response = { ...row, answers: JSON.parse(row.answers) } as unknown as FeedbackResponse;
        return form ? [{ form, response }] : [];
      }),
    );
  }
}
