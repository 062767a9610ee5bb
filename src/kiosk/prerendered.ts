import type { FormDefinition } from '../domain/form-schema';
import { localize, shownLanguages } from '../domain/form-text';
import type { KioskSetup } from '../domain/kiosk-setup';
import { localDay } from '../domain/local-day';
import { currentNotices } from '../domain/notice-text';
import { isOpen } from '../domain/opening-times';
import { DEFAULT_LANGUAGE } from '../i18n/languages';

/**
 * Whether the kept setup gives the start screen index.html was prerendered with (the bundled
 * form's, open, no notice): the same title in the kiosk's first language, the same languages to
 * choose from, no notice today and open now. Only then can React take over that markup without a
 * mismatch.
 */
export function showsTheSameStartScreen(setup: KioskSetup, bundled: FormDefinition, now: Date): boolean {
  const startOf = (form: FormDefinition) => JSON.stringify([localize(form.title, DEFAULT_LANGUAGE, form), shownLanguages(form)]);
  return startOf(setup.form) === startOf(bundled) && currentNotices(setup.notices, localDay(now).date).length === 0 && isOpen(setup.openingHours, now);
}
