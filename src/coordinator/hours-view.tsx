import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_WEEK, MAX_PERIODS_PER_DAY, type OpeningException, type OpeningHours, type OpeningPeriod } from '../domain/opening-hours';
import { WEEKDAYS, type Weekday } from '../domain/opening-times';
import { localDay } from '../domain/local-day';
import { useHeadingFocus } from '../ui/use-heading-focus';
import { nameOfUnit, useAccount } from './account-context';
import { messageOf } from './api';
import { dayIn } from './dates';
import { ErrorMessage } from './error-message';
import { hoursApi, type HoursList } from './notice-api';

/**
 * Opening hours, for a unit and for each of its kiosks: outside them the kiosks show a calm,
 * dark "closed" screen with the next opening time. A kiosk follows its unit's hours unless it
 * has its own; with none at all it is always open.
 */
export function HoursView() {
  const { t, i18n } = useTranslation();
  const heading = useHeadingFocus<HTMLHeadingElement>('hours');
  const { units } = useAccount();
  const [list, setList] = useState<HoursList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const load = useCallback(() => hoursApi.list().then(setList, (failure: unknown) => setError(messageOf(failure))), []);
  useEffect(() => {
    void load();
  }, [load]);
  const save = async (work: () => Promise<void>) => {
    setError(null);
    setStatus(null);
    try {
      await work();
      setStatus(t('hours.saved'));
      await load();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  return (
    <section aria-labelledby="hours-heading">
      <h1 id="hours-heading" ref={heading} tabIndex={-1}>
        {t('hours.heading')}
      </h1>
      <p>{t('hours.intro')}</p>
      {status ? <p role="status">{status}</p> : null}
      <ErrorMessage text={error} />
      {list?.units.map(({ unit, hours }) => (
        <section key={unit} className="panel" aria-labelledby={`hours-unit-${unit}`}>
          <h2 id={`hours-unit-${unit}`}>{units.length > 1 ? nameOfUnit(units, unit, i18n.language) : t('hours.unitHours')}</h2>
          <HoursEditor key={JSON.stringify(hours)} hours={hours} noneText={t('hours.alwaysOpen')} onSave={(next) => void save(() => hoursApi.saveForUnit(unit, next))} />
          {list.kiosks
            .filter((kiosk) => kiosk.unit === unit)
            .map((kiosk) => (
              <section key={kiosk.id} className="hours-kiosk" aria-label={t('hours.kiosk', { name: kiosk.name })}>
                <h3>{t('hours.kiosk', { name: kiosk.name })}</h3>
                <HoursEditor
                  key={JSON.stringify(kiosk.hours)}
                  hours={kiosk.hours}
                  noneText={t('hours.followsUnit')}
                  onSave={(next) => void save(() => hoursApi.saveForKiosk(kiosk.id, next))}
                />
              </section>
            ))}
        </section>
      ))}
    </section>
  );
}

const EMPTY_PERIOD: OpeningPeriod = { opens: '09:00', closes: '15:00' };
const MIDNIGHT = '24:00';

/** The hours of a unit or a kiosk: set or not, the week, and the exceptions to come. */
function HoursEditor({ hours, noneText, onSave }: { hours: OpeningHours | null; noneText: string; onSave: (hours: OpeningHours | null) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [set, setSet] = useState(hours !== null);
  const [edited, setEdited] = useState<OpeningHours>(hours ?? { week: DEFAULT_WEEK, exceptions: [] });
  const today = localDay(new Date()).date;
  const setDay = (day: Weekday, periods: OpeningPeriod[]) => setEdited((current) => ({ ...current, week: { ...current.week, [day]: periods } }));
  const setException = (index: number, exception: OpeningException | null) =>
    setEdited((current) => ({
      ...current,
      exceptions: exception === null ? current.exceptions.filter((_, i) => i !== index) : current.exceptions.map((e, i) => (i === index ? exception : e)),
    }));
  const weekdayName = (day: Weekday) => t(`hours.weekday.${day}`);

  return (
    <form
      className="hours-editor"
      onSubmit={(event) => {
        event.preventDefault();
        // Exceptions whose day has passed are left behind as the hours are saved.
        onSave(set ? { ...edited, exceptions: edited.exceptions.filter((e) => e.date >= today).sort((a, b) => (a.date < b.date ? -1 : 1)) } : null);
      }}
    >
      <label className="check">
        <input type="checkbox" checked={set} onChange={(event) => setSet(event.target.checked)} /> {t('hours.set')}
      </label>
      {!set ? (
        <p className="hint">{noneText}</p>
      ) : (
        <>
          <p className="hint">{t('hours.midnight')}</p>
          <table className="hours-week">
            <caption>{t('hours.week')}</caption>
            <tbody>
              {WEEKDAYS.map((day) => (
                <tr key={day}>
                  <th scope="row">{weekdayName(day)}</th>
                  <td>
                    <Periods label={weekdayName(day)} periods={edited.week[day]} onChange={(periods) => setDay(day, periods)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <fieldset className="hours-exceptions">
            <legend>{t('hours.exceptions')}</legend>
            <p className="hint" id={`${id}-exceptions`}>
              {t('hours.exceptionsHint')}
            </p>
            {edited.exceptions.map((exception, index) => (
              <div key={index} className="hours-exception">
                <label className="field">
                  <span>{t('hours.date')}</span>
                  <input type="date" required value={exception.date} onChange={(event) => setException(index, { ...exception, date: event.target.value })} />
                </label>
                <label className="field">
                  <span>{t('hours.note')}</span>
                  <input type="text" maxLength={80} value={exception.note ?? ''} onChange={(event) => setException(index, { ...exception, note: event.target.value || undefined } as OpeningException)} />
                </label>
                <Periods
                  label={exception.date ? dayIn(i18n.language, exception.date) : t('hours.date')}
                  periods={exception.periods}
                  onChange={(periods) => setException(index, { ...exception, periods })}
                />
                <button type="button" onClick={() => setException(index, null)}>
                  {t('hours.removeException')}
                </button>
              </div>
            ))}
            <button type="button" aria-describedby={`${id}-exceptions`} onClick={() => setEdited((current) => ({ ...current, exceptions: [...current.exceptions, { date: today, periods: [] }] }))}>
              {t('hours.addException')}
            </button>
          </fieldset>
        </>
      )}
      <button type="submit" className="primary">
        {t('hours.save')}
      </button>
    </form>
  );
}

/** A day's opening periods; none means closed all day. */
function Periods({ label, periods, onChange }: { label: string; periods: OpeningPeriod[]; onChange: (periods: OpeningPeriod[]) => void }) {
  const { t } = useTranslation();
  const change = (index: number, period: OpeningPeriod) => onChange(periods.map((p, i) => (i === index ? period : p)));
  return (
    <div className="hours-periods">
      {periods.length === 0 ? <span>{t('hours.closed')}</span> : null}
      {periods.map((period, index) => (
        <span key={index} className="hours-period">
          <input type="time" required aria-label={t('hours.opens', { day: label })} value={period.opens} onChange={(event) => change(index, { ...period, opens: event.target.value })} />
          {' – '}
          {/* A time field goes to 23:59: midnight is written 00:00 there, and kept as 24:00. */}
          <input
            type="time"
            required
            aria-label={t('hours.closes', { day: label })}
            value={period.closes === MIDNIGHT ? '00:00' : period.closes}
            onChange={(event) => change(index, { ...period, closes: event.target.value === '00:00' ? MIDNIGHT : event.target.value })}
          />
          <button type="button" aria-label={t('hours.removePeriod', { day: label })} onClick={() => onChange(periods.filter((_, i) => i !== index))}>
            ×
          </button>
        </span>
      ))}
      {periods.length < MAX_PERIODS_PER_DAY && periods.at(-1)?.closes !== MIDNIGHT ? (
        <button type="button" onClick={() => onChange([...periods, periods.length === 0 ? EMPTY_PERIOD : { opens: periods.at(-1)!.closes, closes: MIDNIGHT }])}>
          {periods.length === 0 ? t('hours.open') : t('hours.addPeriod')}
        </button>
      ) : null}
    </div>
  );
}
