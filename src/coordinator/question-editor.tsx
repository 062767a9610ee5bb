import { useTranslation } from 'react-i18next';
import type { FormHistory } from '../domain/draft';
import type { ReceivedComment } from '../domain/draft-comment';
import {
  addOption,
  canMoveQuestion,
  hasFixedOptions,
  moveOption,
  moveQuestion,
  removeOption,
  removeQuestion,
  setExclusive,
  setShowIf,
  setText,
  showIfCandidates,
} from '../domain/draft-editing';
import { isChoiceQuestion, localize, type FormDefinition, type Question } from '../domain/form-schema';
import { CommentList } from './comment-list';
import { LocalizedFields } from './localized-fields';

interface Props {
  draft: FormDefinition;
  history: FormHistory;
  question: Question;
  number: number;
  unreviewed: Set<string>;
  comments: ReceivedComment[];
  onChange: (next: FormDefinition) => void;
  onMarkDone: (comment: ReceivedComment, done: boolean) => void;
}

/** One question of a draft: its texts in every language, options, order, show-if, and the comments on it. */
export function QuestionEditor({ draft, history, question, number, unreviewed, comments, onChange, onMarkDone }: Props) {
  const { t, i18n } = useTranslation();
  const candidates = showIfCandidates(draft, question.id);
  const leader = question.showIf ? draft.questions.find((q) => q.id === question.showIf!.question) : undefined;
  const fixed = hasFixedOptions(question.type);

  return (
    <section className="question-editor" aria-labelledby={`editor-${question.id}`}>
      <div className="question-editor__head">
        <h3 id={`editor-${question.id}`}>
          {t('drafts.question', { number })}: {t(`drafts.types.${question.type}`)}
        </h3>
        <p className="hint">{t('drafts.questionId', { id: question.id })}</p>
        <div className="question-editor__tools">
          <button type="button" disabled={!canMoveQuestion(draft, question.id, -1)} onClick={() => onChange(moveQuestion(draft, question.id, -1))}>
            {t('drafts.questionUp', { number })}
          </button>
          <button type="button" disabled={!canMoveQuestion(draft, question.id, 1)} onClick={() => onChange(moveQuestion(draft, question.id, 1))}>
            {t('drafts.questionDown', { number })}
          </button>
          <button type="button" className="danger" onClick={() => onChange(removeQuestion(draft, question.id))}>
            {t('drafts.removeQuestion', { number })}
          </button>
        </div>
      </div>

      {(['title', 'help'] as const).map((kind) => (
        <LocalizedFields
          key={kind}
          legend={t(`drafts.${kind}`)}
          text={question[kind]}
          languages={draft.languages}
          unreviewed={unreviewed}
          multiline
          required={kind === 'title'}
          onChange={(language, value) => onChange(setText(draft, { kind, question: question.id }, language, value))}
        />
      ))}

      {isChoiceQuestion(question) ? (
        <div className="question-editor__options">
          <h4>{t('drafts.options')}</h4>
          {fixed ? <p className="hint">{t('drafts.fixedOptions')}</p> : null}
          <ol>
            {question.options.map((option, oi) => (
              <li key={option.id}>
                <LocalizedFields
                  legend={`${t('drafts.option', { number: oi + 1 })} (${option.id})`}
                  text={option.label}
                  languages={draft.languages}
                  unreviewed={unreviewed}
                  onChange={(language, value) =>
                    onChange(setText(draft, { kind: 'option', question: question.id, option: option.id }, language, value))
                  }
                />
                {question.type === 'multiple-choice' ? (
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={option.exclusive === true}
                      onChange={(event) => onChange(setExclusive(draft, question.id, option.id, event.target.checked))}
                    />{' '}
                    {t('drafts.exclusive')}
                  </label>
                ) : null}
                {fixed ? null : (
                  <div className="question-editor__tools">
                    <button type="button" disabled={oi === 0} onClick={() => onChange(moveOption(draft, question.id, option.id, -1))}>
                      {t('drafts.optionUp', { number: oi + 1 })}
                    </button>
                    <button
                      type="button"
                      disabled={oi === question.options.length - 1}
                      onClick={() => onChange(moveOption(draft, question.id, option.id, 1))}
                    >
                      {t('drafts.optionDown', { number: oi + 1 })}
                    </button>
                    <button type="button" className="danger" onClick={() => onChange(removeOption(draft, question.id, option.id))}>
                      {t('drafts.removeOption', { number: oi + 1 })}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ol>
          {fixed ? null : (
            <button type="button" onClick={() => onChange(addOption(draft, question.id, history))}>
              {t('drafts.addOption')}
            </button>
          )}
        </div>
      ) : null}

      <fieldset className="question-editor__show-if">
        <legend>{t('drafts.showIf')}</legend>
        <label className="field">
          <span>{t('drafts.showIf')}</span>
          <select
            value={question.showIf?.question ?? ''}
            onChange={(event) => onChange(setShowIf(draft, question.id, event.target.value ? { question: event.target.value, anyOf: [] } : null))}
          >
            <option value="">{t('drafts.always')}</option>
            {/* A rule the draft came with that no longer fits still shows, so it can be changed. */}
            {question.showIf && !candidates.some((candidate) => candidate.id === question.showIf!.question) ? (
              <option value={question.showIf.question}>{question.showIf.question}</option>
            ) : null}
            {candidates.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {t('drafts.showIfQuestion', { number: draft.questions.indexOf(candidate) + 1 })}: {localize(candidate.title, i18n.language, draft)}
              </option>
            ))}
          </select>
        </label>
        {question.showIf && leader && isChoiceQuestion(leader) ? (
          <div role="group" aria-label={t('drafts.showIfOptions')}>
            <p>{t('drafts.showIfOptions')}</p>
            {leader.options.map((option) => (
              <label key={option.id} className="check">
                <input
                  type="checkbox"
                  checked={question.showIf!.anyOf.includes(option.id)}
                  onChange={(event) => {
                    const anyOf = event.target.checked
                      ? [...question.showIf!.anyOf, option.id]
                      : question.showIf!.anyOf.filter((id) => id !== option.id);
                    onChange(setShowIf(draft, question.id, { question: leader.id, anyOf }));
                  }}
                />{' '}
                {localize(option.label, i18n.language, draft)}
              </label>
            ))}
          </div>
        ) : null}
      </fieldset>

      {comments.length > 0 ? <CommentList comments={comments} draft={draft} onMarkDone={onMarkDone} /> : null}
    </section>
  );
}
