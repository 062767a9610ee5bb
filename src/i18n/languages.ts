import type { Resource, ResourceLanguage } from 'i18next';

/** The language the kiosk starts in and returns to after every visitor. */
export const DEFAULT_LANGUAGE = 'fi';

// The file name is the language code: adding a language is adding one file here.
const files = import.meta.glob<ResourceLanguage>('./locales/*.json', { eager: true, import: 'default' });

export const resources: Resource = Object.fromEntries(
  Object.entries(files).map(([path, strings]) => [path.replace(/^.*\/(.+)\.json$/, '$1'), { translation: strings }]),
);

// The official languages first, in the order the centre uses them; any added language after.
const PREFERRED_ORDER = ['fi', 'sv', 'en'];
const rank = (code: string) => {
  const i = PREFERRED_ORDER.indexOf(code);
  return i < 0 ? PREFERRED_ORDER.length : i;
};

export const uiLanguages: string[] = Object.keys(resources).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

/** Each language's name in that language ("Suomi", "Svenska"), for the language switch. */
export function languageName(code: string): string {
  const strings = resources[code]?.translation as { language?: { name?: string } } | undefined;
  return strings?.language?.name ?? code;
}
