import { useTranslation } from 'react-i18next';
import { localize, type FormDefinition } from '../domain/form-schema';
import { sentencesForSpeech } from '../ui/speech';
import { KioskFrame } from './kiosk-frame';
import { useHeadingFocus } from './use-heading-focus';

interface Props {
  form: FormDefinition;
  languages: string[];
  /** True for a few seconds after a thank-you: taps are ignored. */
  resting: boolean;
  onStart: () => void;
  onInfo: (topic: 'accessibility' | 'privacy') => void;
}

export function StartScreen({ form, languages, resting, onStart, onInfo }: Props) {
  const { t, i18n } = useTranslation();
  const heading = useHeadingFocus<HTMLHeadingElement>(i18n.language);
  const title = localize(form.title, i18n.language, form);
  return (
    <KioskFrame languages={languages} speech={sentencesForSpeech([title, t('start.intro'), t('start.anonymous'), t('start.giveFeedback')])}>
      <div className="start">
        <h1 ref={heading} tabIndex={-1} className="start__title">
          {title}
        </h1>
        <p className="start__intro">{t('start.intro')}</p>
        <p>{t('start.anonymous')}</p>
        <button
          type="button"
          className="button button--primary button--huge"
          aria-disabled={resting || undefined}
          onClick={() => {
            if (!resting) onStart();
          }}
        >
          {t('start.giveFeedback')}
        </button>
        <div className="start__links">
          <button type="button" className="button button--quiet" onClick={() => onInfo('accessibility')}>
            {t('start.accessibility')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => onInfo('privacy')}>
            {t('start.privacy')}
          </button>
        </div>
      </div>
    </KioskFrame>
  );
}
