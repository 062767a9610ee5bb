import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isAnswered, type Answers } from '../domain/answers';
import type { FormDefinition } from '../domain/form-schema';
import { randomUuidV4 } from '../domain/random-id';
import { buildResponse } from '../domain/response';
import { keepVisibleAnswers, nextQuestionIndex, previousQuestionIndex, visibleQuestions } from '../domain/show-if';
import { addResponse } from '../storage/outbox';
import { sentencesForSpeech } from '../ui/speech';
import { KioskFrame } from './kiosk-frame';
import { QuestionScreen, questionSpeech } from './question-screen';
import { SEND_ARMS_AFTER_MS, SHOW_SAVING_AFTER_MS } from './timing';
import { useHeadingFocus } from '../ui/use-heading-focus';

interface Props {
  form: FormDefinition;
  languages: string[];
  /** `stored` is false when nothing was answered: the form then counts as abandoned. */
  onFinished: (outcome: { stored: boolean }) => void;
  /** Back from the first question; `answered` tells whether answers are being dropped. */
  onLeave: (outcome: { answered: boolean }) => void;
  /** A preview of a draft: the answers are dropped at Send, never built into a response or stored. */
  preview?: boolean;
  /** Told which question is on screen (null on the last page), for the preview's comments. */
  onQuestionShown?: (questionId: string | null) => void;
}

type Step = number | 'review';
type SendState = 'ready' | 'saving' | 'failed';

/**
 * One visitor's way through the form. The answers live only in this component's form state:
 * never in storage, URL or history, so unmounting it (after Send or an idle reset) leaves
 * nothing for the next person.
 */
export function Visit({ form, languages, onFinished, onLeave, preview = false, onQuestionShown }: Props) {
  const { t, i18n } = useTranslation();
  const { control, register, getValues, setValue } = useForm<Answers>({ defaultValues: {} });
  // Unanswered questions are undefined here; every domain function treats them as unanswered.
  const answers = useWatch({ control }) as Answers;
  const [step, setStep] = useState<Step>(() => nextQuestionIndex(form, {}, -1) ?? 'review');
  const [sendState, setSendState] = useState<SendState>('ready');
  // A ref, not state: a double tap fires twice before React re-renders.
  const sending = useRef(false);
  // Send sits where Next was: the second tap of a double tap on Next must not send.
  const [sendArmed, setSendArmed] = useState(false);
  useEffect(() => {
    if (step !== 'review') return;
    const timer = window.setTimeout(() => setSendArmed(true), SEND_ARMS_AFTER_MS);
    return () => {
      window.clearTimeout(timer);
      setSendArmed(false);
    };
  }, [step]);

  const shownQuestion = step === 'review' ? null : (form.questions[step]?.id ?? null);
  useEffect(() => {
    onQuestionShown?.(shownQuestion);
  }, [onQuestionShown, shownQuestion]);

  const visible = visibleQuestions(form, answers);
  const goNext = (from: number) => setStep(nextQuestionIndex(form, getValues(), from) ?? 'review');
  const goBack = () => {
    const previous = previousQuestionIndex(form, getValues(), step === 'review' ? form.questions.length : step);
    if (previous === null) onLeave({ answered: Object.values(keepVisibleAnswers(form, getValues())).some(isAnswered) });
    else setStep(previous);
  };

  async function send(event: MouseEvent) {
    if (sending.current) return;
    sending.current = true;
    if (preview) {
      onFinished({ stored: false });
      return;
    }
    const tappedAt = event.timeStamp;
    // "Saving…" only if the write is slow: re-rendering now would make the browser paint a
    // frame before it delivers the commit, doubling the wait for nothing.
    const showSaving = window.setTimeout(() => setSendState('saving'), SHOW_SAVING_AFTER_MS);
    let stored: boolean;
    try {
      const response = buildResponse(getValues(), { form, language: i18n.language, now: new Date(), newId: randomUuidV4 });
      stored = response !== null;
      if (response) await addResponse(response);
    } catch (error) {
      // The answers stay in this component; the visitor can try again or ask the staff.
      console.error('The response could not be stored:', error instanceof Error ? error.name : error);
      sending.current = false;
      setSendState('failed');
      return;
    } finally {
      window.clearTimeout(showSaving);
    }
    if (stored) {
      // Tap-to-durable for the benchmark, which observes it as it is made. Cleared at once:
      // a list of exact times of every Send must not pile up in the page.
      performance.measure('kiosk:send-to-durable', { start: tappedAt });
      performance.clearMeasures('kiosk:send-to-durable');
    }
    onFinished({ stored });
  }

  if (step === 'review') {
    const anything = Object.values(keepVisibleAnswers(form, answers)).some(isAnswered);
    return (
      <KioskFrame
        languages={languages}
        speech={sentencesForSpeech([t('review.heading'), anything ? t('review.body') : t('review.nothingAnswered')])}
        footer={
          <>
            <button key="back" type="button" className="button button--secondary" onClick={goBack}>
              {t('question.back')}
            </button>
            <button
              key="send"
              type="button"
              className="button button--primary button--wide"
              onClick={(event) => void send(event)}
              disabled={!sendArmed || sendState === 'saving'}
            >
              {sendState === 'saving' ? t('review.saving') : sendState === 'failed' ? t('review.tryAgain') : t('review.send')}
            </button>
          </>
        }
      >
        <Review anything={anything} failed={sendState === 'failed'} />
      </KioskFrame>
    );
  }

  const question = form.questions[step]!;
  const position = visible.findIndex((q) => q.id === question.id) + 1;
  const answered = isAnswered(answers[question.id]);
  const freeText = answers[question.id];

  return (
    <KioskFrame
      languages={languages}
      speech={questionSpeech(form, question, i18n.language, t('question.freeTextWarning'))}
      footer={
        <>
          <button key="back" type="button" className="button button--secondary" onClick={goBack}>
            {t('question.back')}
          </button>
          {question.required ? null : (
            <button
              key="skip"
              type="button"
              className="button button--secondary"
              onClick={() => {
                setValue(question.id, question.type === 'multiple-choice' ? [] : '');
                goNext(step);
              }}
            >
              {t('question.skip')}
            </button>
          )}
          <button
            key="next"
            type="button"
            className="button button--primary button--wide"
            disabled={question.required && !answered}
            onClick={() => goNext(step)}
          >
            {t('question.next')}
          </button>
        </>
      }
    >
      <div className="progress">
        <p className="progress__text">{t('question.progress', { current: position, total: visible.length })}</p>
        <progress className="progress__bar" max={visible.length} value={position} aria-hidden="true" />
      </div>
      <QuestionScreen
        key={question.id}
        form={form}
        question={question}
        control={control}
        register={register}
        freeTextLength={typeof freeText === 'string' ? freeText.length : 0}
      />
    </KioskFrame>
  );
}

function Review({ anything, failed }: { anything: boolean; failed: boolean }) {
  const { t } = useTranslation();
  const heading = useHeadingFocus<HTMLHeadingElement>('review');
  return (
    <div className="review">
      <h1 ref={heading} tabIndex={-1}>
        {t('review.heading')}
      </h1>
      <p>{anything ? t('review.body') : t('review.nothingAnswered')}</p>
      {failed ? (
        <p className="review__failed" role="alert">
          {t('review.failed')}
        </p>
      ) : null}
    </div>
  );
}
