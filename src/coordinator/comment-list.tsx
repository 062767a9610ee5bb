import { useTranslation } from 'react-i18next';
import { FORM_TITLE_PART, screenOf, type ReceivedComment } from '../domain/draft-comment';
import { isChoiceQuestion, localize, type FormDefinition } from '../domain/form-schema';
import { languageNameIn } from '../i18n/kiosk-language-codes';
import { dateTimeIn } from './dates';
import { kioskText, useKioskTexts } from './kiosk-texts';

interface Props {
  comments: ReceivedComment[];
  /** The draft the comments are on; absent for a notice's. */
  draft?: FormDefinition;
  onMarkDone: (comment: ReceivedComment, done: boolean) => void;
}

/**
 * Reviewers' comments beside what they are about; each can be marked done, or undone. A comment
 * on one of the kiosk's own texts names its screen and quotes the text in the comment's language.
 */
export function CommentList({ comments, draft, onMarkDone }: Props) {
  const { t, i18n } = useTranslation();
  useKioskTexts(comments.filter((comment) => comment.part && comment.part !== FORM_TITLE_PART).map((comment) => comment.language));
  const when = (iso: string) => dateTimeIn(i18n.language, iso);
  // Comments keep only the day they arrived (YYYY-MM-DD), read as that calendar day.
  const day = (date: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
  const about = (comment: ReceivedComment) => {
    if (comment.notice) return t('drafts.aboutNotice');
    if (comment.part === FORM_TITLE_PART) return t('drafts.aboutFormTitle');
    if (comment.part) {
      const screen = t(`drafts.screen.${screenOf(comment.part) ?? 'other'}`);
      const text = kioskText(comment.part, comment.language);
      return text ? t('drafts.aboutKioskText', { screen, text }) : screen;
    }
    if (!comment.option) return t('drafts.aboutQuestion');
    const question = draft?.questions.find((q) => q.id === comment.question);
    const option = question && isChoiceQuestion(question) ? question.options.find((o) => o.id === comment.option) : undefined;
    return t('drafts.aboutOption', { label: option ? localize(option.label, comment.language, draft!) : comment.option });
  };
  return (
    <div className="comments">
      <h4>{t('drafts.comments')}</h4>
      <ul>
        {comments.map((comment) => (
          <li key={comment.id} className={comment.doneAt ? 'comment comment--done' : 'comment'}>
            <p className="comment__about">
              {about(comment)} · {languageNameIn(comment.language, i18n.language)} · {t('drafts.received', { when: day(comment.receivedAt) })}
            </p>
            <blockquote className="comment__text">{comment.text}</blockquote>
            {comment.doneAt ? <p className="hint">{t('drafts.done', { when: when(comment.doneAt), who: comment.doneBy })}</p> : null}
            <button type="button" onClick={() => onMarkDone(comment, !comment.doneAt)}>
              {comment.doneAt ? t('drafts.markUndone') : t('drafts.markDone')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
