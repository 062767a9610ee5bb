import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '../domain/form-schema';
import { localize } from '../domain/form-text';
import { sentencesForSpeech } from '../ui/speech';
import type { KioskNotice } from '../domain/notice';
import { noticeText } from '../domain/notice-text';
import { KioskFrame } from './kiosk-frame';
import { NoticeBoard } from './notice-board';
import { StaffButton } from './staff-button';
import { useHeadingFocus } from '../ui/use-heading-focus';

interface Props {
  form: FormDefinition;
  /** Today's notices, shown under the start button. */
  notices: KioskNotice[];
  languages: string[];
  /** True for a few seconds after a thank-you: taps are ignored. */
  resting: boolean;
  onStart: () => void;
  onInfo: (topic: 'accessibility' | 'privacy') => void;
  /** Left out in a preview: there is no staff menu to reach. */
  onStaff?: () => void;
}

export function StartScreen({ form, notices, languages, resting, onStart, onInfo, onStaff }: Props) {
  const { t, i18n } = useTranslation();
  const heading = useHeadingFocus<HTMLHeadingElement>(i18n.language);
  const title = localize(form.title, i18n.language, form);
  return (
    <KioskFrame
      languages={languages}
      speech={sentencesForSpeech([title, t('start.intro'), t('start.anonymous'), t('start.giveFeedback'), ...notices.map((notice) => noticeText(notice.texts, i18n.language, form.languages))])}
    >
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
        <NoticeBoard notices={notices} fallbacks={form.languages} />
        <div className="start__links">
          <button type="button" className="button button--quiet" onClick={() => onInfo('accessibility')}>
            {t('start.accessibility')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => onInfo('privacy')}>
            {t('start.privacy')}
          </button>
        </div>
        {onStaff ? <StaffButton onStaff={onStaff} /> : null}
      </div>
    </KioskFrame>
  );
}
