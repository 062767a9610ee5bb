import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '../domain/form-schema';
import { formLabels, orderedOptions } from '../domain/form-labels';
import { localDay } from '../domain/local-day';
import { monthRange, quarterRange, recentQuarters } from '../domain/periods';
import { MIN_COMPARE_ANSWERS, type GroupComparison, type PresenceRow, type Proportion, type Report } from '../domain/report';
import { unitName, type Unit } from '../domain/units';
import { useHeadingFocus } from '../ui/use-heading-focus';
import { useAccount } from './account-context';
import { api, download, messageOf } from './api';
import { ErrorMessage } from './error-message';
import { FormPicker } from './form-options';
import { IntervalChart, StackedPercentBars, ValueBars } from './report-charts';
import { UnitChooser } from './unit-chooser';
import { useForms } from './use-forms';

type PeriodKind = 'month' | 'quarter' | 'pilot' | 'range';
type Labels = ReturnType<typeof formLabels>;
type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface ReportAnswer {
  period: { from: string; to: string } | null;
  report: Report | null;
  byUnit?: { unit: string; report: Report }[];
  versions: FormDefinition[];
  units: Unit[];
}

/**
 * The pilot's evaluation report for a period and units, in the coordinator's language, laid out
 * to print on A4: key figures, the day, presence against absence with intervals and a sentence
 * that says no more than the numbers, reach and needs. Each chart has its table beside it.
 */
export default function ReportView() {
  const { t, i18n } = useTranslation();
  const heading = useHeadingFocus<HTMLHeadingElement>('report');
  const today = localDay(new Date()).date;
  const { units } = useAccount();
  const [form, setForm] = useState('');
  const [kind, setKind] = useState<PeriodKind>('month');
  const [month, setMonth] = useState(today.slice(0, 7));
  const [quarter, setQuarter] = useState(() => recentQuarters(today, 1)[0]!);
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const [chosenUnits, setChosenUnits] = useState(() => units.map((u) => u.id));
  const [sideBySide, setSideBySide] = useState(false);
  const [answer, setAnswer] = useState<ReportAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const period = kind === 'month' ? monthRange(month) : kind === 'quarter' ? quarterRange(quarter) : kind === 'range' ? { from, to } : null;
  const paramsFor = (formId: string) =>
    new URLSearchParams({
      form: formId,
      ...(period ? period : {}),
      ...(chosenUnits.length < units.length ? { units: chosenUnits.join(',') } : {}),
      ...(sideBySide && chosenUnits.length > 1 ? { compare: 'units' } : {}),
    });
  const params = paramsFor(form);
  const valid = form !== '' && chosenUnits.length > 0 && (period === null || period.from <= period.to);
  // The CSV link is made from the query of the report on screen, not from fields changed since.
  const [shownQuery, setShownQuery] = useState<URLSearchParams | null>(null);
  const fetchReport = (query: URLSearchParams) =>
    api.report(query).then(
      (found) => {
        setAnswer(found);
        setShownQuery(query);
      },
      (failure: unknown) => setError(messageOf(failure)),
    );
  // The first form's report for this month, as soon as the forms are known.
  const forms = useForms((list) => {
    const first = list[0]?.id;
    if (!first) return;
    setForm((chosen) => chosen || first);
    void fetchReport(paramsFor(first));
  }, setError);

  const show = () => {
    if (!valid) return setError(t('report.invalid'));
    setError(null);
    void fetchReport(params);
  };

  const csv = `/api/coordinator/report.csv?${new URLSearchParams({ ...Object.fromEntries(shownQuery ?? params), labels: ['fi', 'sv', 'en'].includes(i18n.language) ? i18n.language : 'fi', format: 'fi' })}`;
  return (
    <section className="report-view" aria-labelledby="report-heading">
      <div className="no-print">
        <h1 id="report-heading" ref={heading} tabIndex={-1}>
          {t('report.heading')}
        </h1>
        <p>{t('report.intro')}</p>
        <form
          className="filters"
          onSubmit={(event) => {
            event.preventDefault();
            show();
          }}
        >
          <FormPicker forms={forms} value={form} onChange={setForm} />
          <label className="field">
            <span>{t('report.period')}</span>
            <select value={kind} onChange={(event) => setKind(event.target.value as PeriodKind)}>
              {(['month', 'quarter', 'pilot', 'range'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`report.periods.${k}`)}
                </option>
              ))}
            </select>
          </label>
          {kind === 'month' ? (
            <label className="field">
              <span>{t('report.month')}</span>
              <input type="month" value={month} max={today.slice(0, 7)} onChange={(event) => setMonth(event.target.value)} required />
            </label>
          ) : null}
          {kind === 'quarter' ? (
            <label className="field">
              <span>{t('report.quarter')}</span>
              <select value={quarter} onChange={(event) => setQuarter(event.target.value)}>
                {recentQuarters(today, 8).map((q) => (
                  <option key={q} value={q}>
                    {t('report.quarterName', { year: q.slice(0, 4), quarter: q.slice(-1) })}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {kind === 'range' ? (
            <>
              <label className="field">
                <span>{t('dashboard.from')}</span>
                <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} required />
              </label>
              <label className="field">
                <span>{t('dashboard.to')}</span>
                <input type="date" value={to} onChange={(event) => setTo(event.target.value)} required />
              </label>
            </>
          ) : null}
          <UnitChooser chosen={chosenUnits} onChoose={setChosenUnits} sideBySide={sideBySide} onSideBySide={setSideBySide} />
          <button type="submit" className="primary">
            {t('dashboard.show')}
          </button>
        </form>
        <ErrorMessage text={error} />
        {answer?.report ? (
          <p className="report-view__actions">
            <button type="button" onClick={() => window.print()}>
              {t('report.print')}
            </button>
            <a
              href={csv}
              download
              onClick={(event) => {
                event.preventDefault();
                download(csv).catch((failure: unknown) => setError(messageOf(failure)));
              }}
            >
              {t('report.csv')}
            </a>
          </p>
        ) : null}
      </div>
      {answer ? <ReportDocument answer={answer} formTitle={forms.find((f) => f.id === form)?.title} /> : null}
    </section>
  );
}

const pct = (share: number | null, locale: string) => (share === null ? '–' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share));
const num = (value: number | null, locale: string, digits = 0) =>
  value === null ? '–' : new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
/** A difference of shares in percentage points, with its sign. */
// Rounded to a millionth first: 0.625 − 0.4 is 0.22499999999999998, which would read as 22 beside 63 % and 40 %.
const points = (value: number, locale: string) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(Math.round(value * 1e6) / 1e4);
const dateText = (date: string, locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
const weekText = (week: string) => week.replace(/^(\d{4})-W(\d{2})$/, (_m, year: string, w: string) => `${Number(w)}/${year}`);

/** The report itself: what prints. */
function ReportDocument({ answer, formTitle }: { answer: ReportAnswer; formTitle?: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  if (!answer.period || !answer.report) return <p className="notice">{t('report.nothing')}</p>;
  const labels = formLabels(answer.versions, locale);
  const title = formTitle ? (formTitle[locale] ?? Object.values(formTitle)[0]) : undefined;
  const unitNames = (ids: string[]) => ids.map((id) => unitName(answer.units.find((u) => u.id === id)?.names ?? {}, locale)).join(', ');
  const reports: { name: string; report: Report }[] = answer.byUnit
    ? [...answer.byUnit.map(({ unit, report }) => ({ name: unitNames([unit]), report })), { name: t('report.allUnits'), report: answer.report }]
    : [{ name: unitNames(answer.units.map((u) => u.id)), report: answer.report }];
  return (
    <article className="report" aria-labelledby="report-title">
      <header className="report__head">
        <h2 id="report-title">{t('report.title', { form: title ?? '' })}</h2>
        <p>
          {t('report.covers', { from: dateText(answer.period.from, locale), to: dateText(answer.period.to, locale), units: unitNames(answer.units.map((u) => u.id)) })}
        </p>
      </header>
      <KeyFigures reports={reports} t={t} locale={locale} />
      <TheDay reports={reports} labels={labels} versions={answer.versions} t={t} locale={locale} />
      <Presence reports={reports} labels={labels} t={t} locale={locale} />
      <Reach reports={reports} t={t} locale={locale} />
      <Needs reports={reports} labels={labels} t={t} locale={locale} />
      <section className="report__section" aria-labelledby="report-method">
        <h3 id="report-method">{t('report.method.heading')}</h3>
        <p>{t('report.method.intervals', { min: MIN_COMPARE_ANSWERS })}</p>
        <p>{t('report.method.privacy')}</p>
      </section>
    </article>
  );
}

interface SectionProps {
  reports: { name: string; report: Report }[];
  t: Translate;
  locale: string;
}

function KeyFigures({ reports, t, locale }: SectionProps) {
  const first = reports[0]!.report;
  const rows: [string, (r: Report) => string][] = [
    [t('report.key.responses'), (r) => num(r.responses, locale)],
    [t('report.key.perMeal'), (r) => num(r.responsesPerMeal, locale, 2)],
    [t('report.key.meals'), (r) => num(r.mealsServed, locale)],
    [t('report.key.daysLogged'), (r) => num(r.daysLogged, locale)],
    ...first.presentDays.map(({ professional }): [string, (r: Report) => string] => [
      t('report.key.present', { professional: t(`professionals.${professional}`) }),
      (r) => num(r.presentDays.find((p) => p.professional === professional)?.days ?? 0, locale),
    ]),
  ];
  return (
    <section className="report__section" aria-labelledby="report-key">
      <h3 id="report-key">{t('report.key.heading')}</h3>
      <table className="report__table">
        <thead>
          <tr>
            <th scope="col">{t('report.figure')}</th>
            {reports.map(({ name }) => (
              <th key={name} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {reports.map(({ name, report }) => (
                <td key={name}>{value(report)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** An interval as "47–76 %": the unit once, after the upper end. */
function intervalText(p: Proportion, locale: string): string {
  return p.interval ? `${num(p.interval.lower * 100, locale)}–${pct(p.interval.upper, locale)}` : '–';
}

function TheDay({ reports, labels, versions, t, locale }: SectionProps & { labels: Labels; versions: FormDefinition[] }) {
  const first = reports[0]!.report;
  const question = first.day.question;
  return (
    <section className="report__section" aria-labelledby="report-day">
      <h3 id="report-day">{t('report.day.heading')}</h3>
      {question === null ? (
        <p>{t('report.day.none')}</p>
      ) : (
        reports.map(({ name, report }) => {
          const options = report.day.options.length > 0 ? report.day.options : orderedOptions(versions, question);
          const parts = options.map((option) => labels.option(question, option));
          const good = report.day.good;
          return (
            <div key={name} className="report__unit">
              {reports.length > 1 ? <h4>{name}</h4> : null}
              <p className="report__sentence">
                {good.n === 0
                  ? t('report.day.noAnswers')
                  : t('report.day.good', {
                      share: pct(good.share, locale),
                      interval: intervalText(good, locale),
                      count: good.n,
                      options: report.day.goodOptions.map((o) => `”${labels.option(question, o)}”`).join(t('report.and')),
                    })}
              </p>
              <div className="report__pair">
                <StackedPercentBars rows={report.day.weeks.map((w) => ({ label: weekText(w.week), counts: w.counts }))} parts={parts} locale={locale} />
                <table className="report__table">
                  <caption>{t('report.day.tableCaption', { question: labels.question(question) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('dashboard.week')}</th>
                      {parts.map((part) => (
                        <th key={part} scope="col">
                          {part}
                        </th>
                      ))}
                      <th scope="col">{t('report.n')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.day.weeks.map((w) => (
                      <tr key={w.week}>
                        <th scope="row">{weekText(w.week)}</th>
                        {w.counts.map((count, i) => (
                          <td key={options[i]}>{w.answered === 0 ? '–' : pct(count / w.answered, locale)}</td>
                        ))}
                        <td>{w.answered}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          );
        })
      )}
    </section>
  );
}

/** The sentence that says what a comparison shows, and no more. */
function comparisonSentence(row: PresenceRow, comparison: GroupComparison, labels: Labels, t: Translate, locale: string): string {
  const { present, absent, difference } = comparison;
  const about = {
    professional: t(`report.who.${row.professional}`),
    question: labels.question(row.question),
    option: labels.option(row.question, row.positiveOption),
    presentDays: present.days,
    absentDays: absent.days,
  };
  if (difference === null) {
    return t('report.presence.tooFew', { ...about, professional: t(`professionals.${row.professional}`), min: MIN_COMPARE_ANSWERS, presentN: present.n, absentN: absent.n });
  }
  const main = t('report.presence.sentence', {
    ...about,
    presentShare: pct(present.share, locale),
    presentInterval: intervalText(present, locale),
    presentN: present.n,
    absentShare: pct(absent.share, locale),
    absentInterval: intervalText(absent, locale),
    absentN: absent.n,
  });
  const diff = t('report.presence.difference', {
    difference: points(difference.difference, locale),
    lower: points(difference.lower, locale),
    upper: points(difference.upper, locale),
  });
  const verdict = difference.lower <= 0 && difference.upper >= 0 ? t('report.presence.includesZero') : t('report.presence.excludesZero');
  return `${main} ${diff} ${verdict}`;
}

function Presence({ reports, labels, t, locale }: SectionProps & { labels: Labels }) {
  return (
    <section className="report__section" aria-labelledby="report-presence">
      <h3 id="report-presence">{t('report.presence.heading')}</h3>
      <p>{t('report.presence.intro')}</p>
      {reports.map(({ name, report }) => {
        const rows = report.presence.filter((row) => row.all.present.days > 0);
        // One level below the unit's name when units are side by side.
        const Heading = reports.length > 1 ? 'h5' : 'h4';
        return (
          <div key={name} className="report__unit">
            {reports.length > 1 ? <h4>{name}</h4> : null}
            {rows.length === 0 ? <p>{t('report.presence.noneLogged')}</p> : null}
            {rows.map((row) => (
              <div key={`${row.professional}/${row.question}`} className="report__comparison">
                <Heading>
                  {t(`professionals.${row.professional}`)}: ”{labels.question(row.question)}”
                </Heading>
                <p className="report__sentence">{comparisonSentence(row, row.all, labels, t, locale)}</p>
                {/* No answers on either side: the sentence says so, an empty chart would not. */}
                {row.all.present.n + row.all.absent.n === 0 ? null : (
                <div className="report__pair">
                  <IntervalChart
                    locale={locale}
                    rows={[
                      { label: t('report.presence.presentRow', { days: row.all.present.days }), share: row.all.present.share, lower: row.all.present.interval?.lower ?? null, upper: row.all.present.interval?.upper ?? null },
                      { label: t('report.presence.absentRow', { days: row.all.absent.days }), share: row.all.absent.share, lower: row.all.absent.interval?.lower ?? null, upper: row.all.absent.interval?.upper ?? null },
                    ]}
                  />
                  <ComparisonTable row={row} t={t} locale={locale} labels={labels} />
                </div>
                )}
                <p className="report__note">
                  {t('report.presence.weekdays', { weekdays: row.sameWeekdays.weekdays.map((d) => weekdayName(d, locale)).join(', ') })}{' '}
                  {comparisonSentence(row, row.sameWeekdays, labels, t, locale)}
                </p>
              </div>
            ))}
          </div>
        );
      })}
      <p className="report__note">{t('report.presence.confounders')}</p>
    </section>
  );
}

function weekdayName(day: number, locale: string): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, day)));
}

function ComparisonTable({ row, t, locale, labels }: { row: PresenceRow; t: Translate; locale: string; labels: Labels }) {
  const line = (name: string, comparison: GroupComparison) => (
    <>
      <tr>
        <th scope="row">{t('report.presence.presentCell', { group: name })}</th>
        <td>{comparison.present.days}</td>
        <td>{comparison.present.n}</td>
        <td>{pct(comparison.present.share, locale)}</td>
        <td>{intervalText(comparison.present, locale)}</td>
      </tr>
      <tr>
        <th scope="row">{t('report.presence.absentCell', { group: name })}</th>
        <td>{comparison.absent.days}</td>
        <td>{comparison.absent.n}</td>
        <td>{pct(comparison.absent.share, locale)}</td>
        <td>{intervalText(comparison.absent, locale)}</td>
      </tr>
      <tr>
        <th scope="row">{t('report.presence.differenceCell', { group: name })}</th>
        <td colSpan={2} />
        <td>{comparison.difference ? points(comparison.difference.difference, locale) : '–'}</td>
        <td>{comparison.difference ? `${points(comparison.difference.lower, locale)} … ${points(comparison.difference.upper, locale)}` : t('report.presence.tooFewCell')}</td>
      </tr>
    </>
  );
  return (
    <table className="report__table">
      <caption>{t('report.presence.tableCaption', { option: labels.option(row.question, row.positiveOption) })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('report.group')}</th>
          <th scope="col">{t('report.days')}</th>
          <th scope="col">{t('report.n')}</th>
          <th scope="col">{t('report.share')}</th>
          <th scope="col">{t('report.interval')}</th>
        </tr>
      </thead>
      <tbody>
        {line(t('report.presence.allDays'), row.all)}
        {line(t('report.presence.sameWeekdays'), row.sameWeekdays)}
      </tbody>
    </table>
  );
}

function Reach({ reports, t, locale }: SectionProps) {
  return (
    <section className="report__section" aria-labelledby="report-reach">
      <h3 id="report-reach">{t('report.reach.heading')}</h3>
      <p>{t('report.reach.intro')}</p>
      {reports.map(({ name, report }) => (
        <div key={name} className="report__unit">
          {reports.length > 1 ? <h4>{name}</h4> : null}
          {report.mealsServed === 0 ? (
            <p className="notice">{t('report.reach.noMeals')}</p>
          ) : (
            <div className="report__pair">
              <ValueBars rows={report.reach.map((w) => ({ label: weekText(w.week), value: w.perMeal }))} format={(v) => num(v, locale, 2)} />
              <table className="report__table">
                <caption>{t('report.reach.tableCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('dashboard.week')}</th>
                    <th scope="col">{t('dashboard.responses')}</th>
                    <th scope="col">{t('dashboard.meals')}</th>
                    <th scope="col">{t('report.key.perMeal')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.reach.map((w) => (
                    <tr key={w.week}>
                      <th scope="row">{weekText(w.week)}</th>
                      <td>{w.responses}</td>
                      <td>{w.mealsServed}</td>
                      <td>{num(w.perMeal, locale, 2)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      ))}
    </section>
  );
}

function Needs({ reports, labels, t, locale }: SectionProps & { labels: Labels }) {
  return (
    <section className="report__section" aria-labelledby="report-needs">
      <h3 id="report-needs">{t('report.needs.heading')}</h3>
      {reports.map(({ name, report }) => (
        <div key={name} className="report__unit">
          {reports.length > 1 ? <h4>{name}</h4> : null}
          {report.choices.map((choice) => (
            <div key={choice.question}>
              <p>{t('report.needs.question', { question: labels.question(choice.question), count: choice.answered })}</p>
              <div className="report__pair">
                <ValueBars rows={choice.options.map((o) => ({ label: labels.option(choice.question, o.option), value: o.share }))} format={(v) => pct(v, locale)} max={1} />
                <table className="report__table">
                  <caption>{labels.question(choice.question)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('dashboard.option')}</th>
                      <th scope="col">{t('report.count')}</th>
                      <th scope="col">{t('report.share')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {choice.options.map((o) => (
                      <tr key={o.option}>
                        <th scope="row">{labels.option(choice.question, o.option)}</th>
                        <td>{o.count}</td>
                        <td>{pct(o.share, locale)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}
