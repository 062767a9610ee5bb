import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskNotice } from '../domain/notice';
import { noticeLanguage } from '../domain/notice-text';
import { NOTICE_CHANGE_MS, NOTICE_PAUSE_MS } from './timing';

interface Props {
  /** Today's notices, in the order they take turns. */
  notices: KioskNotice[];
  /** The form's languages, for a notice without the visitor's. */
  fallbacks: string[];
}

/**
 * The notices under the start button ("you said, we did"), one at a time, the next every ten
 * seconds. They lie on top of each other in one box as tall as the longest, only the current one
 * visible: a change moves nothing on the screen. Screen readers get them all as one list
 * instead of a text that changes under them. A slow reader can stop the change (WCAG 2.2.2); it
 * starts again after a while, for the next person.
 */
export function NoticeBoard({ notices, fallbacks }: Props) {
  const { t, i18n } = useTranslation();
  const [turn, setTurn] = useState(0);
  const [paused, setPaused] = useState(false);
  const many = notices.length > 1;
  useEffect(() => {
    if (!many || paused) return;
    const timer = window.setInterval(() => setTurn((n) => n + 1), NOTICE_CHANGE_MS);
    return () => window.clearInterval(timer);
  }, [many, paused]);
  useEffect(() => {
    if (!paused) return;
    const timer = window.setTimeout(() => setPaused(false), NOTICE_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [paused]);
  if (notices.length === 0) return null;
  const shown = turn % notices.length;
  // The notice's own language when it lacks the visitor's, said so for screen readers and voices.
  const inLanguage = (notice: KioskNotice) => noticeLanguage(notice.texts, i18n.language, fallbacks);
  const text = (notice: KioskNotice) => {
    const language = inLanguage(notice);
    return { text: notice.texts[language] ?? '', lang: language === i18n.language ? undefined : language };
  };
  return (
    <section className="notices" aria-label={t('notices.label')}>
      <ul className="visually-hidden">
        {notices.map((notice) => (
          <li key={notice.id} lang={text(notice).lang}>
            {text(notice).text}
          </li>
        ))}
      </ul>
      <div className="notices__stack" aria-hidden="true">
        {notices.map((notice, i) => (
          <p key={notice.id} className="notices__text" lang={text(notice).lang} data-shown={i === shown || undefined}>
            {text(notice).text}
          </p>
        ))}
      </div>
      {many ? (
        <div className="notices__turns">
          <p className="notices__count" aria-hidden="true">
            {t('notices.count', { current: shown + 1, total: notices.length })}
          </p>
          <button type="button" className="button button--quiet" aria-pressed={paused} onClick={() => setPaused((now) => !now)}>
            {t('notices.pause')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
