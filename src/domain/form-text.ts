import type { ChoiceQuestion, FormDefinition, LocalizedText, Question } from './form-schema';

/**
 * Reading a form that has already been validated. Nothing here imports the schema itself (zod),
 * so the kiosk's start screen can show a form without loading the validator.
 */

/** The languages a kiosk may show: those of the form whose wording has been reviewed. */
export function shownLanguages(form: Pick<FormDefinition, 'languages' | 'reviewed'>): string[] {
  return form.languages.filter((language) => !form.reviewed || form.reviewed.includes(language));
}

export function isChoiceQuestion(q: Question): q is ChoiceQuestion {
  return q.type !== 'free-text';
}

/** The text in the wanted language; the form's first language if it lacks one. */
export function localize(text: LocalizedText, language: string, form: Pick<FormDefinition, 'languages'>): string {
  return text[language] ?? text[form.languages[0] ?? ''] ?? '';
}
