import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MAX_MEALS, MAX_NOTE_LENGTH, PROFESSIONALS, type DayLogEntry, type Professional } from '../domain/day-log';
import { localDay } from '../domain/local-day';
import { useHeadingFocus } from '../ui/use-heading-focus';
import { api, messageOf } from './api';
import { nameOfUnit, useAccount } from './account-context';
import { dayIn } from './dates';
import { datesOfMonth, monthOf, shiftMonth } from './month';
import { ErrorMessage } from './error-message';

const empty = (date: string): DayLogEntry => ({ date, mealsServed: null, professionals: [], note: '' });

/** A month of the day log as a table; a day opens for editing in place. */
export function DayLogView() {
  const { t, i18n } = useTranslation();
  const heading = useHeadingFocus<HTMLHeadingElement>('day-log');
  const [month, setMonth] = useState(() => monthOf(localDay(new Date()).date));
  const [days, setDays] = useState<Map<string, DayLogEntry> | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Each unit logs its own days: a user with several chooses which.
  const { units } = useAccount();
  const [unit, setUnit] = useState<string | null>(units[0]?.id ?? null);

  const dates = datesOfMonth(month);
  const load = useCallback(() => {
    if (unit === null) return;
    api.dayLog(unit, `${month}-01`, datesOfMonth(month).at(-1)!).then(
      ({ days: logged }) => {
        setError(null);
        setDays(new Map(logged.map((d) => [d.date, d])));
      },
      (failure: unknown) => setError(messageOf(failure)),
    );
  }, [month, unit]);
  useEffect(load, [load]);

  const dayName = (date: string) => dayIn(i18n.language, date);
  const monthName = new Intl.DateTimeFormat(i18n.language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));

  return (
    <section aria-labelledby="day-log-heading">
      <h1 id="day-log-heading" ref={heading} tabIndex={-1}>
        {t('dayLog.heading')}
      </h1>
      <p>{t('dayLog.intro')}</p>
      {units.length > 1 ? (
        <label className="field narrow">
          <span>{t('units.unit')}</span>
          <select value={unit ?? ''} onChange={(event) => (setDays(null), setEditing(null), setUnit(event.target.value))}>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {nameOfUnit(units, u.id, i18n.language)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <div className="month-switch">
        <button type="button" onClick={() => setMonth(shiftMonth(month, -1))}>
          {t('dayLog.previous')}
        </button>
        <h2 aria-live="polite">{monthName}</h2>
        <button type="button" onClick={() => setMonth(shiftMonth(month, 1))}>
          {t('dayLog.next')}
        </button>
      </div>
      {status ? <p role="status">{status}</p> : null}
      {error ? (
        <p role="alert" className="error">
          {error} <button type="button" onClick={load}>{t('app.retry')}</button>
        </p>
      ) : null}
      {days ? (
        <table className="day-log">
          <thead>
            <tr>
              <th scope="col">{t('dayLog.date')}</th>
              <th scope="col">{t('dayLog.meals')}</th>
              <th scope="col">{t('dayLog.present')}</th>
              <th scope="col">{t('dayLog.note')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('dayLog.save')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {dates.map((date) =>
              editing === date && unit !== null ? (
                <DayEditor
                  key={date}
                  unit={unit}
                  label={dayName(date)}
                  entry={days.get(date) ?? empty(date)}
                  onCancel={() => setEditing(null)}
                  onSaved={(saved) => {
                    setDays(new Map(days).set(saved.date, saved));
                    setEditing(null);
                    setStatus(t('dayLog.saved', { date: dayName(date) }));
                  }}
                />
              ) : (
                <tr key={date}>
                  <th scope="row">{dayName(date)}</th>
                  <td>{days.get(date)?.mealsServed ?? t('dayLog.nothing')}</td>
                  <td>{days.get(date)?.professionals.map((p) => t(`professionals.${p}`)).join(', ') || t('dayLog.nothing')}</td>
                  <td className="day-log__note">{days.get(date)?.note || t('dayLog.nothing')}</td>
                  <td>
                    <button type="button" onClick={() => setEditing(date)}>
                      {t('dayLog.edit', { date: dayName(date) })}
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      ) : (
        !error && <p>{t('app.loading')}</p>
      )}
    </section>
  );
}

interface EditorFields {
  meals: string;
  professionals: Professional[];
  note: string;
}

function DayEditor({ unit, label, entry, onCancel, onSaved }: { unit: string; label: string; entry: DayLogEntry; onCancel: () => void; onSaved: (entry: DayLogEntry) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setFocus } = useForm<EditorFields>({
    defaultValues: { meals: entry.mealsServed === null ? '' : String(entry.mealsServed), professionals: entry.professionals, note: entry.note },
  });
  useEffect(() => setFocus('meals'), [setFocus]);
  const id = `day-${entry.date}`;

  const save = handleSubmit(async ({ meals, professionals, note }) => {
    setError(null);
    try {
      onSaved(
        await api.saveDay(unit, {
          date: entry.date,
          mealsServed: meals.trim() === '' ? null : Number(meals),
          professionals: professionals || [],
          note,
        }),
      );
    } catch (failure) {
      setError(messageOf(failure));
    }
  });

  return (
    <tr className="day-log__editing">
      <th scope="row">{label}</th>
      <td colSpan={4}>
        <form onSubmit={(event) => void save(event)} noValidate aria-label={t('dayLog.edit', { date: label })}>
          <label className="field">
            <span>{t('dayLog.meals')}</span>
            <input
              inputMode="numeric"
              aria-invalid={formState.errors.meals ? true : undefined}
              aria-describedby={formState.errors.meals ? `${id}-meals-error` : undefined}
              {...register('meals', {
                validate: (value) => value.trim() === '' || (/^\d+$/.test(value.trim()) && Number(value) <= MAX_MEALS),
              })}
            />
          </label>
          {formState.errors.meals ? (
            <p id={`${id}-meals-error`} className="error">
              {t('dayLog.mealsInvalid')}
            </p>
          ) : null}
          <fieldset>
            <legend>{t('dayLog.present')}</legend>
            {PROFESSIONALS.map((p) => (
              <label key={p} className="check">
                <input type="checkbox" value={p} {...register('professionals')} /> {t(`professionals.${p}`)}
              </label>
            ))}
          </fieldset>
          <label className="field">
            <span>{t('dayLog.note')}</span>
            <textarea rows={2} maxLength={MAX_NOTE_LENGTH} aria-describedby={`${id}-note-hint`} {...register('note')} />
          </label>
          <p id={`${id}-note-hint`} className="hint">
            {t('dayLog.noteHint')}
          </p>
          <ErrorMessage text={error} />
          <div className="actions">
            <button type="submit" className="primary" disabled={formState.isSubmitting}>
              {t('dayLog.save')}
            </button>
            <button type="button" onClick={onCancel}>
              {t('dayLog.cancel')}
            </button>
          </div>
        </form>
      </td>
    </tr>
  );
}
