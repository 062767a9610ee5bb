import { useTranslation } from 'react-i18next';
import { MAX_PLAIN_SENTENCE_WORDS, MIN_SCORED_WORDS, textHints } from '../domain/readability';

/**
 * Plain-language hints for one text in one language: the readability score where the language
 * has a formula and the text is long enough to score, the longest sentence and the long words.
 * What reads as hard is marked, in words as well as colour. The texts come from the "hints"
 * resources (preview and coordinator).
 */
export function TextHints({ text, language }: { text: string; language: string }) {
  const { t } = useTranslation();
  const hints = textHints(text, language);
  if (hints.words === 0) return null;
  const longSentence = hints.longestSentence > MAX_PLAIN_SENTENCE_WORDS;
  return (
    <ul className="text-hints" aria-label={t('hints.explained')}>
      {hints.readability ? (
        <li className={`text-hints__item text-hints__item--${hints.readability.ease}`}>
          {t('hints.score', {
            measure: t(`hints.measure.${hints.readability.measure}`),
            score: hints.readability.score.toLocaleString(language),
            ease: t(`hints.ease.${hints.readability.ease}`),
          })}
        </li>
      ) : null}
      <li className={longSentence ? 'text-hints__item text-hints__item--hard' : 'text-hints__item'}>
        {t('hints.longest', { count: hints.longestSentence })}
      </li>
      {hints.longWords.length > 0 ? (
        <li className="text-hints__item">{t('hints.longWords', { words: [...new Set(hints.longWords)].join(', ') })}</li>
      ) : null}
    </ul>
  );
}

/** What the hints measure and where their thresholds lie, said once per page. */
export function HintsExplained() {
  const { t } = useTranslation();
  return (
    <details className="hints-explained">
      <summary>{t('hints.explained')}</summary>
      <p>{t('hints.explainSentence', { max: MAX_PLAIN_SENTENCE_WORDS })}</p>
      <p>{t('hints.explainWiio')}</p>
      <p>{t('hints.explainLix')}</p>
      <p>{t('hints.explainFlesch')}</p>
      <p>{t('hints.explainShort', { min: MIN_SCORED_WORDS })}</p>
      <p>{t('hints.explainOther')}</p>
    </details>
  );
}
