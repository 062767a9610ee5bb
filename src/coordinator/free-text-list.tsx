import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FreeTextList as List } from '../domain/coordinator-api';
import type { DashboardQuery } from '../domain/dashboard-query';
import type { formLabels } from '../domain/form-labels';
import { api, messageOf } from './api';

type Text = List['texts'][number];

/**
 * The free texts of the range (from whole weeks that have ended, with five or more responses in
 * all and in the text's language, in random order), each with a way to redact one that still
 * identifies someone: removed for good from every view and download. How many wrote something
 * is counted from this list, never from the dashboard's counts, which can be of a single day,
 * language or version.
 */
export function FreeTextList({ query, labels }: { query: DashboardQuery; labels: ReturnType<typeof formLabels> }) {
  const { t } = useTranslation();
  const [texts, setTexts] = useState<Text[] | null>(null);
  const [covers, setCovers] = useState<List['covers'] | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // Where keyboard focus goes when the button that had it disappears.
  const messageRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => messageRef.current?.focus(), [message]);

  useEffect(() => {
    api.freeTexts(query).then(
      (answer) => {
        setTexts(answer.texts);
        setCovers(answer.covers);
      },
      (failure: unknown) => setMessage({ ok: false, text: messageOf(failure) }),
    );
  }, [query]);

  // Per free-text question in the form's order (then any other the list has), how many it lists.
  const wrote = useMemo(() => {
    const counts = new Map(labels.questionIds.filter((id) => labels.type(id) === 'free-text').map((id) => [id, 0]));
    for (const text of texts ?? []) counts.set(text.question, (counts.get(text.question) ?? 0) + 1);
    return [...counts];
  }, [texts, labels]);

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
      <p>{t('dashboard.freeTextsThisWeek')}</p>
      {covers ? <p>{t('dashboard.freeTextWeeks', { from: covers.from, to: covers.to, weeks: covers.weeks, shown: covers.weeksShown })}</p> : null}
      {texts ? (
        <ul>
          {wrote.map(([question, count]) => (
            <li key={question}>{t('dashboard.wrote', { question: labels.question(question), count })}</li>
          ))}
        </ul>
      ) : null}
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
              <p className="free-texts__question">{labels.question(text.question)}</p>
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
