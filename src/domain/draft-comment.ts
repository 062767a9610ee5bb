import * as z from 'zod/mini';
import { identifier, languageCode } from './form-schema';
import { scrubFreeText } from './scrub';

/** At most this many comments in one request; a reviewer writes a few at a time. */
export const MAX_COMMENTS_PER_REQUEST = 50;
export const MAX_COMMENT_LENGTH = 1000;

/**
 * The kiosk's own texts, screen by screen, as keys of its locale files: a reviewer may comment
 * on any of them (the Sámi reviewer is asked to check exactly these). A unit test holds every
 * key to the Finnish file. Plural keys are named without their ending.
 */
export const KIOSK_SCREEN_TEXTS = {
  start: [
    'start.intro',
    'start.anonymous',
    'start.giveFeedback',
    'notices.label',
    'notices.pause',
    'start.privacy',
    'start.accessibility',
    'header.languages',
    'header.readAloud',
  ],
  question: [
    'question.progress',
    'question.back',
    'question.skip',
    'question.next',
    'question.moreBelow',
    'question.freeTextWarning',
    'question.freeTextOptional',
    'question.charactersLeft',
  ],
  review: ['review.heading', 'review.body', 'review.nothingAnswered', 'review.send', 'review.failed', 'review.tryAgain'],
  thanks: ['thanks.heading', 'thanks.body', 'thanks.returning'],
  idle: ['idle.heading', 'idle.body', 'idle.secondsLeft', 'idle.continue'],
  closed: ['closed.heading', 'closed.body', 'closed.opensToday', 'closed.opensOn'],
  privacy: ['privacy.heading', 'privacy.anonymous', 'privacy.stored', 'privacy.freeText', 'privacy.send', 'privacy.use', 'privacy.results', 'info.backToStart'],
  accessibility: [
    'accessibility.heading',
    'accessibility.scope',
    'accessibility.status',
    'accessibility.features',
    'accessibility.limits',
    'accessibility.feedback',
    'accessibility.enforcement',
  ],
} as const;
export type KioskScreen = keyof typeof KIOSK_SCREEN_TEXTS;
export type KioskTextKey = (typeof KIOSK_SCREEN_TEXTS)[KioskScreen][number];

/** The form's own title, shown on the start screen; the other parts are the kiosk's texts. */
export const FORM_TITLE_PART = 'form.title';
export const COMMENT_PARTS: readonly string[] = [FORM_TITLE_PART, ...Object.values(KIOSK_SCREEN_TEXTS).flat()];

/** The screen a kiosk text is on. */
export function screenOf(part: string): KioskScreen | undefined {
  return (Object.keys(KIOSK_SCREEN_TEXTS) as KioskScreen[]).find((screen) => (KIOSK_SCREEN_TEXTS[screen] as readonly string[]).includes(part));
}

/**
 * A reviewer's comment on the wording of a question, of one option of it, of the form's title,
 * of one of the kiosk's own texts (`part`), or of a notice, in one language. The id is a random UUIDv4 made
 * on the device, so a comment queued offline and sent twice is stored once. Like a free-text
 * answer it is scrubbed of identity codes, phone numbers and e-mail addresses before it is kept.
 */
export const draftComment = z
  .strictObject({
    id: z.uuidv4(),
    question: z.optional(identifier),
    option: z.optional(identifier),
    part: z.optional(z.enum(COMMENT_PARTS as [string, ...string[]])),
    /** A notice shown on the start screen, previewed before it is published. */
    notice: z.optional(z.uuidv4()),
    language: languageCode,
    text: z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(MAX_COMMENT_LENGTH)),
  })
  .check(
    z.refine((comment) => [comment.question, comment.part, comment.notice].filter((about) => about !== undefined).length === 1, {
      message: 'a comment is about a question, a part of the kiosk or a notice, exactly one',
    }),
    z.refine((comment) => comment.option === undefined || comment.question !== undefined, { message: 'an option belongs to a question' }),
  );
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
