import { useTranslation } from 'react-i18next';
import { languageName, switchLanguage } from '../i18n/languages';

/** Always visible; each language is named in itself and marked with its own lang. */
export function LanguageSwitch({ languages }: { languages: string[] }) {
  const { t, i18n } = useTranslation();
  return (
    <nav className="language-switch" aria-label={t('header.languages')}>
      {languages.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="button button--language"
          aria-pressed={i18n.language === code}
          onClick={() => switchLanguage(code).catch((error: unknown) => console.error('Could not load the language:', error))}
        >
          {languageName(code)}
        </button>
      ))}
    </nav>
  );
}
