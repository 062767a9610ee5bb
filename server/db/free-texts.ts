import type { FreeText } from '../../src/domain/exports';
import type { FormDefinition } from '../../src/domain/form-schema';
import type { Database } from './database';
import type { Reader } from './export-reader';
import { responsesBetween } from './export-reader';
import { allFormVersions } from './forms';

function freeTextQuestions(versions: FormDefinition[]): Set<string> {
  return new Set(versions.flatMap((v) => v.questions.filter((q) => q.type === 'free-text').map((q) => q.id)));
}

/** The written free texts of a form in a date range (already scrubbed on the kiosk). */
export function freeTextsBetween(source: Reader | Database, versions: FormDefinition[], from: string, to: string): FreeText[] {
  const questions = freeTextQuestions(versions);
  const texts: FreeText[] = [];
  for (const response of responsesBetween(source, versions[0]!.id, from, to)) {
    for (const [question, value] of Object.entries(response.answers)) {
      if (questions.has(question) && typeof value === 'string' && value.trim() !== '') texts.push({ id: response.id, date: response.date, language: response.language, question, text: value });
    }
  }
  return texts;
}

/**
 * Removes a free text that still identifies someone from the response itself, so it is gone
 * from every view and download, and takes it out of the "answered" count. Returns false if
 * there is no such text. The response's other answers stay.
 */
export function redactFreeText(db: Database, versions: FormDefinition[], id: string, question: string): boolean {
  if (!freeTextQuestions(versions).has(question)) return false;
  return db.transaction(() => {
    const row = db.prepare('SELECT date, form_id, form_version, language, answers FROM responses WHERE id = ?').get(id) as
      | { date: string; form_id: string; form_version: number; language: string; answers: string }
      | undefined;
    if (!row || row.form_id !== versions[0]!.id) return false;
    const answers = JSON.parse(row.answers) as Record<string, unknown>;
    const text = answers[question];
    // A blank text was never counted as an answer, so there is nothing to take out.
    if (typeof text !== 'string' || text.trim() === '') return false;
    delete answers[question];
    db.prepare('UPDATE responses SET answers = ? WHERE date = ? AND id = ?').run(JSON.stringify(answers), row.date, id);
    db.prepare(
      `UPDATE answer_counts SET count = count - 1
       WHERE form_id = ? AND date = ? AND form_version = ? AND language = ? AND question_id = ? AND option_id = '*'`,
    ).run(row.form_id, row.date, row.form_version, row.language, question);
    return true;
  })();
}

/**
 * Retention: removes the free-text answers of every response dated before `before` (YYYY-MM-DD),
 * from the response itself, as redaction does. The response, its choice answers and every
 * count stay: the "answered" counts were made when it arrived and describe that. Returns how
 * many responses lost a text. SQLite's own JSON functions do it in one pass per form version, so
 * the daily run over years of responses takes milliseconds.
 */
export function removeFreeTextsBefore(db: Database, before: string): number {
  // Question ids are lowercase letters, digits and hyphens, so a quoted JSON path names each safely.
  const paths = allFormVersions(db).flatMap((form) => {
    const questions = [...freeTextQuestions([form])].map((question) => `$."${question}"`);
    return questions.length > 0 ? [{ formId: form.id, version: form.version, questions }] : [];
  });
  // The old text's bytes are overwritten in the file, not only unlinked from it.
  const secureDelete = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    return db.transaction(() =>
      paths.reduce((removed, { formId, version, questions }) => {
        const anyText = questions.map(() => 'json_type(answers, ?) IS NOT NULL').join(' OR ');
        const removeTexts = `json_remove(answers, ${questions.map(() => '?').join(', ')})`;
        const result = db
          .prepare(`UPDATE responses SET answers = ${removeTexts} WHERE date < ? AND form_id = ? AND form_version = ? AND (${anyText})`)
          .run(...questions, before, formId, version, ...questions);
        return removed + result.changes;
      }, 0),
    )();
  } finally {
    db.pragma(`secure_delete = ${secureDelete}`);
  }
}
