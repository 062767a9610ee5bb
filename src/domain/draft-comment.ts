import * as z from 'zod/mini';
import { identifier, languageCode } from './form-schema';
import { scrubFreeText } from './scrub';

/** At most this many comments in one request; a reviewer writes a few at a time. */
export const MAX_COMMENTS_PER_REQUEST = 50;
export const MAX_COMMENT_LENGTH = 1000;

/**
 * A reviewer's comment on the wording of a question, or of one option of it, in one language.
 * The id is a random UUIDv4 made on the device, so a comment queued offline and sent twice is
 * stored once. Like a free-text answer it is scrubbed of identity codes, phone numbers and
 * e-mail addresses before it is kept.
 */
export const draftComment = z.strictObject({
  id: z.uuidv4(),
  question: identifier,
  option: z.optional(identifier),
  language: languageCode,
  text: z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(MAX_COMMENT_LENGTH)),
});
export type DraftComment = z.output<typeof draftComment>;

export const commentsRequest = z.strictObject({
  comments: z.array(draftComment).check(z.minLength(1), z.maxLength(MAX_COMMENTS_PER_REQUEST)),
});

export const commentsAnswer = z.strictObject({
  results: z.array(z.strictObject({ id: z.string(), status: z.enum(['accepted', 'duplicate']) })),
});
export type CommentsAnswer = z.output<typeof commentsAnswer>;

/** A comment as a coordinator sees it beside the draft. */
export interface ReceivedComment extends Omit<DraftComment, 'id'> {
  id: string;
  receivedAt: string;
  doneAt: string | null;
  doneBy: string | null;
}

/** The comment as it is kept: trimmed and scrubbed. */
export function cleanComment(comment: DraftComment): DraftComment {
  return { ...comment, text: scrubFreeText(comment.text.trim()) };
}
