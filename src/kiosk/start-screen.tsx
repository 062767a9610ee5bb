import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '../domain/form-schema';
import { localize } from '../domain/form-text';
import { sentencesForSpeech } from '../ui/speech';
import { KioskFrame } from './kiosk-frame';
import { useHeadingFocus } from '../ui/use-heading-focus';

interface Props {
  form: FormDefinition;
  languages: string[];
  /** True for a few seconds after a thank-you: taps are ignored. */
  resting: boolean;
  onStart: () => void;
  onInfo: (topic: 'accessibility' | 'privacy') => void;
  /** Left out in a preview: there is no staff menu to reach. */
  onStaff?: () => void;
}

export function StartScreen({ form, languages, resting, onStart, onInfo, onStaff }: Props) {
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
        {/* Discreet on purpose: visitors have no use for it, and a PIN guards what is behind it. */}
        {onStaff ? (
          <button type="button" className="button button--quiet staff-button" aria-label={t('staff.openMenu')} onClick={onStaff}>
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="button__icon">
              <path
                fill="currentColor"
                d="M19.4 13a7.5 7.5 0 0 0 0-2l2.1-1.6-2-3.4-2.5 1a7.6 7.6 0 0 0-1.7-1l-.4-2.7h-4l-.4 2.7a7.6 7.6 0 0 0-1.7 1l-2.5-1-2 3.4L4.6 11a7.5 7.5 0 0 0 0 2l-2.1 1.6 2 3.4 2.5-1a7.6 7.6 0 0 0 1.7 1l.4 2.7h4l.4-2.7a7.6 7.6 0 0 0 1.7-1l2.5 1 2-3.4zM12 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z"
              />
            </svg>
          </button>
        ) : null}
      </div>
    </KioskFrame>
  );
}
