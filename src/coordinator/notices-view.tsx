import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceivedComment } from '../domain/draft-comment';
import { localDay } from '../domain/local-day';
import { missingNoticeLanguages, MAX_NOTICE_LENGTH, noticeDateProblem, type NoticeInput } from '../domain/notice';
import { addDays } from '../domain/periods';
import { useHeadingFocus } from '../ui/use-heading-focus';
import { nameOfUnit, useAccount } from './account-context';
import { messageOf } from './api';
import { CommentList } from './comment-list';
import { dayIn } from './dates';
import { ErrorMessage } from './error-message';
import { LocalizedFields } from './localized-fields';
import { noticeApi, noticeLinks, type NoticeAnswer } from './notice-api';
import { PreviewLinksPanel } from './preview-links-panel';

/** A notice being written: a new one (no id), or a draft as it was read (its updatedAt). */
type Editing = { id: null; notice: NoticeInput } | { id: string; basedOn: string; notice: NoticeInput };

/** Where a notice is in its life, by today's Helsinki date. */
function stateOf(notice: NoticeAnswer, today: string): 'draft' | 'coming' | 'showing' | 'ended' {
  if (notice.publishedAt === null) return 'draft';
  if (notice.endsOn < today) return 'ended';
  return notice.startsOn > today ? 'coming' : 'showing';
}

/**
 * Notices on the kiosks' start screens ("you said, we did"): written in every language the
 * kiosks show, with the plain-language hints; previewed and commented on through a link; then
 * published to units for the days chosen.
 */
export function NoticesView() {
  const { t, i18n } = useTranslation();
  const heading = useHeadingFocus<HTMLHeadingElement>('notices');
  const { units } = useAccount();
  const [notices, setNotices] = useState<NoticeAnswer[] | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const today = localDay(new Date()).date;

  const load = useCallback(() => noticeApi.list().then(({ notices: list }) => setNotices(list), (failure: unknown) => setError(messageOf(failure))), []);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (work: () => Promise<unknown>, done: string) => {
    setError(null);
    setStatus(null);
    try {
      await work();
      setStatus(done);
      await load();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  const fresh = (): Editing => ({ id: null, notice: { texts: {}, startsOn: today, endsOn: addDays(today, 27), units: units.map((unit) => unit.id) } });
  const day = (date: string) => dayIn(i18n.language, date);

  return (
    <section aria-labelledby="notices-heading">
      <h1 id="notices-heading" ref={heading} tabIndex={-1}>
        {t('notices.heading')}
      </h1>
      <p>{t('notices.intro')}</p>
      {status ? <p role="status">{status}</p> : null}
      <ErrorMessage text={error} />
      {editing ? (
        <NoticeEditor
          editing={editing}
          onCancel={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            setStatus(t('notices.saved'));
            await load();
          }}
        />
      ) : (
        <button type="button" className="primary" onClick={() => (setStatus(null), setEditing(fresh()))}>
          {t('notices.new')}
        </button>
      )}
      {notices === null ? null : notices.length === 0 ? (
        <p>{t('notices.none')}</p>
      ) : (
        <ul className="notices-list">
          {notices.map((notice) => {
            const state = stateOf(notice, today);
            const missing = missingNoticeLanguages(notice.texts, notice.languages);
            return (
              <li key={notice.id} className="panel notice-item">
                <h2>{t(`notices.state.${state}`, { from: day(notice.startsOn), to: day(notice.endsOn) })}</h2>
                <blockquote lang={notice.languages[0] ?? 'fi'}>{notice.texts[notice.languages[0] ?? 'fi'] ?? Object.values(notice.texts)[0]}</blockquote>
                <p className="hint">
                  {t('notices.days', { from: day(notice.startsOn), to: day(notice.endsOn) })}
                  {units.length > 1 ? ` · ${notice.units.map((unit) => nameOfUnit(units, unit, i18n.language)).join(', ')}` : ''}
                </p>
                {state === 'draft' && missing.length > 0 ? <p className="hint">{t('notices.missing', { count: missing.length })}</p> : null}
                <div className="actions">
                  {state === 'draft' ? (
                    <>
                      <button type="button" onClick={() => (setStatus(null), setEditing({ id: notice.id, basedOn: notice.updatedAt, notice: { texts: notice.texts, startsOn: notice.startsOn, endsOn: notice.endsOn, units: notice.units } }))}>
                        {t('notices.edit')}
                      </button>
                      <button type="button" className="primary" disabled={missing.length > 0} onClick={() => void act(() => noticeApi.publish(notice), t('notices.published'))}>
                        {t('notices.publish')}
                      </button>
                    </>
                  ) : null}
                  <button type="button" className="danger" onClick={() => void act(() => noticeApi.remove(notice.id), t('notices.removed'))}>
                    {state === 'draft' ? t('notices.discard') : t('notices.takeOff')}
                  </button>
                </div>
                {state === 'draft' ? <NoticeReview notice={notice} /> : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

const shortened = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

/** A draft notice's preview links and the reviewers' comments on it. */
function NoticeReview({ notice }: { notice: NoticeAnswer }) {
  const { t } = useTranslation();
  const source = useMemo(() => noticeLinks(notice.id), [notice.id]);
  const [comments, setComments] = useState<ReceivedComment[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => noticeApi.comments(notice.id).then(({ comments: list }) => setComments(list), (failure: unknown) => setError(messageOf(failure))), [notice.id]);
  useEffect(() => {
    void load();
  }, [load]);
  const markDone = async (comment: ReceivedComment, done: boolean) => {
    try {
      await noticeApi.markDone(notice.id, comment.id, done);
      await load();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  return (
    <>
      <PreviewLinksPanel source={source} intro={t('notices.previewIntro')} name={`${t('drafts.previewLinks')}: ${shortened(Object.values(notice.texts)[0] ?? '')}`} />
      <ErrorMessage text={error} />
      {comments.length > 0 ? <CommentList comments={comments} onMarkDone={(comment, done) => void markDone(comment, done)} /> : null}
    </>
  );
}

/** Writing a notice: its wording in every language its kiosks show, its days and its units. */
function NoticeEditor({ editing, onCancel, onSaved }: { editing: Editing; onCancel: () => void; onSaved: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const { units } = useAccount();
  const [notice, setNotice] = useState(editing.notice);
  // The languages its kiosks show, asked of the server for the units chosen; null until known.
  const [languages, setLanguages] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const unitKey = notice.units.join(',');
  useEffect(() => {
    if (unitKey === '') return;
    noticeApi.languages(unitKey.split(',')).then(({ languages: list }) => setLanguages(list), (failure: unknown) => setError(messageOf(failure)));
  }, [unitKey]);
  const dateProblem = noticeDateProblem(notice);
  const tooLong = Object.values(notice.texts).some((text) => text.trim().length > MAX_NOTICE_LENGTH);

  const save = async () => {
    setError(null);
    // Only the languages its kiosks show: a wording left from a unit no longer chosen goes.
    if (languages === null) return;
    const texts = Object.fromEntries(languages.filter((code) => notice.texts[code]?.trim()).map((code) => [code, notice.texts[code]!]));
    try {
      if (editing.id !== null) await noticeApi.save(editing.id, { ...notice, texts }, editing.basedOn);
      else await noticeApi.add({ ...notice, texts });
      await onSaved();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  return (
    <form
      className="panel notice-editor"
      aria-label={t('notices.editor')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <LocalizedFields
        legend={t('notices.text', { max: MAX_NOTICE_LENGTH })}
        text={notice.texts}
        languages={languages ?? []}
        unreviewed={new Set()}
        multiline
        onChange={(code, value) => setNotice((current) => ({ ...current, texts: { ...current.texts, [code]: value } }))}
      />
      {tooLong ? <p className="error">{t('notices.tooLong', { max: MAX_NOTICE_LENGTH })}</p> : null}
      <div className="notice-editor__days">
        <label className="field">
          <span>{t('notices.startsOn')}</span>
          <input type="date" required value={notice.startsOn} onChange={(event) => setNotice((current) => ({ ...current, startsOn: event.target.value }))} />
        </label>
        <label className="field">
          <span>{t('notices.endsOn')}</span>
          <input type="date" required value={notice.endsOn} onChange={(event) => setNotice((current) => ({ ...current, endsOn: event.target.value }))} />
        </label>
      </div>
      {dateProblem ? <p className="error">{t('notices.badDays')}</p> : null}
      {units.length > 1 ? (
        <fieldset className="units">
          <legend>{t('notices.units')}</legend>
          {units.map((unit) => (
            <label key={unit.id} className="check">
              <input
                type="checkbox"
                checked={notice.units.includes(unit.id)}
                onChange={(event) =>
                  setNotice((current) => ({ ...current, units: units.map((u) => u.id).filter((id) => (id === unit.id ? event.target.checked : current.units.includes(id))) }))
                }
              />{' '}
              {nameOfUnit(units, unit.id, i18n.language)}
            </label>
          ))}
        </fieldset>
      ) : null}
      <ErrorMessage text={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={languages === null || dateProblem !== null || tooLong || notice.units.length === 0}>
          {t('notices.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('notices.cancel')}
        </button>
      </div>
    </form>
  );
}
