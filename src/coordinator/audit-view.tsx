import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../domain/coordinator-api';
import { useHeadingFocus } from '../ui/use-heading-focus';
import { api, messageOf } from './api';
import { nameOfUnit, useAccount } from './account-context';
import { ErrorMessage } from './error-message';

/** Who did what and when, newest first, a hundred at a time. */
export function AuditView() {
  const { t, i18n } = useTranslation();
  // The names of the units the user has; an administrator's are every unit.
  const { units } = useAccount();
  const heading = useHeadingFocus<HTMLHeadingElement>('audit');
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = (before?: number) => {
    api.auditLog(before).then(
      (page) => {
        setError(null);
        setEntries((shown) => [...(before ? (shown ?? []) : []), ...page.entries]);
        setMore(page.entries.length === 100);
      },
      (failure: unknown) => setError(messageOf(failure)),
    );
  };
  useEffect(() => load(), []);

  const when = (at: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(at));
  return (
    <section aria-labelledby="audit-heading">
      <h1 id="audit-heading" ref={heading} tabIndex={-1}>
        {t('audit.heading')}
      </h1>
      <p>{t('audit.intro')}</p>
      <ErrorMessage text={error} />
      {entries && entries.length === 0 ? <p>{t('audit.empty')}</p> : null}
      {entries && entries.length > 0 ? (
        <table className="audit">
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.what')}</th>
              <th scope="col">{t('audit.detail')}</th>
              <th scope="col">{t('units.ofUnits')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.seq}>
                <td>{when(entry.at)}</td>
                <td>{entry.actor}</td>
                <td>{t(`audit.actions.${entry.action}`)}</td>
                <td>{entry.detail}</td>
                <td>{entry.units.map((unit) => nameOfUnit(units, unit, i18n.language)).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {more && entries ? (
        <button type="button" onClick={() => load(entries.at(-1)!.seq)}>
          {t('audit.more')}
        </button>
      ) : null}
    </section>
  );
}
