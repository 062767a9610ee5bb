import * as z from 'zod/mini';
import { identifier, isChoiceQuestion, type FormDefinition, type Question } from './form-schema';
import { scrubbedLength } from './scrub';
import { isVisible } from './show-if';

/**
 * One answer: an option id (single choice), option ids (multiple choice) or free text. The
 * hard cap leaves room for scrubbing markers; the form's own limit is checked in answerProblem.
 */
export const answer = z.union([z.string().check(z.maxLength(4000)), z.array(identifier).check(z.maxLength(12))]);
export const answers = z.record(identifier, answer);

export type Answer = z.output<typeof answer>;
export type Answers = z.output<typeof answers>;

/** An answer counts only if it says something: no empty text, no empty selection. */
export function isAnswered(value: Answer | null | undefined): value is Answer {
  if (value === undefined || value === null) return false;
  return Array.isArray(value) ? value.length > 0 : value.trim().length > 0;
}

/** Why one answer does not fit its question, or null when it does. */
export function answerProblem(question: Question, value: Answer): string | null {
  if (!isChoiceQuestion(question)) {
    if (typeof value !== 'string') return 'must be text';
    if (value.trim().length === 0) return 'must not be empty';
    // No keyboard types one, and PostgreSQL can neither store it in text nor read it back as JSON.
    if (value.includes('\u0000')) return 'must not contain a null character';
    if (scrubbedLength(value) > question.maxLength) return `must be at most ${question.maxLength} characters`;
    return null;
  }
  const known = new Set(question.options.map((option) => option.id));
  if (question.type === 'multiple-choice') {
    if (!Array.isArray(value)) return 'must be a list of option ids';
    if (value.length === 0) return 'must choose at least one option';
    if (new Set(value).size !== value.length) return 'must not repeat an option';
    const unknown = value.find((id) => !known.has(id));
    if (unknown !== undefined) return `"${unknown}" is not an option of this question`;
    const exclusive = question.options.find((option) => option.exclusive && value.includes(option.id));
    if (exclusive && value.length > 1) return `"${exclusive.id}" cannot be chosen with other options`;
    return null;
  }
  if (typeof value !== 'string') return 'must be one option id';
  if (!known.has(value)) return `"${value}" is not an option of this question`;
  return null;
}

/**
 * Every way the answers do not fit the form: unknown questions, answers that do not fit,
 * answers to questions the show-if rules hide. Empty when they fit.
 */
export function answersProblems(form: FormDefinition, given: Answers): string[] {
  const problems: string[] = [];
  const byId = new Map(form.questions.map((q) => [q.id, q]));
  for (const [id, value] of Object.entries(given)) {
    const question = byId.get(id);
    if (!question) {
      problems.push(`"${id}" is not a question of form ${form.id} version ${form.version}`);
      continue;
    }
    const problem = answerProblem(question, value);
    if (problem) problems.push(`answer to "${id}" ${problem}`);
    else if (!isVisible(question, given)) problems.push(`"${id}" is hidden by its show-if rule and cannot be answered`);
  }
  return problems;
}
