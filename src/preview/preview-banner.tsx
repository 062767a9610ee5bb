import { useTranslation } from 'react-i18next';
import type { CommentStatus } from '../sync/comment-sender';

export type PreviewView = 'kiosk' | 'texts' | 'table';

interface Props {
  view: PreviewView;
  /** Null while there is no draft to show another view of. */
  onView: ((view: PreviewView) => void) | null;
  /** Set in the kiosk view: opens a comment on what the kiosk shows now. */
  onComment: (() => void) | null;
  /** Set when the preview was opened from a kiosk's staff menu: back to the kiosk. */
  onEnd: (() => void) | null;
  comments: CommentStatus;
  /** Set when the draft shown is the copy kept on this device (no connection). */
  offline?: boolean;
  /** A notice's link says that it shows a notice not yet published, over the form the kiosks show. */
  notice?: boolean;
}

/** Always on top of the preview: what this is, that nothing is saved, and the reviewer's tools. */
export function PreviewBanner({ view, onView, onComment, onEnd, comments, offline = false, notice = false }: Props) {
  const { t } = useTranslation();
  return (
    <div className="preview-banner" role="region" aria-label={t('preview.banner')}>
      <p className="preview-banner__what">{t(notice ? 'preview.noticeBanner' : 'preview.banner')}</p>
      <div className="preview-banner__tools">
        {onView ? (
          <button type="button" className="button button--quiet preview-banner__button" onClick={() => onView(view === 'kiosk' ? 'texts' : 'kiosk')}>
            {view === 'kiosk' ? t('preview.allLanguages') : t('preview.asKiosk')}
          </button>
        ) : null}
        {onComment ? (
          <button type="button" className="button button--quiet preview-banner__button" onClick={onComment}>
            {t('preview.commentHere')}
          </button>
        ) : null}
        {onEnd ? (
          <button type="button" className="button button--quiet preview-banner__button" onClick={onEnd}>
            {t('preview.end')}
          </button>
        ) : null}
      </div>
      {offline ? <p className="preview-banner__offline">{t('preview.keptCopy')}</p> : null}
      <CommentNews comments={comments} />
    </div>
  );
}

/**
 * One true thing about the comments at a time: some could not be sent (and why), some wait for a
 * connection, or those written here have gone. Nothing is said before anything was written.
 */
function CommentNews({ comments }: { comments: CommentStatus }) {
  const { t } = useTranslation();
  const ended = comments.refused.filter((refused) => refused.reason === 'ended');
  const news = comments.refused.length
    ? t(ended.length === comments.refused.length ? 'preview.commentsEnded' : 'preview.commentsRefused', { count: comments.refused.length })
    : comments.waiting
      ? t('preview.commentsWaiting', { count: comments.waiting })
      : comments.sent.length
        ? t('preview.commentsSent', { count: comments.sent.length })
        : null;
  return (
    <div className={comments.refused.length ? 'preview-banner__comments preview-banner__comments--refused' : 'preview-banner__comments'} role="status">
      {news}
      {comments.refused.length > 0 ? (
        <ul>
          {comments.refused.map(({ comment }) => (
            <li key={comment.id}>{comment.text}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** What became of one comment: kept here and waiting, sent, or refused and why. */
export function commentState(id: string, comments: CommentStatus): 'waiting' | 'sent' | 'ended' | 'invalid' {
  const refused = comments.refused.find((entry) => entry.comment.id === id);
  if (refused) return refused.reason;
  return comments.sent.includes(id) ? 'sent' : 'waiting';
}

/** The line under a comment just saved, kept true as it is sent or refused. */
export function CommentStateLine({ id, comments }: { id: string; comments: CommentStatus }) {
  const { t } = useTranslation();
  const state = commentState(id, comments);
  return (
    <p role="status" className={state === 'ended' || state === 'invalid' ? 'comment-state comment-state--refused' : 'comment-state'}>
      {t(`comment.state.${state}`)}
    </p>
  );
}
