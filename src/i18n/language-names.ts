/**
 * The names of the languages the product has texts in, in each of those languages: the kiosk's
 * (locales/), the preview's (preview/) and the coordinator's (coordinator/). Written as each
 * language writes a language's name mid-sentence: lower-case but in English.
 *
 * Shipped rather than asked of Intl.DisplayNames because browsers differ: some have no Finnish
 * name for Northern Sámi and show its code. Only the coordinator's area reads this; the kiosk's
 * language switch uses each language's own name from languages.ts, which stays apart so the
 * start screen carries four names, not sixteen.
 */
const NAMES: Record<string, Record<string, string>> = {
  fi: { fi: 'suomi', sv: 'ruotsi', en: 'englanti', se: 'pohjoissaame' },
  sv: { fi: 'finska', sv: 'svenska', en: 'engelska', se: 'nordsamiska' },
  en: { fi: 'Finnish', sv: 'Swedish', en: 'English', se: 'Northern Sámi' },
  se: { fi: 'suomagiella', sv: 'ruoŧagiella', en: 'eaŋgalsgiella', se: 'davvisámegiella' },
};

/** The languages named here, which are also the languages they are named in. */
export const namedLanguages: string[] = Object.keys(NAMES);

/** A language's name for a reader ("pohjoissaame" to a Finnish reader), if it is in the table. */
export function shippedLanguageName(code: string, readerLanguage: string): string | undefined {
  // A reader's tag may carry a region (fi-FI); the names do not depend on it.
  const reader = readerLanguage.toLowerCase().split(/[-_]/)[0] ?? '';
  return NAMES[reader]?.[code];
}
