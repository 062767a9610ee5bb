import { cleanComment, type DraftComment, type ReceivedComment } from '../../src/domain/draft-comment';
import { localDay } from '../../src/domain/local-day';
import { inTransaction, type Database } from './database';
import { NOTICE_TARGET_PREFIX, noticeTarget } from './notices';

// A comment on the form's title or a kiosk text is kept as "text:" and the part's key; question
// ids are letters, digits and hyphens, so no question's target can start so.
const PART_PREFIX = 'text:';

/** Where a comment belongs, as one column: "question", "question/option", "text:part" or "notice:id". */
function targetOf(comment: DraftComment): string {
  if (comment.notice) return noticeTarget(comment.notice);
  if (comment.part) return `${PART_PREFIX}${comment.part}`;
  return comment.option ? `${comment.question}/${comment.option}` : comment.question!;
}

/**
 * Stores reviewers' comments on a form's draft, each id at most once, in one transaction:
 * a comment resent after a lost answer is "duplicate", not a second copy. Only the date of
 * arrival is kept: a comment written at a kiosk goes at once, and its minute could point to
 * whoever stood there.
 */
export function addComments(db: Database, formId: string, comments: DraftComment[], now: Date): Promise<{ id: string; status: 'accepted' | 'duplicate' }[]> {
  return inTransaction(db, async (trx) => {
    const results: { id: string; status: 'accepted' | 'duplicate' }[] = [];
    for (const comment of comments) {
      const clean = cleanComment(comment);
      const target = targetOf(clean);
      const result = await trx.q
        .insertInto('draft_comments')
        .values({ id: clean.id, form_id: formId, target, language: clean.language, text: clean.text, created_at: localDay(now).date })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      results.push({ id: clean.id, status: result.numInsertedOrUpdatedRows === 1n ? 'accepted' : 'duplicate' });
    }
    return results;
  });
}

const commentQuery = (db: Database) =>
  db.q.selectFrom('draft_comments').select(['id', 'target', 'language', 'text', 'created_at as receivedAt', 'done_at as doneAt', 'done_by as doneBy']);
type CommentQuery = ReturnType<typeof commentQuery>;

/**
 * A form's comments, those still to deal with first, then by day, newest first, and within a
 * day by their random id: the order in which they arrived is kept nowhere (the table has no
 * rowid either), so it cannot show.
 */
export async function commentsOf(db: Database, formId: string): Promise<ReceivedComment[]> {
  // Comments on a notice are read beside the notice (noticeComments), not the form's draft.
  return received(commentQuery(db).where('form_id', '=', formId).where('target', 'not like', `${NOTICE_TARGET_PREFIX}%`));
}

/** The comments on a notice, in the same order as a form's. */
export async function noticeComments(db: Database, noticeId: string): Promise<ReceivedComment[]> {
  return received(commentQuery(db).where('target', '=', noticeTarget(noticeId)));
}

async function received(query: CommentQuery): Promise<ReceivedComment[]> {
  const rows = await query
    .orderBy((eb) => eb('done_at', 'is not', null))
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(({ target, ...row }) => {
    if (target.startsWith(NOTICE_TARGET_PREFIX)) return { ...row, notice: target.slice(NOTICE_TARGET_PREFIX.length) };
    if (target.startsWith(PART_PREFIX)) return { ...row, part: target.slice(PART_PREFIX.length) };
    const [question, option] = target.split('/');
    return { ...row, question: question!, ...(option ? { option } : {}) };
  });
}

/**
 * Marks a comment dealt with (or not, to undo); false if the form (or the notice) has no such
 * comment.
 */
export async function markCommentDone(db: Database, about: { formId: string } | { noticeId: string }, id: string, done: boolean, by: string, now: Date): Promise<boolean> {
  const result = await db.q
    .updateTable('draft_comments')
    .set(done ? { done_at: now.toISOString(), done_by: by } : { done_at: null, done_by: null })
    .where('id', '=', id)
    .where((eb) =>
      'formId' in about
        ? eb.and([eb('form_id', '=', about.formId), eb('target', 'not like', `${NOTICE_TARGET_PREFIX}%`)])
        : eb('target', '=', noticeTarget(about.noticeId)),
    )
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
