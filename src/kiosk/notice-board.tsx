import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskNotice } from '../domain/notice';
import { noticeText } from '../domain/notice-text';
import { NOTICE_CHANGE_MS } from './timing';

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
 * instead of a text that changes under them.
 */
export function NoticeBoard({ notices, fallbacks }: Props) {
  const { t, i18n } = useTranslation();
  const [turn, setTurn] = useState(0);
  const many = notices.length > 1;
  useEffect(() => {
    if (!many) return;
    const timer = window.setInterval(() => setTurn((n) => n + 1), NOTICE_CHANGE_MS);
    return () => window.clearInterval(timer);
  }, [many]);
  if (notices.length === 0) return null;
  const shown = turn % notices.length;
  const textOf = (notice: KioskNotice) => noticeText(notice.texts, i18n.language, fallbacks);
  return (
    <section className="notices" aria-label={t('notices.label')}>
      <ul className="visually-hidden">
        {notices.map((notice) => (
          <li key={notice.id}>{textOf(notice)}</li>
        ))}
      </ul>
      <div className="notices__stack" aria-hidden="true">
        {notices.map((notice, i) => (
          <p key={notice.id} className="notices__text" data-shown={i === shown || undefined}>
            {textOf(notice)}
          </p>
        ))}
      </div>
      {many ? (
        <p className="notices__count" aria-hidden="true">
          {t('notices.count', { current: shown + 1, total: notices.length })}
        </p>
      ) : null}
    </section>
  );
}
