import i18next, { type Resource, type ResourceLanguage } from 'i18next';
import fi from './locales/fi.json';

/** The language the kiosk starts in and returns to after every visitor. */
export const DEFAULT_LANGUAGE = 'fi';

// The start screen carries only its own language. Each other language is a JSON file of its own,
// precached like the rest, fetched when a visitor picks it. The file name is the language code:
// adding a language is adding one file here and its name below.
const others = import.meta.glob<string>(['./locales/*.json', '!./locales/fi.json'], { eager: true, query: '?url', import: 'default' });
const codeOf = (path: string) => path.replace(/^.*\/(.+)\.json$/, '$1');

export const defaultResources: Resource = { [DEFAULT_LANGUAGE]: { translation: fi } };

// The official languages first, in the order the centre uses them; any added language after.
const PREFERRED_ORDER = ['fi', 'sv', 'en'];
const rank = (code: string) => {
  const i = PREFERRED_ORDER.indexOf(code);
  return i < 0 ? PREFERRED_ORDER.length : i;
};

export const uiLanguages: string[] = [DEFAULT_LANGUAGE, ...Object.keys(others).map(codeOf)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

// Each language's name in that language, for the language switch, before its texts are loaded.
// A unit test holds these to the "language.name" of each file.
const NAMES: Record<string, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English', se: 'Davvisámegiella' };

/** Each language's name in that language ("Suomi", "Svenska"), for the language switch. */
export function languageName(code: string): string {
  return NAMES[code] ?? code;
}

/** The texts of one language, from its file (the service worker's cache when offline). */
async function textsOf(code: string): Promise<ResourceLanguage> {
  if (code === DEFAULT_LANGUAGE) return fi;
  const url = others[`./locales/${code}.json`];
  if (!url) throw new Error(`No kiosk texts in "${code}"`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The texts in "${code}" could not be loaded (${response.status})`);
  return (await response.json()) as ResourceLanguage;
}

/** Makes a language's texts available to i18next; at once when they already are. */
export async function loadLanguage(code: string): Promise<void> {
  if (i18next.hasResourceBundle(code, 'translation')) return;
  i18next.addResourceBundle(code, 'translation', await textsOf(code), true, false);
}

let wanted = 0;

/**
 * Shows the kiosk in another language, once its texts are there. The last call wins: a switch
 * whose texts arrive after a later switch (or after the reset to Finnish for the next person) is
 * dropped, so a slow file never changes the language under someone.
 */
export async function switchLanguage(code: string): Promise<void> {
  const ticket = (wanted += 1);
  // Texts already here switch at once, in this same turn (the reset for the next person does).
  if (!i18next.hasResourceBundle(code, 'translation')) await loadLanguage(code);
  if (ticket === wanted) await i18next.changeLanguage(code);
}
