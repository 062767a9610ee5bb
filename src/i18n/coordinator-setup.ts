import i18next from 'i18next';
import type { Resource, ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';

// The coordinator's texts, a file per language like the kiosk's; loaded only by this area.
const files = import.meta.glob<ResourceLanguage>('./coordinator/*.json', { eager: true, import: 'default' });

// The plain-language hints read the same to a coordinator as to a reviewer: one text for both.
const hints = import.meta.glob<ResourceLanguage>('./preview/*.json', { eager: true, import: 'hints' });

export const coordinatorResources: Resource = Object.fromEntries(
  Object.entries(files).map(([path, strings]) => {
    const language = path.replace(/^.*\/(.+)\.json$/, '$1');
    return [language, { translation: { ...strings, hints: hints[`./preview/${language}.json`] } }];
  }),
);

const ORDER = ['fi', 'sv', 'en'];
export const coordinatorLanguages = Object.keys(coordinatorResources).sort(
  (a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b),
);
const STORED = 'coordinator:language';

export function coordinatorLanguageName(code: string): string {
  return (coordinatorResources[code]?.translation as { language?: { name?: string } }).language?.name ?? code;
}

/** i18next with the area's texts in `language`, ready at once (the texts are bundled). */
export function startCoordinatorI18n(language: string): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: coordinatorResources,
    lng: language,
    fallbackLng: 'fi',
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return i18next;
}

/** One of the area's own texts in the coordinator's language, for code outside React (api.ts). */
export const coordinatorText = (key: string, values?: Record<string, string | number>): string => i18next.t(key, values);

/** i18next for the coordinator's area: the language chosen last time, else the browser's, else Finnish. */
export function setUpCoordinatorI18n(): typeof i18next {
  const wanted = [localStorage.getItem(STORED), ...navigator.languages.map((l) => l.slice(0, 2))];
  const language = wanted.find((code) => code && coordinatorLanguages.includes(code)) ?? 'fi';
  startCoordinatorI18n(language);
  document.documentElement.lang = language;
  i18next.on('languageChanged', (code) => {
    document.documentElement.lang = code;
    localStorage.setItem(STORED, code);
  });
  return i18next;
}
