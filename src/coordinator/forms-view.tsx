import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkDraft } from '../domain/draft';
import { FORM_TITLE_PART, type ReceivedComment } from '../domain/draft-comment';
import { addableTypes, addLanguage, addQuestion, removeLanguage, setReviewed, setText, type QuestionType } from '../domain/draft-editing';
import { languageCode, shownLanguages, type FormDefinition } from '../domain/form-schema';
import { kioskLanguageCodes, languageNameIn } from '../i18n/kiosk-language-codes';
import { useHeadingFocus } from '../ui/use-heading-focus';
import { ApiError, messageOf } from './api';
import { FormPicker } from './form-options';
import { CommentList } from './comment-list';
import { draftApi, draftConflict, type DraftAnswer } from './draft-api';
import { DraftConflict } from './draft-conflict';
import { nameOfUnit, useAccount } from './account-context';
import { LocalizedFields } from './localized-fields';
import { PreviewLinksPanel } from './preview-links-panel';
import { QuestionEditor } from './question-editor';
import { useForms } from './use-forms';
import { ErrorMessage } from './error-message';
import { dateTimeIn } from './dates';

/** Forms and their drafts: choose a form, make or open its draft, edit, preview, publish. */
export function FormsView() {
  const { t } = useTranslation();
  const heading = useHeadingFocus<HTMLHeadingElement>('forms');
  const [form, setForm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState(0);
  const forms = useForms((list) => setForm((chosen) => chosen || (list[0]?.id ?? '')), setError, made);
  const [newId, setNewId] = useState('');
  const makeForm = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      await draftApi.newForm(newId.trim(), form);
      setError(null);
      setForm(newId.trim());
      setNewId('');
      setMade((n) => n + 1);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  return (
    <section aria-labelledby="forms-heading">
      <h1 id="forms-heading" ref={heading} tabIndex={-1}>
        {t('drafts.heading')}
      </h1>
      <p>{t('drafts.intro')}</p>
      <ErrorMessage text={error} />
      <FormPicker forms={forms} value={form} onChange={setForm} />
      {form ? (
        <details className="panel">
          <summary>{t('units.newForm')}</summary>
          <p className="hint">{t('units.newFormHint')}</p>
          <form className="filters" onSubmit={(event) => void makeForm(event)}>
            <label className="field">
              <span>{t('units.newFormId')}</span>
              <input value={newId} onChange={(event) => setNewId(event.target.value)} required pattern="[a-z0-9][a-z0-9-]{0,39}" autoComplete="off" />
            </label>
            <button type="submit">{t('units.makeForm')}</button>
          </form>
        </details>
      ) : null}
      {form ? <DraftPanel key={form} formId={form} /> : null}
    </section>
  );
}

type Load = { state: 'loading' } | { state: 'none' } | { state: 'ready'; answer: DraftAnswer };
type Note = { kind: 'info' | 'error'; text: string } | null;

function DraftPanel({ formId }: { formId: string }) {
  const linkSource = useMemo(() => draftApi.previewLinks(formId), [formId]);
  const { t, i18n } = useTranslation();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [draft, setDraft] = useState<FormDefinition | null>(null);
  const [savedJson, setSavedJson] = useState('');
  const [note, setNote] = useState<Note>(null);
  const [confirming, setConfirming] = useState<'publish' | 'discard' | null>(null);
  /** The draft as another coordinator saved it after this editor loaded it: shown until one is chosen. */
  const [conflict, setConflict] = useState<DraftAnswer | null>(null);
  const [comments, setComments] = useState<ReceivedComment[]>([]);
  const { units } = useAccount();
  const [publishTo, setPublishTo] = useState<string[]>([]);

  const opened = useCallback((answer: DraftAnswer) => {
    setConflict(null);
    setLoad({ state: 'ready', answer });
    setPublishTo(answer.units);
    setDraft(answer.definition);
    setSavedJson(JSON.stringify(answer.definition));
  }, []);
  const fail = (failure: unknown) => setNote({ kind: 'error', text: messageOf(failure) });

  const loadComments = useCallback(() => draftApi.comments(formId).then(({ comments: list }) => setComments(list), fail), [formId]);
  useEffect(() => {
    draftApi.get(formId).then(opened, (failure: unknown) => {
      if (failure instanceof ApiError && failure.status === 404) setLoad({ state: 'none' });
      else fail(failure);
    });
    void loadComments();
  }, [formId, opened, loadComments]);

  if (load.state === 'loading') return note ? <NoteLine note={note} /> : <p>{t('app.loading')}</p>;
  if (load.state === 'none' || !draft) {
    return (
      <div className="panel">
        <p>{t('drafts.noDraft')}</p>
        <NoteLine note={note} />
        <button type="button" onClick={() => draftApi.start(formId).then(opened, fail)}>
          {t('drafts.start')}
        </button>
      </div>
    );
  }

  const { answer } = load;
  const check = checkDraft(draft, answer.history);
  const unsaved = JSON.stringify(draft) !== savedJson;
  const reviewed = new Set(shownLanguages(draft));
  const unreviewed = new Set(draft.languages.filter((code) => !reviewed.has(code)));
  const nextVersion = answer.basedOnVersion + 1;
  const when = (iso: string) => dateTimeIn(i18n.language, iso);
  const edit = (next: FormDefinition) => {
    setDraft(next);
    setNote(null);
    setConfirming(null);
  };

  // Every call to the server says how it went in the note; a failure keeps the draft as it is.
  const attempt = (work: () => Promise<void>) => work().catch(fail);
  // Saved over the draft this editor loaded (or, once the coordinator chose to, over the one
  // another coordinator saved since): never over a version nobody here has seen.
  const save = (basedOn = answer.updatedAt) =>
    attempt(async () => {
      try {
        opened(await draftApi.save(formId, draft, basedOn));
      } catch (failure) {
        const current = draftConflict(failure);
        if (!current) throw failure;
        setNote(null);
        setConflict(current);
        return;
      }
      setNote({ kind: 'info', text: t('drafts.saved') });
    });
  const takeTheirs = (current: DraftAnswer) => {
    opened(current);
    setNote({ kind: 'info', text: t('drafts.conflict.tookTheirs') });
  };
  /** After publishing or discarding: no draft any more, and the note says why. */
  const closeDraft = (text: string) => {
    setConfirming(null);
    setLoad({ state: 'none' });
    setDraft(null);
    setNote({ kind: 'info', text });
  };
  const publish = () =>
    attempt(async () => {
      const { version } = await draftApi.publish(formId, publishTo.filter((unit) => !answer.units.includes(unit)));
      closeDraft(t('drafts.published', { version }));
    });
  const discard = () =>
    attempt(async () => {
      await draftApi.discard(formId);
      closeDraft(t('drafts.discarded'));
    });
  const markDone = (comment: ReceivedComment, done: boolean) =>
    attempt(async () => {
      await draftApi.markDone(formId, comment.id, done);
      await loadComments();
    });

  // The same check the server makes: a draft it would refuse cannot be sent.
  const problems = check.problems;
  const missingByLanguage = draft.languages
    .map((code) => ({ code, count: check.missingTexts.filter((missing) => missing.language === code).length }))
    .filter(({ count }) => count > 0);
  const questionIds = new Set(draft.questions.map((q) => q.id));
  // Where each comment shows: with the form's title, with its question, with the kiosk's own
  // texts, or apart when its question is no longer in the draft.
  const titleComments = comments.filter((comment) => comment.part === FORM_TITLE_PART);
  const kioskComments = comments.filter((comment) => comment.part !== undefined && comment.part !== FORM_TITLE_PART);
  const orphanComments = comments.filter((comment) => comment.question !== undefined && !questionIds.has(comment.question));
  const open = comments.filter((comment) => !comment.doneAt).length;

  return (
    <div className="draft">
      <p>{t('drafts.basedOn', { version: answer.basedOnVersion, when: when(answer.updatedAt), who: answer.updatedBy })}</p>
      {open > 0 ? <p className="notice">{t('drafts.openComments', { count: open })}</p> : null}

      <div className="draft__status" aria-live="polite">
        <NoteLine note={note} />
        {unsaved ? <p className="notice">{t('drafts.unsaved')}</p> : null}
        {problems.length > 0 ? (
          <div className="error">
            <p>{t('drafts.problems')}</p>
            <ul>
              {problems.map((problem) => (
                <li key={`${problem.path}:${problem.message}`}>{placeOf(draft, problem.path, t)}: {problem.message}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {missingByLanguage.length > 0 ? (
          <div className="notice">
            <p>{t('drafts.missingBlocks')}</p>
            <ul>
              {missingByLanguage.map(({ code, count }) => (
                <li key={code}>{t('drafts.missing', { count, language: languageNameIn(code, i18n.language) })}</li>
              ))}
            </ul>
          </div>
        ) : check.canPublish ? (
          <p className="ok">{t('drafts.ready')}</p>
        ) : null}
      </div>

      {conflict ? (
        <DraftConflict loaded={answer.definition} current={conflict} onTakeTheirs={() => takeTheirs(conflict)} onSaveMine={() => void save(conflict.updatedAt)} />
      ) : null}

      <div className="draft__actions">
        <button type="button" onClick={() => void save()} disabled={!unsaved || !check.canSave}>
          {t('drafts.save')}
        </button>
        {confirming ? (
          <div className="confirm" role="group" aria-label={confirming === 'publish' ? t('drafts.publish', { version: nextVersion }) : t('drafts.discard')}>
            <p>{confirming === 'publish' ? t('drafts.confirmPublish', { version: nextVersion }) : t('drafts.confirmDiscard')}</p>
            {confirming === 'publish' && (units.length > 1 || answer.units.length === 0) ? (
              <fieldset className="units">
                <legend>{t('units.publishTo')}</legend>
                {units.map((unit) => (
                  <label key={unit.id} className="check">
                    <input
                      type="checkbox"
                      checked={publishTo.includes(unit.id)}
                      disabled={answer.units.includes(unit.id)}
                      onChange={(event) => setPublishTo(event.target.checked ? [...publishTo, unit.id] : publishTo.filter((u) => u !== unit.id))}
                    />{' '}
                    {nameOfUnit(units, unit.id, i18n.language)}
                  </label>
                ))}
                {answer.units.length > 0 ? <p className="hint">{t('units.publishToHint', { units: answer.units.map((u) => nameOfUnit(units, u, i18n.language)).join(', ') })}</p> : null}
              </fieldset>
            ) : null}
            <button type="button" className="primary" onClick={() => void (confirming === 'publish' ? publish() : discard())}>
              {confirming === 'publish' ? t('drafts.confirm') : t('drafts.discard')}
            </button>
            <button type="button" onClick={() => setConfirming(null)}>
              {t('drafts.cancel')}
            </button>
          </div>
        ) : (
          <>
            <button type="button" className="primary" disabled={unsaved || conflict !== null || !check.canPublish} onClick={() => setConfirming('publish')}>
              {t('drafts.publish', { version: nextVersion })}
            </button>
            <button type="button" className="danger" onClick={() => setConfirming('discard')}>
              {t('drafts.discard')}
            </button>
          </>
        )}
        {unsaved && check.canPublish ? <p className="hint">{t('drafts.saveFirst')}</p> : null}
      </div>

      <LanguagesPanel draft={draft} reviewed={reviewed} onChange={edit} />
      <PreviewLinksPanel source={linkSource} intro={t('drafts.previewIntro')} />

      <section className="panel" aria-labelledby="draft-texts-heading">
        <h2 id="draft-texts-heading">{t('drafts.formTitle')}</h2>
        <LocalizedFields
          legend={t('drafts.formTitle')}
          text={draft.title}
          languages={draft.languages}
          unreviewed={unreviewed}
          onChange={(language, value) => edit(setText(draft, { kind: 'form-title' }, language, value))}
        />
        {titleComments.length > 0 ? <CommentList comments={titleComments} draft={draft} onMarkDone={(comment, done) => void markDone(comment, done)} /> : null}
      </section>

      {draft.questions.map((question, qi) => (
        <QuestionEditor
          key={question.id}
          draft={draft}
          history={answer.history}
          question={question}
          number={qi + 1}
          unreviewed={unreviewed}
          comments={comments.filter((comment) => comment.question === question.id)}
          onChange={edit}
          onMarkDone={(comment, done) => void markDone(comment, done)}
        />
      ))}
      <AddQuestion types={addableTypes(draft)} onAdd={(type) => edit(addQuestion(draft, type, answer.history))} />

      {kioskComments.length > 0 ? (
        <section className="panel" aria-labelledby="kiosk-text-comments">
          <h2 id="kiosk-text-comments">{t('drafts.kioskTextComments')}</h2>
          <CommentList comments={kioskComments} draft={draft} onMarkDone={(comment, done) => void markDone(comment, done)} />
        </section>
      ) : null}
      {orphanComments.length > 0 ? (
        <section className="panel" aria-labelledby="other-comments">
          <h2 id="other-comments">{t('drafts.otherComments')}</h2>
          <CommentList comments={orphanComments} draft={draft} onMarkDone={(comment, done) => void markDone(comment, done)} />
        </section>
      ) : null}
    </div>
  );
}

/** What the last call to the server came to: an error is read out at once, news politely. */
function NoteLine({ note }: { note: Note }) {
  if (!note) return null;
  return (
    <p role={note.kind === 'error' ? 'alert' : 'status'} className={note.kind === 'error' ? 'error' : 'ok'}>
      {note.text}
    </p>
  );
}

/** "Question 3, option 2" for a problem's path in the draft. */
function placeOf(draft: FormDefinition, path: string, t: (key: string, options?: Record<string, unknown>) => string): string {
  const parts = path.split('.');
  if (parts[0] !== 'questions' || parts[1] === undefined) return t('drafts.at.form');
  const place = [t('drafts.at.question', { number: Number(parts[1]) + 1 })];
  if (parts[2] === 'options' && parts[3] !== undefined) place.push(t('drafts.at.option', { number: Number(parts[3]) + 1 }));
  return place.join(', ');
}

function LanguagesPanel({ draft, reviewed, onChange }: { draft: FormDefinition; reviewed: Set<string>; onChange: (next: FormDefinition) => void }) {
  const { t, i18n } = useTranslation();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const withoutKioskTexts = draft.languages.filter((language) => !kioskLanguageCodes.includes(language));
  return (
    <section className="panel" aria-labelledby="draft-languages-heading">
      <h2 id="draft-languages-heading">{t('drafts.languages')}</h2>
      <p className="hint">{t('drafts.reviewedHint')}</p>
      <ul className="languages">
        {draft.languages.map((language) => (
          <li key={language}>
            <label className="check">
              <input
                type="checkbox"
                checked={reviewed.has(language)}
                onChange={(event) => onChange(setReviewed(draft, language, event.target.checked))}
              />{' '}
              {t('drafts.reviewed', { language: languageNameIn(language, i18n.language) })}
            </label>
            {draft.languages.length > 1 ? (
              <button type="button" className="danger" onClick={() => onChange(removeLanguage(draft, language))}>
                {t('drafts.removeLanguage', { language: languageNameIn(language, i18n.language) })}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {withoutKioskTexts.map((language) => (
        <p key={language} className="notice">
          {t('drafts.noKioskTexts', { language: languageNameIn(language, i18n.language) })}
        </p>
      ))}
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          const wanted = code.trim().toLowerCase();
          if (!languageCode.safeParse(wanted).success) {
            setProblem(t('drafts.badLanguageCode'));
            return;
          }
          setProblem(null);
          setCode('');
          onChange(addLanguage(draft, wanted));
        }}
      >
        <label className="field">
          <span>{t('drafts.languageCode')}</span>
          <input value={code} onChange={(event) => setCode(event.target.value)} aria-invalid={problem ? true : undefined} />
        </label>
        <button type="submit">{t('drafts.addLanguage')}</button>
        <ErrorMessage text={problem} />
      </form>
    </section>
  );
}

function AddQuestion({ types, onAdd }: { types: QuestionType[]; onAdd: (type: QuestionType) => void }) {
  const { t } = useTranslation();
  const [type, setType] = useState<QuestionType>('single-choice');
  return (
    <div className="panel inline-form">
      <label className="field">
        <span>{t('drafts.newQuestionType')}</span>
        <select value={type} onChange={(event) => setType(event.target.value as QuestionType)}>
          {types.map((option) => (
            <option key={option} value={option}>
              {t(`drafts.types.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => onAdd(type)}>
        {t('drafts.addQuestion')}
      </button>
    </div>
  );
}
