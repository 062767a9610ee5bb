import './preview.css';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addPreviewTexts } from '../i18n/preview-setup';
import { DEFAULT_LANGUAGE, loadLanguage, uiLanguages } from '../i18n/languages';
import { useQuietTimer } from '../kiosk/use-quiet-timer';
import { loadDraft, type DraftLoad } from './load-draft';
import { PreviewBanner, type PreviewView } from './preview-banner';
import { PreviewKiosk } from './preview-kiosk';
import { SideBySide } from './side-by-side';
import { useCommentSender } from './use-comment-sender';

/** The preview shows every language side by side: it loads them all before its first screen. */
export async function setUpPreview(): Promise<void> {
  await Promise.all(uiLanguages.map(loadLanguage));
  addPreviewTexts();
}

/** A preview opened from a kiosk that nobody touches goes back to the kiosk after this. */
const KIOSK_PREVIEW_IDLE_MS = 5 * 60_000;

interface Props {
  token: string;
  /** Opened from a kiosk's staff menu: "End the preview" returns to the kiosk, as does idleness. */
  fromKiosk: boolean;
}

/**
 * The developer-client's preview of a draft: the kiosk exactly as visitors will see it, in
 * every language of the draft (reviewed or not), under a banner that says answers are not
 * saved; or every text side by side with plain-language hints and comments.
 */
export default function PreviewApp({ token, fromKiosk }: Props) {
  const { t, i18n } = useTranslation();
  const [load, setLoad] = useState<DraftLoad>({ state: 'loading' });
  const [view, setView] = useState<PreviewView>('kiosk');
  const [question, setQuestion] = useState<string | null>(null);
  const [commentOn, setCommentOn] = useState<string | null>(null);
  const [commented, setCommented] = useState(false);
  const { sender, status } = useCommentSender(token);

  useEffect(() => {
    void loadDraft(token).then(setLoad);
  }, [token]);
  const reload = () => {
    setLoad({ state: 'loading' });
    void loadDraft(token).then(setLoad);
  };

  const end = useCallback(() => {
    void i18n.changeLanguage(DEFAULT_LANGUAGE);
    location.replace('/');
  }, [i18n]);
  useQuietTimer(fromKiosk ? KIOSK_PREVIEW_IDLE_MS : null, end);

  if (load.state !== 'ready') {
    return (
      <div className="preview">
        <PreviewBanner view={view} onView={setView} onComment={null} onEnd={fromKiosk ? end : null} comments={status} commented={commented} />
        <main className="preview__message">
          {load.state === 'loading' ? (
            <p role="status">{t('preview.loading')}</p>
          ) : (
            <>
              <h1>{load.reason === 'not-working' ? t('preview.notWorking') : t('preview.unreachable')}</h1>
              {load.reason === 'unreachable' ? (
                <button type="button" className="button button--primary" onClick={reload}>
                  {t('preview.tryAgain')}
                </button>
              ) : null}
            </>
          )}
        </main>
      </div>
    );
  }

  // Every language of the draft the kiosk has screens for, reviewed or not: reviewing is why.
  const languages = uiLanguages.filter((code) => load.form.languages.includes(code));
  return (
    <div className="preview">
      <PreviewBanner
        view={view}
        onView={(next) => {
          setCommentOn(null);
          setView(next);
        }}
        onComment={
          view === 'kiosk' && question
            ? () => {
                setCommentOn(question);
                setView('side-by-side');
              }
            : null
        }
        onEnd={fromKiosk ? end : null}
        comments={status}
        commented={commented}
      />
      {view === 'kiosk' ? (
        <PreviewKiosk form={load.form} languages={languages} onQuestionShown={setQuestion} />
      ) : (
        <SideBySide
          form={load.form}
          check={load.check}
          token={token}
          commentOn={commentOn}
          onCommentSaved={() => {
            setCommented(true);
            void sender.sendNow();
          }}
        />
      )}
    </div>
  );
}
