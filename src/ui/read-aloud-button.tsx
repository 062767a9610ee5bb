import { useTranslation } from 'react-i18next';
import { speak, useCanSpeak } from './speech';

/** Reads the screen's text in the current language; hidden where the browser cannot speak it. */
export function ReadAloudButton({ text }: { text: string }) {
  const { t, i18n } = useTranslation();
  const canSpeak = useCanSpeak(i18n.language);
  if (!canSpeak) return null;
  return (
    <button type="button" className="button button--quiet read-aloud" onClick={() => speak(text, i18n.language)}>
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="button__icon">
        <path d="M4 9v6h4l5 4V5L8 9z" fill="currentColor" />
        <path d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      {t('header.readAloud')}
    </button>
  );
}
