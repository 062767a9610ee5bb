import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardQuery } from '../domain/dashboard-query';
import { api, messageOf } from './api';

interface Text {
  id: string;
  question: string;
  text: string;
}

/**
 * The free texts of the range (from weeks of five or more, in random order), each with a way to
 * redact one that still identifies someone: removed for good from every view and download.
 */
export function FreeTextList({ query, questionLabel }: { query: DashboardQuery; questionLabel: (id: string) => string }) {
  const { t } = useTranslation();
  const [texts, setTexts] = useState<Text[] | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // Where keyboard focus goes when the button that had it disappears.
  const messageRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => messageRef.current?.focus(), [message]);

  useEffect(() => {
    api.freeTexts(query).then(
      (answer) => setTexts(answer.texts),
      (failure: unknown) => setMessage({ ok: false, text: messageOf(failure) }),
    );
  }, [query]);

  const redact = async (text: Text) => {
    try {
      await api.redact(query.form, text.id, text.question);
      setTexts((shown) => (shown ?? []).filter((t) => !(t.id === text.id && t.question === text.question)));
      setMessage({ ok: true, text: t('dashboard.redacted') });
    } catch (failure) {
      setMessage({ ok: false, text: messageOf(failure) });
    }
    setConfirming(null);
  };

  return (
    <section aria-labelledby="free-texts-heading">
      <h2 id="free-texts-heading">{t('dashboard.freeTexts')}</h2>
      <p>{t('dashboard.freeTextsIntro')}</p>
      {message ? (
        <p ref={messageRef} tabIndex={-1} role={message.ok ? 'status' : 'alert'} className={message.ok ? undefined : 'error'}>
          {message.text}
        </p>
      ) : null}
      {texts && texts.length === 0 ? <p>{t('dashboard.noTexts')}</p> : null}
      <ul className="free-texts">
        {(texts ?? []).map((text) => {
          const key = `${text.id}/${text.question}`;
          return (
            <li key={key}>
              <p className="free-texts__question">{questionLabel(text.question)}</p>
              <blockquote>{text.text}</blockquote>
              {confirming === key ? (
                <div role="group" aria-label={t('dashboard.confirmRedact')} className="actions">
                  <span>{t('dashboard.confirmRedact')}</span>
                  {/* The confirmation takes the place, and the focus, of the button that opened it. */}
                  <button type="button" className="primary" autoFocus onClick={() => void redact(text)}>
                    {t('dashboard.redactForGood')}
                  </button>
                  <button type="button" onClick={() => setConfirming(null)}>
                    {t('dayLog.cancel')}
                  </button>
                </div>
              ) : (
                <button type="button" onClick={() => setConfirming(key)}>
                  {t('dashboard.redact')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
