import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_COMMENT_LENGTH } from '../domain/draft-comment';
import { randomUuidV4 } from '../domain/random-id';
import { scrubFreeText } from '../domain/scrub';
import { languageNameIn } from '../i18n/kiosk-language-codes';
import { addComment } from '../storage/comment-outbox';
import { labelOf, textIn, type ReviewText } from './review-texts';

interface Props {
  /** The texts the comment may be about; with one, it is about that one and no choice is shown. */
  texts: ReviewText[];
  /** The text chosen to begin with (its key). */
  initial?: string;
  /** The languages the comment may be about, and the one chosen to begin with. */
  languages: string[];
  initialLanguage: string;
  token: string;
  /** Called with the comment's id once it is kept on this device; the sender takes it from there. */
  onSaved: (id: string) => void;
  onCancel: () => void;
}

const SHORTEN_AT = 60;
const shortened = (text: string) => (text.length > SHORTEN_AT ? `${text.slice(0, SHORTEN_AT - 1)}…` : text);

/**
 * A comment on the wording of one text (a question, an option, the form's title, one of the
 * kiosk's own texts) in one language. Saved on the device first, so it is kept even offline,
 * then sent with the preview link.
 */
export function CommentForm({ texts, initial, languages, initialLanguage, token, onSaved, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const [target, setTarget] = useState(initial ?? texts[0]!.key);
  const [language, setLanguage] = useState(languages.includes(initialLanguage) ? initialLanguage : languages[0]!);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const hintId = useId();
  const problemId = useId();
  // The form opens where the reviewer asked for it: its first field takes the focus.
  const first = useRef<HTMLSelectElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => (first.current ?? area.current)?.focus(), []);

  const save = async () => {
    if (text.trim() === '') {
      setProblem(t('comment.empty'));
      return;
    }
    const about = texts.find((candidate) => candidate.key === target) ?? texts[0]!;
    const id = randomUuidV4();
    try {
      await addComment(token, { id, ...about.target, language, text: scrubFreeText(text.trim()) });
      onSaved(id);
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
      {texts.length > 1 ? (
        <label className="field">
          <span>{t('comment.about')}</span>
          <select ref={first} value={target} onChange={(event) => setTarget(event.target.value)}>
            {texts.map((candidate) => (
              <option key={candidate.key} value={candidate.key}>
                {labelOf(candidate, t)}: {shortened(textIn(candidate, i18n.language, t) ?? textIn(candidate, languages[0]!, t) ?? '')}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {languages.length > 1 ? (
        <label className="field">
          <span>{t('comment.language')}</span>
          <select ref={texts.length > 1 ? undefined : first} value={language} onChange={(event) => setLanguage(event.target.value)}>
            {languages.map((code) => (
              <option key={code} value={code}>
                {languageNameIn(code, i18n.language)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="field">
        <span>{t('comment.text')}</span>
        <textarea
          ref={area}
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
