import { cleanComment, type DraftComment, type ReceivedComment } from '../../src/domain/draft-comment';
import { localDay } from '../../src/domain/local-day';
import type { Database } from './database';

/**
 * Stores reviewers' comments on a form's draft, each id at most once, in one transaction:
 * a comment resent after a lost answer is "duplicate", not a second copy. Only the date of
 * arrival is kept: a comment written at a kiosk goes at once, and its minute could point to
 * whoever stood there.
 */
export function addComments(db: Database, formId: string, comments: DraftComment[], now: Date): { id: string; status: 'accepted' | 'duplicate' }[] {
  const insert = db.prepare(
    'INSERT INTO draft_comments (id, form_id, target, language, text, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
  );
  return db.transaction(() =>
    comments.map((comment) => {
      const clean = cleanComment(comment);
      const target = clean.option ? `${clean.question}/${clean.option}` : clean.question;
      const added = insert.run(clean.id, formId, target, clean.language, clean.text, localDay(now).date).changes === 1;
      return { id: clean.id, status: added ? ('accepted' as const) : ('duplicate' as const) };
    }),
  )();
}

/**
 * A form's comments, those still to deal with first, then by day, newest first, and within a
 * day by their random id: the order in which they arrived is kept nowhere (the table has no
 * rowid either), so it cannot show.
 */
export function commentsOf(db: Database, formId: string): ReceivedComment[] {
  const rows = db
    .prepare(
      `SELECT id, target, language, text, created_at AS receivedAt, done_at AS doneAt, done_by AS doneBy
       FROM draft_comments WHERE form_id = ? ORDER BY done_at IS NOT NULL, created_at DESC, id`,
    )
    .all(formId) as (Omit<ReceivedComment, 'question' | 'option'> & { target: string })[];
  return rows.map(({ target, ...row }) => {
    const [question, option] = target.split('/');
    return { ...row, question: question!, ...(option ? { option } : {}) };
  });
}

/** Marks a comment dealt with (or not, to undo); false if the form has no such comment. */
export function markCommentDone(db: Database, formId: string, id: string, done: boolean, by: string, now: Date): boolean {
  const result = done
    ? db.prepare('UPDATE draft_comments SET done_at = ?, done_by = ? WHERE form_id = ? AND id = ?').run(now.toISOString(), by, formId, id)
    : db.prepare('UPDATE draft_comments SET done_at = NULL, done_by = NULL WHERE form_id = ? AND id = ?').run(formId, id);
  return result.changes === 1;
}
