import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { sentencesForSpeech } from '../ui/speech';
import { KioskFrame } from './kiosk-frame';
import { THANKS_FOR_MS } from './timing';
import { useHeadingFocus } from '../ui/use-heading-focus';

export function ThanksScreen({ languages, onDone }: { languages: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const heading = useHeadingFocus<HTMLHeadingElement>('thanks');
  useEffect(() => {
    const timer = window.setTimeout(onDone, THANKS_FOR_MS);
    return () => window.clearTimeout(timer);
  }, [onDone]);
  return (
    <KioskFrame languages={languages} speech={sentencesForSpeech([t('thanks.heading'), t('thanks.body')])}>
      <div className="thanks" role="status">
        <svg className="thanks__mark" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
          <circle cx="32" cy="32" r="28" fill="#a9dcb0" stroke="#1a1a1a" strokeWidth="3" />
          <path d="M19 33l9 9 17-19" fill="none" stroke="#1a1a1a" strokeWidth="5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <h1 ref={heading} tabIndex={-1}>
          {t('thanks.heading')}
        </h1>
        <p>{t('thanks.body')}</p>
        <p className="thanks__returning">{t('thanks.returning')}</p>
      </div>
    </KioskFrame>
  );
}
