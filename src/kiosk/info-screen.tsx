import { useTranslation } from 'react-i18next';
import { sentencesForSpeech } from '../ui/speech';
import { KioskFrame } from './kiosk-frame';
import { useHeadingFocus } from '../ui/use-heading-focus';

// The paragraphs of each statement, in order; their texts live in the language files.
const SECTIONS = {
  accessibility: ['scope', 'status', 'features', 'limits', 'feedback', 'enforcement'],
  privacy: ['anonymous', 'stored', 'freeText', 'send', 'use', 'results'],
} as const;

export type InfoTopic = keyof typeof SECTIONS;

/** The accessibility statement or the privacy notice, in plain language. */
export function InfoScreen({ topic, languages, onBack }: { topic: InfoTopic; languages: string[]; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const heading = useHeadingFocus<HTMLHeadingElement>(`${topic}-${i18n.language}`);
  const paragraphs = SECTIONS[topic].map((key) => t(`${topic}.${key}`));
  const back = (
    <button type="button" className="button button--secondary" onClick={onBack}>
      {t('info.backToStart')}
    </button>
  );
  return (
    <KioskFrame languages={languages} speech={sentencesForSpeech([t(`${topic}.heading`), ...paragraphs])} footer={back}>
      <article className="info">
        <h1 ref={heading} tabIndex={-1}>
          {t(`${topic}.heading`)}
        </h1>
        {paragraphs.map((text, i) => (
          <p key={SECTIONS[topic][i]}>{text}</p>
        ))}
      </article>
    </KioskFrame>
  );
}
