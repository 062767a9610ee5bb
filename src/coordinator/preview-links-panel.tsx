import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from './api';
import { draftApi, type PreviewLinkSummary } from './draft-api';
import { ErrorMessage } from './error-message';
import { dateTimeIn } from './dates';

/** The draft's preview links: make one (shown once, as only its hash is kept), see who has one, revoke. */
export function PreviewLinksPanel({ formId }: { formId: string }) {
  const { t, i18n } = useTranslation();
  const [links, setLinks] = useState<PreviewLinkSummary[]>([]);
  const [fresh, setFresh] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const when = (iso: string) => dateTimeIn(i18n.language, iso);

  const refresh = useCallback(
    () => draftApi.previewLinks(formId).then(({ links: list }) => setLinks(list), (failure: unknown) => setError(messageOf(failure))),
    [formId],
  );
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const make = async () => {
    setError(null);
    try {
      const { path } = await draftApi.makePreviewLink(formId);
      setFresh(new URL(path, location.origin).href);
      await refresh();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  const revoke = async (id: string) => {
    setError(null);
    try {
      await draftApi.revokePreviewLink(formId, id);
      setFresh(null);
      await refresh();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  return (
    <section className="panel" aria-labelledby="preview-links-heading">
      <h2 id="preview-links-heading">{t('drafts.previewLinks')}</h2>
      <p>{t('drafts.previewIntro')}</p>
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
