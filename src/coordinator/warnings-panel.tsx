import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoordinatorWarning } from '../domain/coordinator-warnings';
import { api, messageOf } from './api';
import { dateTimeIn } from './dates';

const MB = 1024 * 1024;

/**
 * What needs attention (an old backup, a nearly full disk, a quiet kiosk, responses missing), at
 * the top of every section, asked again whenever the section changes. A polite live region: a
 * screen reader reads a new warning out without breaking into what the coordinator is doing.
 */
export function WarningsPanel({ section }: { section: string }) {
  const { t, i18n } = useTranslation();
  const [warnings, setWarnings] = useState<CoordinatorWarning[]>([]);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    api.warnings().then(
      (answer) => {
        setWarnings(answer.warnings);
        setFailure(null);
      },
      (error: unknown) => setFailure(messageOf(error)),
    );
  }, [section]);

  const when = (at: string) => dateTimeIn(i18n.language, at);
  const space = (bytes: number) =>
    bytes >= 1024 * MB
      ? new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'gigabyte', maximumFractionDigits: 1 }).format(bytes / (1024 * MB))
      : new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 0 }).format(bytes / MB);
  const text = (warning: CoordinatorWarning): string => {
    switch (warning.kind) {
      case 'backup-old':
        return warning.lastBackupAt ? t('warnings.backupOld', { when: when(warning.lastBackupAt) }) : t('warnings.backupNone');
      case 'disk-nearly-full':
        return t('warnings.diskNearlyFull', { free: space(warning.freeBytes) });
      case 'kiosk-quiet':
        return warning.lastSyncAt
          ? t('warnings.kioskQuiet', { name: warning.kiosk, when: when(warning.lastSyncAt) })
          : t('warnings.kioskNeverSynced', { name: warning.kiosk });
      case 'responses-missing':
        return t('warnings.responsesMissing', { name: warning.kiosk, count: warning.missing });
    }
  };
  const items = [...warnings.map(text), ...(failure ? [t('warnings.failed', { message: failure })] : [])];

  return (
    <div aria-live="polite">
      {items.length > 0 ? (
        <section aria-labelledby="warnings-heading" className="warnings">
          <h2 id="warnings-heading">{t('warnings.heading')}</h2>
          <ul>
            {items.map((item, i) => (
              // Two kiosks may share a name, and so a text.
              <li key={`${i} ${item}`}>{item}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
