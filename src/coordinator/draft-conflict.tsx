import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { draftChanges, type DraftChange } from '../domain/draft-changes';
import { formLabels } from '../domain/form-labels';
import type { FormDefinition } from '../domain/form-schema';
import { languageNameIn } from '../i18n/kiosk-language-codes';
import { dateTimeIn } from './dates';
import type { DraftAnswer } from './draft-api';

/**
 * Told when a save found that another coordinator had saved the draft since this editor loaded
 * it: who, when and what they changed (from what this editor loaded to theirs), and a choice
 * between their version and this one. Nothing is saved or dropped until a button is pressed.
 */
export function DraftConflict({
  loaded,
  current,
  onTakeTheirs,
  onSaveMine,
}: {
  /** The draft as this editor loaded it (or last saved it). */
  loaded: FormDefinition;
  /** The draft as the server has it now. */
  current: DraftAnswer;
  onTakeTheirs: () => void;
  onSaveMine: () => void;
}) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves here so that a keyboard or screen-reader user lands on the choice at once.
  useEffect(() => heading.current?.focus(), [current.updatedAt]);
  const changes = useMemo(() => draftChanges(loaded, current.definition), [loaded, current.definition]);
  const labels = useMemo(() => formLabels([loaded, current.definition], i18n.language), [loaded, current.definition, i18n.language]);
  const who = current.updatedBy;
  const say = (change: DraftChange) =>
    t(`drafts.conflict.change.${change.kind}`, {
      languages: 'languages' in change ? change.languages.map((code) => languageNameIn(code, i18n.language)).join(', ') : '',
      question: 'question' in change ? labels.question(change.question) : '',
      option: 'option' in change && 'question' in change ? labels.option(change.question, change.option) : '',
    });
  return (
    <section className="panel notice draft-conflict" aria-labelledby="draft-conflict-heading">
      <h2 id="draft-conflict-heading" ref={heading} tabIndex={-1}>
        {t('drafts.conflict.heading')}
      </h2>
      <p role="alert">{t('drafts.conflict.savedBy', { who, when: dateTimeIn(i18n.language, current.updatedAt) })}</p>
      {changes.length > 0 ? (
        <>
          <p id="draft-conflict-changes">{t('drafts.conflict.theirChanges', { who })}</p>
          <ul aria-labelledby="draft-conflict-changes">
            {changes.map((change, i) => (
              <li key={i}>{say(change)}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('drafts.conflict.noChanges')}</p>
      )}
      <div className="draft__actions" role="group" aria-label={t('drafts.conflict.choose')}>
        <button type="button" onClick={onTakeTheirs}>
          {t('drafts.conflict.takeTheirs')}
        </button>
        <button type="button" className="danger" onClick={onSaveMine}>
          {t('drafts.conflict.saveMine')}
        </button>
      </div>
    </section>
  );
}
