import { commentsFor, forgetComments, refuseComments } from '../storage/comment-outbox';
import { forgetDraft } from '../storage/preview-draft';
import { browserFetch } from './browser-fetch';
import { browserTimer } from './browser-timer';
import { createCommentSender, type CommentSender } from './comment-sender';

/** The sender of one preview link's comments, on the device's IndexedDB, network and clock. */
export function browserCommentSender(token: string): CommentSender {
  return createCommentSender({
    token,
    store: { commentsFor, forgetComments, refuseComments, linkEnded: forgetDraft },
    fetch: browserFetch,
    random: Math.random,
    setTimer: browserTimer,
  });
}
