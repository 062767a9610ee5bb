import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize, shownLanguages, type FormDefinition } from '../domain/form-schema';
import type { KioskNotice } from '../domain/notice';
import { plainVerdict, textHints } from '../domain/readability';
import { languageNameIn } from '../i18n/kiosk-language-codes';
import type { CommentStatus } from '../sync/comment-sender';
import { CommentForm } from './comment-form';
import { CommentStateLine } from './preview-banner';
import { labelOf, reviewPages, textIn, type ReviewPage, type ReviewText } from './review-texts';

interface Props {
  form: FormDefinition;
  /** A notice's link: its notice is the only text to review. */
  notices: KioskNotice[];
  /** The languages the kiosk shows this draft in. */
  languages: string[];
  token: string;
  /** The page to open at (the screen the kiosk view showed). */
  startAt: string;
  comments: CommentStatus;
  onCommentSaved: () => void;
  /** Opens the full table of every text and score, for coordinators; null where there is none. */
  onTable: (() => void) | null;
}

/**
 * The reviewer's plain view of every text: one screen at a time, each text with its languages
 * under each other and a plain word for how easy it reads, and a comment button on each. The
 * full table with the scores stays a tap away for coordinators.
 */
export function TextsView({ form, notices, languages, token, startAt, comments, onCommentSaved, onTable }: Props) {
  const { t, i18n } = useTranslation();
  const pages = reviewPages(form, notices);
  const [index, setIndex] = useState(() => Math.max(0, pages.findIndex((page) => page.id === startAt)));
  const page = pages[index]!;
  const [open, setOpen] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ key: string; id: string } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [index]);
  // A closed comment form gives the focus back to the button that opened it.
  const [closed, setClosed] = useState<string | null>(null);
  useEffect(() => {
    if (closed) document.getElementById(`comment-on-${closed}`)?.focus();
  }, [closed]);
  const reviewed = new Set(shownLanguages(form));

  const go = (next: number) => {
    setOpen(null);
    setSaved(null);
    setIndex(next);
  };

  return (
    <main className="texts-view">
      <nav className="texts-view__nav" aria-label={t('texts.pages')}>
        <button type="button" className="button button--secondary" disabled={index === 0} onClick={() => go(index - 1)}>
          {t('texts.previous')}
        </button>
        <span className="texts-view__where">{t('texts.pageOf', { page: index + 1, pages: pages.length })}</span>
        <button type="button" className="button button--secondary" disabled={index === pages.length - 1} onClick={() => go(index + 1)}>
          {t('texts.next')}
        </button>
      </nav>
      <h1 ref={heading} tabIndex={-1}>
        {headingOf(page, form, i18n.language, t)}
      </h1>
      {page.texts.map((text) => (
        <section key={text.key} className="texts-view__text" aria-labelledby={`text-${text.key}`}>
          <h2 id={`text-${text.key}`}>{labelOf(text, t)}</h2>
          <ul className="texts-view__languages">
            {languages.map((code) => (
              <LanguageLine key={code} text={text} code={code} reviewed={reviewed.has(code)} />
            ))}
          </ul>
          {open === text.key ? (
            <CommentForm
              texts={[text]}
              languages={languages}
              initialLanguage={i18n.language}
              token={token}
              onCancel={() => {
                setOpen(null);
                setClosed(text.key);
              }}
              onSaved={(id) => {
                setOpen(null);
                setClosed(text.key);
                setSaved({ key: text.key, id });
                onCommentSaved();
              }}
            />
          ) : (
            <button
              id={`comment-on-${text.key}`}
              type="button"
              className="button button--secondary"
              onClick={() => {
                setSaved(null);
                setClosed(null);
                setOpen(text.key);
              }}
            >
              {t('texts.comment')}
            </button>
          )}
          {saved?.key === text.key ? <CommentStateLine id={saved.id} comments={comments} /> : null}
        </section>
      ))}
      {index < pages.length - 1 ? (
        <p>
          <button type="button" className="button button--primary" onClick={() => go(index + 1)}>
            {t('texts.next')}
          </button>
        </p>
      ) : null}
      {onTable ? (
        <p className="texts-view__table">
          <button type="button" className="button button--quiet" onClick={onTable}>
            {t('texts.table')}
          </button>
        </p>
      ) : null}
    </main>
  );
}

/** One language's wording of a text, with a plain word for how it reads. */
function LanguageLine({ text, code, reviewed }: { text: ReviewText; code: string; reviewed: boolean }) {
  const { t, i18n } = useTranslation();
  const value = textIn(text, code, t);
  const verdict = value ? plainVerdict(textHints(value, code)) : null;
  return (
    <li className="texts-view__language">
      <span className="texts-view__language-name">
        {languageNameIn(code, i18n.language)}
        {reviewed ? null : <span className="side-by-side__not-reviewed"> ({t('preview.notReviewed')})</span>}
      </span>
      {value ? (
        <>
          <span lang={code} className="texts-view__wording">
            {value}
          </span>
          <span className={`texts-view__verdict texts-view__verdict--${verdict}`}>{t(`texts.verdict.${verdict}`)}</span>
        </>
      ) : (
        <span className="side-by-side__missing">{t('preview.missing')}</span>
      )}
    </li>
  );
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

function headingOf(page: ReviewPage, form: FormDefinition, language: string, t: Translate): string {
  if (page.question) {
    const number = form.questions.findIndex((question) => question.id === page.question!.id) + 1;
    return `${t('preview.questionNumber', { number })}: ${localize(page.question.title, language, form)}`;
  }
  return t(`texts.screen.${page.screen}`);
}
