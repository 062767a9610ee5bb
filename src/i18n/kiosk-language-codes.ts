// Only the "language" part of each kiosk resource file (a name), so the coordinator's area can
// tell which languages the kiosk has screen texts for without loading the texts themselves.
const files = import.meta.glob<{ name: string }>('./locales/*.json', { eager: true, import: 'language' });

/** The languages the kiosk has screen texts for. */
export const kioskLanguageCodes: string[] = Object.keys(files).map((path) => path.replace(/^.*\/(.+)\.json$/, '$1'));

/** A language's name in the reader's language ("pohjoissaame" to a Finnish reader), else its code. */
export function languageNameIn(code: string, readerLanguage: string): string {
  try {
    return new Intl.DisplayNames([readerLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
