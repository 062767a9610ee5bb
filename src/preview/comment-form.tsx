import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_COMMENT_LENGTH } from '../domain/draft-comment';
import { isChoiceQuestion, localize, type FormDefinition, type Question } from '../domain/form-schema';
import { randomUuidV4 } from '../domain/random-id';
import { scrubFreeText } from '../domain/scrub';
import { languageName } from '../i18n/languages';
import { addComment } from '../storage/comment-outbox';

interface Props {
  form: FormDefinition;
  question: Question;
  token: string;
  /** Called once the comment is kept on this device; the sender takes it from there. */
  onSaved: () => void;
  onCancel: () => void;
}

/**
 * A comment on the wording of one question or one of its options, in one language. Saved on
 * the device first, so it is kept even offline, then sent with the preview link.
 */
export function CommentForm({ form, question, token, onSaved, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const [target, setTarget] = useState('');
  const [language, setLanguage] = useState(form.languages.includes(i18n.language) ? i18n.language : form.languages[0]!);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const hintId = useId();
  const problemId = useId();
  // The form opens where the reviewer asked for it: its first field takes the focus.
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);

  const save = async () => {
    if (text.trim() === '') {
      setProblem(t('comment.empty'));
      return;
    }
    try {
      await addComment(token, {
        id: randomUuidV4(),
        question: question.id,
        ...(target ? { option: target } : {}),
        language,
        text: scrubFreeText(text.trim()),
      });
      onSaved();
    } catch (error) {
      console.error('The comment could not be saved:', error instanceof Error ? error.name : error);
      setProblem(t('comment.failed'));
    }
  };

  return (
    <form
      className="comment-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label className="field">
        <span>{t('comment.about')}</span>
        <select ref={first} value={target} onChange={(event) => setTarget(event.target.value)}>
          <option value="">{t('comment.theQuestion')}</option>
          {isChoiceQuestion(question)
            ? question.options.map((option) => (
                <option key={option.id} value={option.id}>
                  {t('comment.theOption', { label: localize(option.label, i18n.language, form) })}
                </option>
              ))
            : null}
        </select>
      </label>
      <label className="field">
        <span>{t('comment.language')}</span>
        <select value={language} onChange={(event) => setLanguage(event.target.value)}>
          {form.languages.map((code) => (
            <option key={code} value={code} lang={code}>
              {languageName(code)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('comment.text')}</span>
        <textarea
          value={text}
          rows={3}
          maxLength={MAX_COMMENT_LENGTH}
          aria-describedby={problem ? `${hintId} ${problemId}` : hintId}
          aria-invalid={problem ? true : undefined}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
        />
      </label>
      <p id={hintId} className="comment-form__hint">
        {t('comment.textHint')} {t('question.freeTextWarning')}
      </p>
      {problem ? (
        <p id={problemId} className="comment-form__problem" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="comment-form__buttons">
        <button type="submit" className="button button--primary">
          {t('comment.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('comment.cancel')}
        </button>
      </div>
    </form>
  );
}
