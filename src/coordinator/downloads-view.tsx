import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGE_GROUPS_AFTER_DAYS } from '../domain/age-groups';
import type { CsvFormat } from '../domain/csv-cells';
import { EXPORT_FILES, type ExportFile } from '../domain/export-query';
import { localDay } from '../domain/local-day';
import { PERIODS, type Period } from '../domain/periods';
import { useHeadingFocus } from '../ui/use-heading-focus';
import { useForms } from './use-forms';
import { download, messageOf } from './api';
import { FormPicker } from './form-options';
import { ErrorMessage } from './error-message';
import { useAccount } from './account-context';
import { UnitChooser } from './unit-chooser';

const LABEL_LANGUAGES = ['fi', 'sv', 'en'];
/** The anonymity rules the files follow, in the README's order. */
const RULES = ['periods', 'ages', 'agesLater', 'markers', 'small', 'freeTexts'] as const;

/** The four CSV files for a date range, with the anonymity rules they follow said in words. */
export function DownloadsView() {
  const { t, i18n } = useTranslation();
  const heading = useHeadingFocus<HTMLHeadingElement>('downloads');
  const today = localDay(new Date()).date;
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState('');
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const [period, setPeriod] = useState<Period>('month');
  const [byVersion, setByVersion] = useState(false);
  const [labels, setLabels] = useState(LABEL_LANGUAGES.includes(i18n.language) ? i18n.language : 'fi');
  const [format, setFormat] = useState<CsvFormat>('fi');
  const { units, role } = useAccount();
  const [chosenUnits, setChosenUnits] = useState(() => units.map((u) => u.id));
  const [sideBySide, setSideBySide] = useState(false);
  // A viewer gets the summary only.
  const files = role === 'viewer' ? EXPORT_FILES.filter((file) => file === 'summary') : EXPORT_FILES;

  const forms = useForms((list) => setForm((chosen) => chosen || (list[0]?.id ?? '')), setError);

  const valid = form !== '' && from !== '' && to !== '' && from <= to && chosenUnits.length > 0;
  const follow = (event: React.MouseEvent<HTMLAnchorElement>, url: string) => {
    event.preventDefault();
    download(url).catch((failure: unknown) => setError(messageOf(failure)));
  };
  const href = (file: ExportFile) =>
    `/api/coordinator/exports/${file}.csv?${new URLSearchParams({
      form,
      from,
      to,
      period,
      labels,
      format,
      ...(file === 'summary' && byVersion ? { split: 'version' } : {}),
      ...(chosenUnits.length < units.length ? { units: chosenUnits.join(',') } : {}),
      ...(file === 'summary' && sideBySide && chosenUnits.length > 1 ? { compare: 'units' } : {}),
    })}`;

  return (
    <section aria-labelledby="downloads-heading">
      <h1 id="downloads-heading" ref={heading} tabIndex={-1}>
        {t('downloads.heading')}
      </h1>
      <ErrorMessage text={error} />
      <div className="filters">
        <FormPicker forms={forms} value={form} onChange={setForm} />
        <label className="field">
          <span>{t('dashboard.from')}</span>
          <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label className="field">
          <span>{t('dashboard.to')}</span>
          <input type="date" value={to} onChange={(event) => setTo(event.target.value)} />
        </label>
        <label className="field">
          <span>{t('downloads.period')}</span>
          <select value={period} onChange={(event) => setPeriod(event.target.value as Period)}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {t(`downloads.periods.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('downloads.labels')}</span>
          <select value={labels} onChange={(event) => setLabels(event.target.value)}>
            {LABEL_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {t(`downloads.languages.${code}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('downloads.format')}</span>
          <select value={format} onChange={(event) => setFormat(event.target.value as CsvFormat)}>
            <option value="fi">{t('downloads.formats.fi')}</option>
            <option value="international">{t('downloads.formats.international')}</option>
          </select>
        </label>
      </div>
      <UnitChooser chosen={chosenUnits} onChoose={setChosenUnits} sideBySide={sideBySide} onSideBySide={setSideBySide} />
      <label className="check">
        <input type="checkbox" checked={byVersion} onChange={(event) => setByVersion(event.target.checked)} aria-describedby="by-version-hint" />{' '}
        {t('downloads.byVersion')}
      </label>
      <p id="by-version-hint" className="hint">
        {t('downloads.byVersionHint')}
      </p>
      {!valid ? <p className="error">{t('downloads.invalidRange')}</p> : null}
      <ul className="downloads">
        {files.map((file) => (
          <li key={file}>
            {valid ? (
              <a href={href(file)} download onClick={(event) => follow(event, href(file))}>
                {t(`downloads.files.${file}`)}
              </a>
            ) : (
              <span>{t(`downloads.files.${file}`)}</span>
            )}
            <p className="hint">{t(`downloads.about.${file}`)}</p>
          </li>
        ))}
      </ul>
      <h2>{t('downloads.privacyHeading')}</h2>
      <ul>
        {RULES.map((rule) => (
          <li key={rule}>{t(`downloads.rules.${rule}`, { days: AGE_GROUPS_AFTER_DAYS })}</li>
        ))}
      </ul>
    </section>
  );
}
