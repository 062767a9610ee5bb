import type { FormDefinition } from '../domain/form-schema';

/**
 * Labels for questions and options, from the newest version that has them, in the coordinator's
 * language when the form has it, else in the form's first language.
 */
export function formLabels(versions: FormDefinition[], language: string) {
  const pick = (text: Record<string, string>, form: FormDefinition) => text[language] ?? text[form.languages[0]!] ?? '';
  const questions = new Map<string, string>();
  const options = new Map<string, string>();
  const types = new Map<string, string>();
  for (const form of versions) {
    for (const question of form.questions) {
      questions.set(question.id, pick(question.title, form));
      types.set(question.id, question.type);
      if ('options' in question) for (const option of question.options) options.set(`${question.id}/${option.id}`, pick(option.label, form));
    }
  }
  return {
    /** Question ids in the newest version's order, then those only older versions had. */
    questionIds: orderedQuestions(versions),
    question: (id: string) => questions.get(id) ?? id,
    option: (question: string, id: string) => options.get(`${question}/${id}`) ?? id,
    type: (id: string) => types.get(id),
  };
}

function orderedQuestions(versions: FormDefinition[]): string[] {
  const ids: string[] = [];
  for (const form of [...versions].reverse()) for (const question of form.questions) if (!ids.includes(question.id)) ids.push(question.id);
  return ids;
}

/** A question's options in the newest version's order, then those only older versions had. */
export function orderedOptions(versions: FormDefinition[], questionId: string): string[] {
  const ids: string[] = [];
  for (const form of [...versions].reverse()) {
    const question = form.questions.find((q) => q.id === questionId);
    if (question && 'options' in question) for (const option of question.options) if (!ids.includes(option.id)) ids.push(option.id);
  }
  return ids;
}
