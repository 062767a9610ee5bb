import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, defaultResources } from './languages';

/** The one place i18next is configured. The start screen's language is bundled, so this is ready at once. */
export function setUpI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: defaultResources,
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  // Not when the start screen is prerendered at build time, where there is no page.
  if (typeof document === 'undefined') return i18next;
  document.documentElement.lang = DEFAULT_LANGUAGE;
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  return i18next;
}
