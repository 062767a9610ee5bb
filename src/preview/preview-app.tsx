import './preview.css';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addPreviewTexts } from '../i18n/preview-setup';
import { DEFAULT_LANGUAGE, loadLanguage, uiLanguages } from '../i18n/languages';
import { useQuietTimer } from '../kiosk/use-quiet-timer';
import { CommentDialog } from './comment-dialog';
import { loadDraft, type DraftLoad, type NoDraft } from './load-draft';
import { PreviewBanner, type PreviewView } from './preview-banner';
import { PreviewKiosk } from './preview-kiosk';
import { pageOf, textsOnScreen, type ReviewText, type ShownScreen } from './review-texts';
import { SideBySide } from './side-by-side';
import { TextsView } from './texts-view';
import { NO_COMMENTS, type CommentStatus } from '../sync/comment-sender';
import { useCommentSender } from './use-comment-sender';

/** The preview shows every language side by side: it loads them all before its first screen. */
export async function setUpPreview(): Promise<void> {
  await Promise.all(uiLanguages.map(loadLanguage));
  addPreviewTexts();
}

/** A preview opened from a kiosk that nobody touches goes back to the kiosk after this. */
const KIOSK_PREVIEW_IDLE_MS = 5 * 60_000;

interface Props {
  /** The token of the link; null when the path under /preview/ holds none (cut short, mistyped). */
  token: string | null;
  /** Opened from a kiosk's staff menu: "End the preview" returns to the kiosk, as does idleness. */
  fromKiosk: boolean;
}

/**
 * The developer-client's preview of a draft: the kiosk exactly as visitors will see it, in
 * every language of the draft (reviewed or not), under a banner that says answers are not
 * saved; or its texts, screen by screen in every language, with a plain word on how each reads
 * and a comment button on each. Every path under /preview/ opens this page, never the kiosk.
 */
export default function PreviewApp({ token, fromKiosk }: Props) {
  const { i18n } = useTranslation();
  const end = useCallback(() => {
    void i18n.changeLanguage(DEFAULT_LANGUAGE);
    location.replace('/');
  }, [i18n]);
  useQuietTimer(fromKiosk ? KIOSK_PREVIEW_IDLE_MS : null, end);
  return token === null ? <NoPreview reason="unknown" onEnd={fromKiosk ? end : null} /> : <Preview token={token} onEnd={fromKiosk ? end : null} />;
}

function Preview({ token, onEnd }: { token: string; onEnd: (() => void) | null }) {
  const { t } = useTranslation();
  const [load, setLoad] = useState<DraftLoad>({ state: 'loading' });
  const [view, setView] = useState<PreviewView>('kiosk');
  const [shown, setShown] = useState<ShownScreen>({ screen: 'start' });
  // The texts of the screen the comment dialog was opened on, while it is open.
  const [commenting, setCommenting] = useState<ReviewText[] | null>(null);
  const { sender, status } = useCommentSender(token);

  useEffect(() => {
    void loadDraft(token).then(setLoad);
  }, [token]);
  // Showing the kept copy, the page asks again once the connection is back: for the newest
  // wording, or to say that the review has ended meanwhile.
  const offline = load.state === 'ready' && load.offline;
  useEffect(() => {
    if (!offline) return;
    const online = () =>
      void loadDraft(token).then((next) => {
        if (next.state === 'ready' ? !next.offline : next.state === 'failed' && next.reason !== 'unreachable') setLoad(next);
      });
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [offline, token]);
  const reload = () => {
    setLoad({ state: 'loading' });
    void loadDraft(token).then(setLoad);
  };
  const commentSaved = () => void sender.sendNow();

  if (load.state !== 'ready') {
    if (load.state === 'failed' && load.reason !== 'unreachable') return <NoPreview reason={load.reason} onEnd={onEnd} comments={status} />;
    return (
      <div className="preview">
        <PreviewBanner view={view} onView={null} onComment={null} onEnd={onEnd} comments={status} />
        <main className="preview__message">
          {load.state === 'loading' ? (
            <p role="status">{t('preview.loading')}</p>
          ) : (
            <>
              <h1>{t('preview.unreachable')}</h1>
              <button type="button" className="button button--primary" onClick={reload}>
                {t('preview.tryAgain')}
              </button>
            </>
          )}
        </main>
      </div>
    );
  }

  const { form, check, notices } = load;
  // Every language of the draft the kiosk has screens for, reviewed or not: reviewing is why.
  const languages = uiLanguages.filter((code) => form.languages.includes(code));
  return (
    <div className="preview">
      <PreviewBanner
        view={view}
        onView={setView}
        onComment={
          view === 'kiosk'
            ? () => setCommenting(textsOnScreen(form, shown, notices))
            : null
        }
        onEnd={onEnd}
        comments={status}
        offline={load.offline}
        notice={notices.length > 0}
      />
      {/* The kiosk stays mounted under the other views: back to it, the reviewer is where they were. */}
      <div className="preview__kiosk" hidden={view !== 'kiosk'}>
        <PreviewKiosk form={form} notices={notices} languages={languages} onScreenShown={setShown} />
      </div>
      {view === 'texts' ? (
        <TextsView
          form={form}
          notices={notices}
          languages={languages}
          token={token}
          startAt={pageOf(shown)}
          comments={status}
          onCommentSaved={commentSaved}
          // The full table is the form's: a notice's link has its texts view alone.
          onTable={notices.length > 0 ? null : () => setView('table')}
        />
      ) : null}
      {view === 'table' ? <SideBySide form={form} check={check} token={token} comments={status} onCommentSaved={commentSaved} /> : null}
      {commenting ? (
        <CommentDialog
          texts={commenting}
          languages={languages}
          token={token}
          onClose={() => setCommenting(null)}
          // The banner says what becomes of it: waiting, sent, or not sent and why.
          onSaved={() => {
            setCommenting(null);
            commentSaved();
          }}
        />
      ) : null}
    </div>
  );
}

/**
 * A link that opens nothing: mistyped or cut short ("check the link, or ask for a new one"), or
 * a review that has ended. The banner still says what became of comments written under it.
 */
function NoPreview({ reason, onEnd, comments = NO_COMMENTS }: { reason: Exclude<NoDraft, 'unreachable'>; onEnd: (() => void) | null; comments?: CommentStatus }) {
  const { t } = useTranslation();
  return (
    <div className="preview">
      <PreviewBanner view="kiosk" onView={null} onComment={null} onEnd={onEnd} comments={comments} />
      <main className="preview__message">
        <h1>{t(`preview.${reason}.heading`)}</h1>
        <p>{t(`preview.${reason}.body`)}</p>
      </main>
    </div>
  );
}
