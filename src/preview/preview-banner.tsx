import { useTranslation } from 'react-i18next';
import type { CommentStatus } from '../sync/comment-sender';

export type PreviewView = 'kiosk' | 'side-by-side';

interface Props {
  view: PreviewView;
  onView: (view: PreviewView) => void;
  /** Set on a question screen: opens that question's comment form. */
  onComment: (() => void) | null;
  /** Set when the preview was opened from a kiosk's staff menu: back to the kiosk. */
  onEnd: (() => void) | null;
  comments: CommentStatus;
  /** Whether comments were written in this preview: then "all sent" is news worth saying. */
  commented: boolean;
}

/** Always on top of the preview: what this is, that nothing is saved, and the reviewer's tools. */
export function PreviewBanner({ view, onView, onComment, onEnd, comments, commented }: Props) {
  const { t } = useTranslation();
  return (
    <div className="preview-banner" role="region" aria-label={t('preview.banner')}>
      <p className="preview-banner__what">{t('preview.banner')}</p>
      <div className="preview-banner__tools">
        <button
          type="button"
          className="button button--quiet preview-banner__button"
          onClick={() => onView(view === 'kiosk' ? 'side-by-side' : 'kiosk')}
        >
          {view === 'kiosk' ? t('preview.allLanguages') : t('preview.asKiosk')}
        </button>
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
      <div className="preview-banner__comments" role="status">
        {comments.waiting ? t('preview.commentsWaiting', { count: comments.waiting }) : null}
        {comments.waiting === 0 && commented ? t('preview.commentsSent') : null}
      </div>
      {comments.refused.length > 0 ? (
        <div className="preview-banner__refused">
          <p>{t('preview.commentRefused')}</p>
          <ul>
            {comments.refused.map(({ comment }) => (
              <li key={comment.id}>{comment.text}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
