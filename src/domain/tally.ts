import type { Answer } from './answers';
import { isAnswered } from './answers';
import type { FormDefinition } from './form-schema';
import type { AnswerCountRow, ResponseCountRow } from './dashboard';
import type { FeedbackResponse } from './response';

/**
 * The option under which a response that answered a question is counted once, whatever it
 * chose: a multiple choice can hold several options, so its answerers are not the sum of them.
 * A free text is counted only here: that it was written, never what it says.
 */
export const ANSWERED = '*';

export interface Tally {
  question: string;
  option: string;
}

/** What a response adds to the counts: ANSWERED for each answered question, and each chosen option. */
export function tallyOf(form: FormDefinition, response: Pick<FeedbackResponse, 'answers'>): Tally[] {
  const tallies: Tally[] = [];
  for (const question of form.questions) {
    const value: Answer | undefined = response.answers[question.id];
    if (!isAnswered(value)) continue;
    tallies.push({ question: question.id, option: ANSWERED });
    if (question.type !== 'free-text') for (const option of Array.isArray(value) ? value : [value]) tallies.push({ question: question.id, option });
  }
  return tallies;
}

/**
 * The counts a set of responses adds, summed per date, form version, language, question and
 * option: what the server adds to its running counts in the same transaction as the responses.
 */
export function countsOf(
  responses: { form: FormDefinition; response: Pick<FeedbackResponse, 'answers' | 'date' | 'formVersion' | 'language'> }[],
): { answers: AnswerCountRow[]; responses: ResponseCountRow[] } {
  const answers = new Map<string, AnswerCountRow>();
  const totals = new Map<string, ResponseCountRow>();
  for (const { form, response } of responses) {
    const { date, formVersion, language } = response;
    const base = `${date}|${formVersion}|${language}`;
    const total = totals.get(base) ?? { date, formVersion, language, count: 0 };
    total.count += 1;
    totals.set(base, total);
    for (const { question, option } of tallyOf(form, response)) {
      const key = `${base}|${question}|${option}`;
      const row = answers.get(key) ?? { date, formVersion, language, question, option, count: 0 };
      row.count += 1;
      answers.set(key, row);
    }
  }
  return { answers: [...answers.values()], responses: [...totals.values()] };
}
