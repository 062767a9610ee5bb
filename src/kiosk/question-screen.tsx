import { useRef } from 'react';
import { Controller, type Control, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Answers } from '../domain/answers';
import { isChoiceQuestion, localize, type FormDefinition, type Question } from '../domain/form-schema';
import { ChoiceList } from '../ui/choice-list';
import { Face } from '../ui/face';
import { MoreBelowCue } from '../ui/more-below-cue';
import { Picture } from '../ui/picture';
import { sentencesForSpeech } from '../ui/speech';
import { useHeadingFocus } from '../ui/use-heading-focus';

interface Props {
  form: FormDefinition;
  question: Question;
  control: Control<Answers>;
  register: UseFormRegister<Answers>;
  freeTextLength: number;
}

/** What read-aloud says for a question: the question, its help, the warning or the answers. */
export function questionSpeech(form: FormDefinition, question: Question, language: string, freeTextWarning: string): string {
  const text = (value: Record<string, string>) => localize(value, language, form);
  return sentencesForSpeech([
    text(question.title),
    question.help && text(question.help),
    question.type === 'free-text' ? freeTextWarning : undefined,
    ...(isChoiceQuestion(question) ? question.options.map((option) => text(option.label)) : []),
  ]);
}

/** One question on one screen, in the current language. */
export function QuestionScreen({ form, question, control, register, freeTextLength }: Props) {
  const { t, i18n } = useTranslation();
  const text = (value: Record<string, string>) => localize(value, i18n.language, form);
  const heading = useHeadingFocus<HTMLHeadingElement>(question.id);
  const titleId = `question-${question.id}`;
  const helpId = question.help ? `help-${question.id}` : undefined;
  const options = useRef<HTMLDivElement>(null);

  return (
    <section className="question" aria-labelledby={titleId}>
      <div className="question__heading">
        {question.picture ? <Picture name={question.picture} className="picture picture--question" /> : null}
        <h1 id={titleId} ref={heading} tabIndex={-1}>
          {text(question.title)}
        </h1>
      </div>
      {question.help ? (
        <p id={helpId} className="question__help">
          {text(question.help)}
        </p>
      ) : null}
      {isChoiceQuestion(question) ? (
        <>
          <Controller
            name={question.id}
            control={control}
            render={({ field }) => (
              <ChoiceList
                ref={options}
                name={question.id}
                labelledBy={titleId}
                describedBy={helpId}
                multiple={question.type === 'multiple-choice'}
                variant={question.type === 'face-scale' ? 'faces' : 'cards'}
                value={field.value}
                onChange={field.onChange}
                items={question.options.map((option, i) => ({
                  id: option.id,
                  label: text(option.label),
                  exclusive: option.exclusive,
                  picture:
                    question.type === 'face-scale' ? (
                      <Face value={i + 1} />
                    ) : option.picture ? (
                      <Picture name={option.picture} />
                    ) : undefined,
                }))}
              />
            )}
          />
          <MoreBelowCue end={options} label={t('question.moreBelow')} />
        </>
      ) : (
        <div className="free-text">
          <p id={`warning-${question.id}`} className="free-text__warning">
            {t('question.freeTextWarning')}
          </p>
          <p id={`optional-${question.id}`}>{t('question.freeTextOptional')}</p>
          <textarea
            className="free-text__input"
            aria-labelledby={titleId}
            aria-describedby={`warning-${question.id} optional-${question.id} left-${question.id}`}
            maxLength={question.maxLength}
            rows={4}
            // Shared tablet: no autofill memory, no spelling dictionary learning what people write.
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="sentences"
            spellCheck={false}
            {...register(question.id)}
          />
          <p id={`left-${question.id}`} className="free-text__count">
            {t('question.charactersLeft', { count: question.maxLength - freeTextLength })}
          </p>
        </div>
      )}
    </section>
  );
}
