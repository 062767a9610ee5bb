import * as z from 'zod/mini';
import { answers, isAnswered, type Answers } from './answers';
import { identifier, isChoiceQuestion, languageCode, type FormDefinition } from './form-schema';
import { localDay, PARTS_OF_DAY } from './local-day';
import { scrubFreeText } from './scrub';
import { keepVisibleAnswers } from './show-if';

/**
 * One visitor's feedback, exactly what is stored and sent: no person, device, IP or precise
 * time (anonymity rules). The id is a random UUIDv4, which carries no timestamp.
 */
export const feedbackResponse = z.strictObject({
  id: z.uuidv4(),
  formId: identifier,
  formVersion: z.int().check(z.gte(1)),
  language: languageCode,
  date: z.iso.date(),
  partOfDay: z.enum(PARTS_OF_DAY),
  answers: answers.check(z.refine((value) => Object.keys(value).length > 0, 'a response needs at least one answer')),
});

export type FeedbackResponse = z.output<typeof feedbackResponse>;

/** A response as the server stores it: with the unit of the kiosk it came from, which the server adds. */
export type UnitResponse = FeedbackResponse & { unitId: string };

export interface ResponseContext {
  form: FormDefinition;
  language: string;
  now: Date;
  newId: () => string;
}

/**
 * Turns what a visitor gave into a response, or null when nothing was answered (the form
 * counts as abandoned and nothing is stored). Answers to questions that are hidden now are
 * dropped, and free text is scrubbed here, before anything is written.
 */
export function buildResponse(given: Answers, { form, language, now, newId }: ResponseContext): FeedbackResponse | null {
  const kept: Answers = {};
  const visible = keepVisibleAnswers(form, given);
  for (const question of form.questions) {
    const value = visible[question.id];
    if (!isAnswered(value)) continue;
    kept[question.id] = isChoiceQuestion(question) || Array.isArray(value) ? value : scrubFreeText(value.trim());
  }
  if (Object.keys(kept).length === 0) return null;
  return feedbackResponse.parse({
    id: newId(),
    formId: form.id,
    formVersion: form.version,
    language,
    ...localDay(now),
    answers: kept,
  });
}
