import { MAX_COMMENTS_PER_REQUEST, type CommentsAnswer } from '../domain/draft-comment';
import type { ErrorAnswer } from '../domain/sync-protocol';
import type { QueuedComment } from '../storage/kiosk-db';
import { retryDelay, UNREACHABLE_RETRY_CAP_MS } from './timing';

/** What the sender needs from storage (src/storage/comment-outbox in the app, a fake in tests). */
export interface CommentStore {
  commentsFor(token: string): Promise<QueuedComment[]>;
  forgetComments(ids: string[]): Promise<void>;
  refuseComments(ids: string[], reason: RefusalReason): Promise<void>;
  /** The link no longer works: what the device kept for it (the draft) can go. */
  linkEnded?(token: string): Promise<void>;
}

/** Why the server will never take a comment: the link's review is over, or the comment is not valid. */
export type RefusalReason = 'ended' | 'invalid';

/** A reason kept by an earlier version was the server's own words, always about an ended link. */
export const refusalReason = (kept: string): RefusalReason => (kept === 'invalid' ? 'invalid' : 'ended');

export interface CommentStatus {
  /** Comments saved on this device and not yet delivered; null until first counted. */
  waiting: number | null;
  /** Their ids, for the page to say of one comment whether it still waits. */
  waitingIds: string[];
  /** Comments the server would not take, and why. */
  refused: { comment: QueuedComment['comment']; reason: RefusalReason }[];
  /** The ids of the comments this sender has delivered since the page opened (the "sent" news). */
  sent: string[];
  /** Set while the last attempt failed and a retry is scheduled. */
  retrying: boolean;
}

/** The status before anything was counted. */
export const NO_COMMENTS: CommentStatus = { waiting: null, waitingIds: [], refused: [], sent: [], retrying: false };

export interface CommentSenderDeps {
  token: string;
  store: CommentStore;
  fetch: typeof fetch;
  random: () => number;
  setTimer: (run: () => void, ms: number) => () => void;
}

/**
 * Delivers a reviewer's comments written under one preview link: at once when online, again
 * after a failure with jittered back-off (at most a minute apart), and whenever asked (the
 * browser's `online` event). Comments are about a draft's wording, not a visitor's answers,
 * so, unlike responses, they may go as soon as they are written.
 */
export function createCommentSender(deps: CommentSenderDeps) {
  const { token, store } = deps;
  let status = NO_COMMENTS;
  const listeners = new Set<(status: CommentStatus) => void>();
  let failuresInARow = 0;
  let cancelRetry: (() => void) | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const update = (change: Partial<CommentStatus>) => {
    status = { ...status, ...change };
    for (const listener of listeners) listener(status);
  };

  async function count() {
    const all = await store.commentsFor(token);
    const waiting = all.filter((queued) => queued.refused === undefined);
    update({
      waiting: waiting.length,
      waitingIds: waiting.map((queued) => queued.id),
      refused: all.flatMap((queued) => (queued.refused === undefined ? [] : [{ comment: queued.comment, reason: refusalReason(queued.refused) }])),
    });
    return waiting;
  }

  /** One pass: true when nothing is left to send, false to retry later. */
  async function sendWaiting(): Promise<boolean> {
    for (;;) {
      const waiting = (await count()).slice(0, MAX_COMMENTS_PER_REQUEST);
      if (waiting.length === 0) return true;
      let reply: Response;
      try {
        reply = await deps.fetch(`/api/preview/${token}/comments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ comments: waiting.map((queued) => queued.comment) }),
          cache: 'no-store',
        });
      } catch {
        return false;
      }
      const body = (await reply.json().catch(() => null)) as CommentsAnswer | (ErrorAnswer & { reason?: string }) | null;
      if (reply.ok && body && 'results' in body) {
        const sent = new Set(waiting.map((queued) => queued.id));
        const stored = body.results.map((result) => result.id).filter((id) => sent.has(id));
        await store.forgetComments(stored);
        update({ sent: [...status.sent, ...stored] });
        // An answer that names none of them would send the same again at once: wait instead.
        if (stored.length === 0) return false;
        continue;
      }
      // 404: the link was revoked or the draft published; 400: the server will never take
      // them as they are. Either way resending cannot help: keep them, with the reason. Anything
      // else (429 too many, 5xx, a 404 not from this server) is tried again later.
      // A 404 is the server's word only with its reason: one from a proxy or a maintenance page
      // in front of it says nothing of the link, and is tried again like any other failure.
      const ended = reply.status === 404 && body !== null && 'reason' in body && (body.reason === 'ended' || body.reason === 'unknown');
      if (ended || reply.status === 400) {
        await store.refuseComments(
          waiting.map((queued) => queued.id),
          ended ? 'ended' : 'invalid',
        );
        if (ended) await store.linkEnded?.(token);
        continue;
      }
      return false;
    }
  }

  const cancelTimer = () => {
    cancelRetry?.();
    cancelRetry = null;
  };

  function sendNow(): Promise<void> {
    stopped = false;
    if (running) {
      again = true;
      return running;
    }
    cancelTimer();
    running = (async () => {
      let done: boolean;
      do {
        again = false;
        done = await sendWaiting().catch(() => false);
      } while (again && !stopped);
      // One retry at a time, and none once stopped.
      cancelTimer();
      if (done) {
        failuresInARow = 0;
        update({ retrying: false });
      } else if (!stopped) {
        const wait = retryDelay(failuresInARow, deps.random, UNREACHABLE_RETRY_CAP_MS);
        failuresInARow += 1;
        update({ retrying: true });
        cancelRetry = deps.setTimer(() => void sendNow(), wait);
      }
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    sendNow,
    status: () => status,
    subscribe(listener: (status: CommentStatus) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** No more retries (the page is leaving); a later sendNow starts again. */
    stop() {
      stopped = true;
      cancelTimer();
    },
  };
}

export type CommentSender = ReturnType<typeof createCommentSender>;
