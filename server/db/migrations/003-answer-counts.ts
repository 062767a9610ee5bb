import type { FormDefinition } from '../../../src/domain/form-schema';
import type { FeedbackResponse } from '../../../src/domain/response';
import { countsOf } from '../../../src/domain/tally';
import type { SqliteConnection } from '../database';

/** Running counts for the dashboard, and the counts of any responses stored before them. */
export default function answerCounts(db: SqliteConnection): void {
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
  // Its own SQL and the forms as stored, so that this step does the same whatever later releases change.
  const forms = new Map(
    (db.prepare('SELECT definition FROM form_versions').pluck().all() as string[]).map((text) => {
      const form = JSON.parse(text) as FormDefinition;
      return [`${form.id}@${form.version}`, form];
    }),
  );
  const addAnswers = db.prepare(
    `INSERT INTO answer_counts (form_id, date, form_version, language, question_id, option_id, count) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET count = count + excluded.count`,
  );
  const addResponses = db.prepare(
    `INSERT INTO response_counts (form_id, date, form_version, language, count) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET count = count + excluded.count`,
  );
  // A page at a time by id: a connection cannot write while it iterates a query.
  const page = db.prepare(
    'SELECT id, form_id AS formId, form_version AS formVersion, language, date, answers FROM responses WHERE id > ? ORDER BY id LIMIT 10000',
  );
  for (let after = ''; ; ) {
    const rows = page.all(after) as { id: string; formId: string; formVersion: number; language: string; date: string; answers: string }[];
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    const stored = rows.flatMap((row) => {
      const form = forms.get(`${row.formId}@${row.formVersion}`);
      const response = { ...row, answers: JSON.parse(row.answers) } as unknown as FeedbackResponse;
      return form ? [{ form, response }] : [];
    });
    for (const formId of new Set(stored.map((entry) => entry.form.id))) {
      const { answers, responses } = countsOf(stored.filter((entry) => entry.form.id === formId));
      for (const row of answers) addAnswers.run(formId, row.date, row.formVersion, row.language, row.question, row.option, row.count);
      for (const row of responses) addResponses.run(formId, row.date, row.formVersion, row.language, row.count);
    }
  }
}
