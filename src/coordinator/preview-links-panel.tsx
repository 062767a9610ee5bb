import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from './api';
import { ErrorMessage } from './error-message';
import { dateTimeIn } from './dates';

export interface PreviewLinkSummary {
  id: string;
  madeFor: string;
  createdAt: string;
  revokedAt: string | null;
}

/** Where a panel's links come from: a form's draft, or a notice. */
export interface PreviewLinkSource {
  list(): Promise<{ links: PreviewLinkSummary[] }>;
  make(): Promise<{ token: string; path: string }>;
  revoke(id: string): Promise<void>;
}

/**
 * The preview links of a draft or a notice: make one (shown once, as only its hash is kept), see
 * who has one, revoke. `source` must stay the same object while it means the same links (memoized).
 */
export function PreviewLinksPanel({ source, intro, name }: { source: PreviewLinkSource; intro: string; /** The section's name where several are on a page. */ name?: string }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [links, setLinks] = useState<PreviewLinkSummary[]>([]);
  const [fresh, setFresh] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const when = (iso: string) => dateTimeIn(i18n.language, iso);

  const refresh = useCallback(() => source.list().then(({ links: list }) => setLinks(list), (failure: unknown) => setError(messageOf(failure))), [source]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const make = async () => {
    setError(null);
    try {
      const { path } = await source.make();
      setFresh(new URL(path, location.origin).href);
      await refresh();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  const revoke = async (id: string) => {
    setError(null);
    try {
      await source.revoke(id);
      setFresh(null);
      await refresh();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  return (
    <section className="panel" aria-labelledby={name ? undefined : headingId} aria-label={name}>
      <h2 id={headingId}>{t('drafts.previewLinks')}</h2>
      <p>{intro}</p>
      <ErrorMessage text={error} />
      <button type="button" onClick={() => void make()}>
        {t('drafts.makeLink')}
      </button>
      {fresh ? (
        <div className="fresh-link" role="status">
          <p>{t('drafts.newLink')}</p>
          <a href={fresh} target="_blank" rel="noreferrer" data-testid="preview-link">
            {fresh}
          </a>
        </div>
      ) : null}
      {links.length === 0 ? (
        <p>{t('drafts.noLinks')}</p>
      ) : (
        <ul className="links">
          {links.map((link) => (
            <li key={link.id}>
              {t('drafts.linkMade', { when: when(link.createdAt), who: link.madeFor || '–' })}
              {link.revokedAt ? (
                <> · {t('drafts.linkRevoked', { when: when(link.revokedAt) })}</>
              ) : (
                <>
                  {' '}
                  <button type="button" onClick={() => void revoke(link.id)}>
                    {t('drafts.revoke')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
