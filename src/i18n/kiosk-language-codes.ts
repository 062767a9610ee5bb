import { shippedLanguageName } from './language-names';

// Only the "language" part of each kiosk resource file (a name), so the coordinator's area can
// tell which languages the kiosk has screen texts for without loading the texts themselves.
const files = import.meta.glob<{ name: string }>('./locales/*.json', { eager: true, import: 'language' });

/** The languages the kiosk has screen texts for. */
export const kioskLanguageCodes: string[] = Object.keys(files).map((path) => path.replace(/^.*\/(.+)\.json$/, '$1'));

/**
 * A language's name in the reader's language ("pohjoissaame" to a Finnish reader): from the
 * product's own table for its languages, else the browser's (a form may be in any language),
 * else its code.
 */
export function languageNameIn(code: string, readerLanguage: string): string {
  const shipped = shippedLanguageName(code, readerLanguage);
  if (shipped) return shipped;
  try {
    return new Intl.DisplayNames([readerLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    // Not a well-formed language tag (a RangeError): the code is the best name there is.
    return code;
  }
}
