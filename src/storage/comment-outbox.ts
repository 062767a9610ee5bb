import { draftComment, type DraftComment } from '../domain/draft-comment';
import type { RefusalReason } from '../sync/comment-sender';
import { kioskDb, type QueuedComment } from './kiosk-db';

/**
 * Keeps a reviewer's comment until the server has it. Resolves once committed, so the reviewer
 * can be told it is saved even when the device is offline.
 */
export async function addComment(token: string, comment: DraftComment): Promise<void> {
  const valid = draftComment.parse(comment);
  await kioskDb.comments.add({ id: valid.id, token, comment: valid });
}

/** Every comment written under this preview link and not yet delivered, refused ones too. */
export function commentsFor(token: string): Promise<QueuedComment[]> {
  return kioskDb.comments.where('token').equals(token).toArray();
}

/** Deletes what the server has stored: the device keeps only what still waits. */
export async function forgetComments(ids: string[]): Promise<void> {
  await kioskDb.comments.bulkDelete(ids);
}

/** The link no longer works (revoked, or the draft published): keep them with the reason, unsent. */
export async function refuseComments(ids: string[], reason: RefusalReason): Promise<void> {
  await kioskDb.comments.bulkUpdate(ids.map((id) => ({ key: id, changes: { refused: reason } })));
}

/** The preview links that comments were written under and not all delivered: for the kiosk to finish sending. */
export async function tokensWithComments(): Promise<string[]> {
  const waiting = await kioskDb.comments.filter((queued) => queued.refused === undefined).toArray();
  return [...new Set(waiting.map((queued) => queued.token))];
}
