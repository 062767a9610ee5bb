import type { Answers } from './answers';
import type { FormDefinition, Question } from './form-schema';

/** A question without a rule always shows; with one, when an earlier answer chose any of its options. */
export function isVisible(question: Question, answers: Answers): boolean {
  const rule = question.showIf;
  if (!rule) return true;
  const value = answers[rule.question];
  const chosen = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return rule.anyOf.some((optionId) => chosen.includes(optionId));
}

/** The questions the visitor walks through, given what they have answered so far. */
export function visibleQuestions(form: FormDefinition, answers: Answers): Question[] {
  const kept = keepVisibleAnswers(form, answers);
  return form.questions.filter((q) => isVisible(q, kept));
}

/**
 * Drops answers to questions that are hidden now, for example when a visitor said they met
 * someone, answered the follow-ups, then went back and chose "Nobody". Rules refer only to
 * earlier questions, so one pass in form order settles chains of rules.
 */
export function keepVisibleAnswers(form: FormDefinition, answers: Answers): Answers {
  const kept: Answers = {};
  for (const question of form.questions) {
    const value = answers[question.id];
    if (value !== undefined && isVisible(question, kept)) kept[question.id] = value;
  }
  return kept;
}

/** Index in the form of the next visible question after `fromIndex`, or null at the end. */
export function nextQuestionIndex(form: FormDefinition, answers: Answers, fromIndex: number): number | null {
  const kept = keepVisibleAnswers(form, answers);
  for (let i = fromIndex + 1; i < form.questions.length; i++) {
    const question = form.questions[i];
    if (question && isVisible(question, kept)) return i;
  }
  return null;
}

/** Index of the previous visible question before `fromIndex`, or null at the start. */
export function previousQuestionIndex(form: FormDefinition, answers: Answers, fromIndex: number): number | null {
  const kept = keepVisibleAnswers(form, answers);
  for (let i = Math.min(fromIndex, form.questions.length) - 1; i >= 0; i--) {
    const question = form.questions[i];
    if (question && isVisible(question, kept)) return i;
  }
  return null;
}
