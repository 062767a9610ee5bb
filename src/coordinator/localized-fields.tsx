import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../domain/form-schema';
import { languageNameIn } from '../i18n/kiosk-language-codes';
import { TextHints } from '../ui/text-hints';

interface Props {
  legend: string;
  text: LocalizedText | undefined;
  languages: string[];
  /** Languages not yet marked reviewed, said beside their field. */
  unreviewed: Set<string>;
  onChange: (language: string, value: string) => void;
  multiline?: boolean;
  /** Left out: an empty field is fine (an optional help text). */
  required?: boolean;
}

/** One text in every language of the draft, each with its plain-language hints. */
export function LocalizedFields({ legend, text, languages, unreviewed, onChange, multiline = false, required = true }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <fieldset className="localized">
      <legend>{legend}</legend>
      {languages.map((code) => {
        const value = text?.[code] ?? '';
        const missing = required && value.trim() === '';
        const missingId = `${id}-${code}-missing`;
        const field = {
          lang: code,
          value,
          'aria-invalid': missing || undefined,
          'aria-describedby': missing ? missingId : undefined,
          onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(code, event.target.value),
        };
        return (
          <div key={code} className="localized__language">
            <label>
              <span className="localized__label">
                {languageNameIn(code, i18n.language)}
                {unreviewed.has(code) ? ` (${t('drafts.notReviewed')})` : ''}
              </span>
              {multiline ? <textarea rows={2} {...field} /> : <input type="text" {...field} />}
            </label>
            {missing ? (
              <p id={missingId} className="localized__missing">
                {t('drafts.missingText')}
              </p>
            ) : (
              <TextHints text={value} language={code} />
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
