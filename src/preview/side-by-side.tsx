import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftCheck } from '../domain/draft';
import { isChoiceQuestion, localize, shownLanguages, type FormDefinition, type LocalizedText } from '../domain/form-schema';
import { languageNameIn } from '../i18n/kiosk-language-codes';
import type { CommentStatus } from '../sync/comment-sender';
import { HintsExplained, TextHints } from '../ui/text-hints';
import { CommentForm } from './comment-form';
import { CommentStateLine } from './preview-banner';
import { reviewPages } from './review-texts';

interface Props {
  form: FormDefinition;
  check: DraftCheck;
  token: string;
  comments: CommentStatus;
  onCommentSaved: () => void;
}

/**
 * Every text of the draft in every language, question by question, in a table with the
 * plain-language scores for each and a comment form for each question and its options: the
 * coordinators' full view (reviewers start from the simpler texts view).
 */
export function SideBySide({ form, check, token, comments, onCommentSaved }: Props) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ question: string; id: string } | null>(null);
  // A closed comment form gives the focus back to the button that opened it.
  const [closed, setClosed] = useState<string | null>(null);
  useEffect(() => {
    if (closed) document.getElementById(`comment-button-${closed}`)?.focus();
  }, [closed]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const pages = reviewPages(form);

  const reviewed = new Set(shownLanguages(form));
  const numberOf = (questionId: string) => form.questions.findIndex((q) => q.id === questionId) + 1;

  const row = (key: string, label: string, text: LocalizedText | undefined) => (
    <tr key={key}>
      <th scope="row">{label}</th>
      {form.languages.map((code) => {
        const value = text?.[code];
        return (
          <td key={code} lang={code}>
            {value ? (
              <>
                <p className="side-by-side__text">{value}</p>
                <TextHints text={value} language={code} />
              </>
            ) : (
              <p className="side-by-side__missing" lang={i18n.language}>
                {t('preview.missing')}
              </p>
            )}
          </td>
        );
      })}
    </tr>
  );

  const head = (
    <thead>
      <tr>
        <th scope="col">{t('preview.part')}</th>
        {form.languages.map((code) => (
          <th key={code} scope="col">
            <span>{languageNameIn(code, i18n.language)}</span>
            {reviewed.has(code) ? null : <span className="side-by-side__not-reviewed"> ({t('preview.notReviewed')})</span>}
          </th>
        ))}
      </tr>
    </thead>
  );

  return (
    <main className="side-by-side">
      <h1 ref={heading} tabIndex={-1}>
        {t('preview.heading')}
      </h1>
      <HintsExplained />
      {check.missingTexts.length > 0 ? <p className="side-by-side__missing">{t('preview.missing')}: {check.missingTexts.length}</p> : null}
      {/* Focusable, so a keyboard can scroll a table wider than the screen. */}
      <div className="side-by-side__table" role="group" aria-label={t('preview.formTitle')} tabIndex={0}>
        <table>
          {head}
          <tbody>{row('title', t('preview.formTitle'), form.title)}</tbody>
        </table>
      </div>
      {form.questions.map((question, qi) => (
        <section key={question.id} id={`draft-question-${question.id}`} className="side-by-side__question" aria-labelledby={`draft-heading-${question.id}`}>
          <h2 id={`draft-heading-${question.id}`}>
            {t('preview.questionNumber', { number: qi + 1 })}: {localize(question.title, i18n.language, form)}
          </h2>
          {question.showIf ? (
            <p>
              {t('preview.showIf', {
                number: numberOf(question.showIf.question),
                options: question.showIf.anyOf
                  .map((optionId) => {
                    const target = form.questions.find((q) => q.id === question.showIf!.question);
                    const option = target && isChoiceQuestion(target) ? target.options.find((o) => o.id === optionId) : undefined;
                    return option ? localize(option.label, i18n.language, form) : optionId;
                  })
                  .join(', '),
              })}
            </p>
          ) : null}
          <div className="side-by-side__table" role="group" aria-labelledby={`draft-heading-${question.id}`} tabIndex={0}>
            <table>
              {head}
              <tbody>
                {row('title', t('preview.title'), question.title)}
                {question.help ? row('help', t('preview.help'), question.help) : null}
                {isChoiceQuestion(question)
                  ? question.options.map((option, oi) => row(`option-${option.id}`, t('preview.option', { number: oi + 1 }), option.label))
                  : null}
              </tbody>
            </table>
          </div>
          {open === question.id ? (
            <CommentForm
              texts={pages.find((page) => page.question?.id === question.id)!.texts}
              languages={form.languages}
              initialLanguage={i18n.language}
              token={token}
              onCancel={() => {
                setOpen(null);
                setClosed(question.id);
              }}
              onSaved={(id) => {
                setOpen(null);
                setClosed(question.id);
                setSaved({ question: question.id, id });
                onCommentSaved();
              }}
            />
          ) : (
            <button
              id={`comment-button-${question.id}`}
              type="button"
              className="button button--secondary"
              onClick={() => {
                setSaved(null);
                setClosed(null);
                setOpen(question.id);
              }}
            >
              {t('preview.commentQuestion')}
            </button>
          )}
          {saved?.question === question.id ? <CommentStateLine id={saved.id} comments={comments} /> : null}
        </section>
      ))}
    </main>
  );
}
