import type { FormDefinition } from '../domain/form-schema';
import { localize, shownLanguages } from '../domain/form-text';
import { DEFAULT_LANGUAGE } from '../i18n/languages';

/**
 * Whether two forms give the same start screen: the same title in the kiosk's first language and
 * the same languages to choose from. Only then can React take over the start screen that
 * index.html was prerendered with (the bundled form's) without a mismatch.
 */
export function showsTheSameStartScreen(a: FormDefinition, b: FormDefinition): boolean {
  const startOf = (form: FormDefinition) => JSON.stringify([localize(form.title, DEFAULT_LANGUAGE, form), shownLanguages(form)]);
  return startOf(a) === startOf(b);
}
