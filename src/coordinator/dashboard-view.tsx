import { useCallback, useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Dashboard, QuestionSummary } from '../domain/dashboard';
import type { DashboardQuery } from '../domain/dashboard-query';
import { PROFESSIONALS, type Professional } from '../domain/day-log';
import type { FormDefinition } from '../domain/form-schema';
import { localDay } from '../domain/local-day';
import { useHeadingFocus } from '../ui/use-heading-focus';
import { api, messageOf } from './api';
import { FormOptions } from './form-options';
import { BarChart } from './bar-chart';
import { formLabels } from '../domain/form-labels';
import { describeNotes, formNotes, questionNotes, type VersionChanges, type WordingNote } from '../domain/wording-changes';
import { FreeTextList } from './free-text-list';
import { useForms } from './use-forms';
import { ErrorMessage } from './error-message';
import { nameOfUnit, useAccount } from './account-context';
import { UnitChooser } from './unit-chooser';
import { languageNameIn } from '../i18n/kiosk-language-codes';
import { DayLogLink, Glance } from './glance';
import { previousRange } from '../domain/periods';
import type { Report } from '../domain/report';

type Labels = ReturnType<typeof formLabels>;
/** Puts a note on changed wording into words; the question gives the options' labels. */
type SayNote = (question?: string) => (note: WordingNote) => string;

function daysBefore(date: string, days: number): string {
  const at = new Date(`${date}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() - days);
  return at.toISOString().slice(0, 10);
}

/** Responses per day and week, each question's answers, and the pilot's comparison. */
export default function DashboardView() {
  const { t, i18n } = useTranslation();
  const heading = useHeadingFocus<HTMLHeadingElement>('dashboard');
  const today = localDay(new Date()).date;
  const [query, setQuery] = useState<DashboardQuery | null>(null);
  const [result, setResult] = useState<{ dashboard: Dashboard; versions: FormDefinition[]; version?: number; byUnit?: { unit: string; dashboard: Dashboard }[] } | null>(null);
  const { units, role } = useAccount();
  const [chosenUnits, setChosenUnits] = useState(() => units.map((u) => u.id));
  const [sideBySide, setSideBySide] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const forms = useForms((list) => list[0] && setQuery({ form: list[0].id, from: daysBefore(today, 27), to: today }), setError);
  const { register, handleSubmit } = useForm<{ form: string; from: string; to: string; language: string; version: string }>({
    defaultValues: { form: '', from: daysBefore(today, 27), to: today, language: '', version: '' },
  });

  // At a glance: the same units and form, this range against the one of the same length before.
  const [glance, setGlance] = useState<{ of: DashboardQuery; now: Report; before: Report } | null>(null);
  useEffect(() => {
    if (!query) return;
    // Only the form, dates and units: the glance covers every language and version (it says so).
    const params = ({ from, to }: { from: string; to: string }) =>
      new URLSearchParams({ form: query.form, from, to, ...(query.units && query.units.length > 0 ? { units: query.units.join(',') } : {}) });
    Promise.all([api.report(params(query)), api.report(params(previousRange(query.from, query.to)))]).then(
      ([now, before]) => setGlance(now.report && before.report ? { of: query, now: now.report, before: before.report } : null),
      (failure: unknown) => setError(messageOf(failure)),
    );
  }, [query]);

  useEffect(() => {
    if (!query) return;
    api.dashboard(query).then(
      (answer) => {
        setError(null);
        setResult({ ...answer, version: query.version });
      },
      (failure: unknown) => setError(messageOf(failure)),
    );
  }, [query]);

  const show = handleSubmit(({ form, from, to, language, version }) => {
    if (chosenUnits.length === 0) return setError(t('units.none'));
    setQuery({
      form: form || forms[0]!.id,
      from,
      to,
      ...(language ? { language } : {}),
      ...(version ? { version: Number(version) } : {}),
      ...(chosenUnits.length < units.length ? { units: chosenUnits } : {}),
      ...(sideBySide && chosenUnits.length > 1 ? { compare: 'units' as const } : {}),
    });
  });
  const languages = [...new Set(result?.versions.flatMap((v) => v.languages) ?? [])];
  // With one version chosen, its own wording labels the questions and options.
  const labels = useMemo(
    () => (result ? formLabels(result.versions.filter((v) => result.version === undefined || v.version === result.version), i18n.language) : null),
    [result, i18n.language],
  );
  // The free-text list covers every version, whichever one the dashboard shows.
  const allLabels = useMemo(() => (result ? formLabels(result.versions, i18n.language) : null), [result, i18n.language]);

  return (
    <section aria-labelledby="dashboard-heading">
      <h1 id="dashboard-heading" ref={heading} tabIndex={-1}>
        {t('dashboard.heading')}
      </h1>
      <form className="filters" onSubmit={(event) => void show(event)}>
        <label className="field">
          <span>{t('dashboard.form')}</span>
          <select {...register('form')}>
            <FormOptions forms={forms} />
          </select>
        </label>
        <label className="field">
          <span>{t('dashboard.from')}</span>
          <input type="date" required {...register('from', { required: true })} />
        </label>
        <label className="field">
          <span>{t('dashboard.to')}</span>
          <input type="date" required {...register('to', { required: true })} />
        </label>
        <label className="field">
          <span>{t('dashboard.language')}</span>
          <select {...register('language')}>
            <option value="">{t('dashboard.allLanguages')}</option>
            {languages.map((code) => (
              <option key={code} value={code}>
                {languageNameIn(code, i18n.language)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('dashboard.version')}</span>
          <select {...register('version')}>
            <option value="">{t('dashboard.allVersions')}</option>
            {(result?.versions ?? []).map((form) => (
              <option key={form.version} value={form.version}>
                {t('dashboard.versionNumber', { version: form.version })}
              </option>
            ))}
          </select>
        </label>
        <UnitChooser chosen={chosenUnits} onChoose={setChosenUnits} sideBySide={sideBySide} onSideBySide={setSideBySide} />
        <button type="submit" className="primary">
          {t('dashboard.show')}
        </button>
      </form>
      <ErrorMessage text={error} />
      {/* Shown only for the query on screen: a slower answer to an earlier one never stands beside it. */}
      {glance && glance.of === query ? <Glance now={glance.now} before={glance.before} /> : null}
      {result && labels && allLabels && query ? (
        <>
          <DashboardBody
            dashboard={result.dashboard}
            labels={labels}
            byUnit={result.byUnit?.map((u) => ({ name: nameOfUnit(units, u.unit, i18n.language), dashboard: u.dashboard }))}
          />
          {/* A viewer sees counts only: free texts are not theirs to read. */}
          {role !== 'viewer' ? <FreeTextList query={query} labels={allLabels} /> : null}
        </>
      ) : (
        !error && <p>{t('app.loading')}</p>
      )}
    </section>
  );
}

/** The figures of the units chosen, added up; with `byUnit`, each unit's beside them, a series per unit in the charts. */
function DashboardBody({ dashboard, labels, byUnit }: { dashboard: Dashboard; labels: Labels; byUnit?: { name: string; dashboard: Dashboard }[] | undefined }) {
  const { t, i18n } = useTranslation();
  const say: SayNote = useCallback(
    (question) => (note) =>
      t(`dashboard.wording.${note.kind}`, {
        languages: 'languages' in note ? note.languages.map((code) => languageNameIn(code, i18n.language)).join(', ') : '',
        question: 'question' in note ? labels.question(note.question) : '',
        option: 'option' in note && question ? labels.option(question, note.option) : '',
      }),
    [t, labels, i18n.language],
  );
  // Per question, a sentence for each version in the range at which its wording changed, or
  // at which it was added or removed (its answers then come from some versions only).
  const wording = useMemo(() => {
    const notes = new Map<string, string[]>();
    const add = (question: string, change: VersionChanges, changes: string) =>
      notes.set(question, [...(notes.get(question) ?? []), t('dashboard.wordingInQuestion', { version: change.version, previous: change.previous, changes })]);
    for (const change of dashboard.wordingChanges) {
      for (const note of formNotes(change)) if ('question' in note) add(note.question, change, say()(note));
      for (const changes of change.questions) add(changes.question, change, describeNotes(questionNotes(changes), say(changes.question)));
    }
    return notes;
  }, [dashboard, say, t]);
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const number = new Intl.NumberFormat(i18n.language);
  const [professional, setProfessional] = useState<Professional>('health-station');
  const comparison = dashboard.byProfessional.find((p) => p.professional === professional)!;
  const days = useMemo(() => {
    const dayName = new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'numeric', timeZone: 'UTC' });
    return {
      labels: dashboard.days.map((d) => dayName.format(new Date(`${d.date}T12:00:00Z`))),
      series: [{ label: t('dashboard.responses'), values: dashboard.days.map((d) => d.responses) }],
    };
  }, [dashboard, i18n.language, t]);
  const weeks = useMemo(
    () => ({
      labels: dashboard.weeks.map((w) => w.week),
      series: byUnit
        ? byUnit.map((u) => ({ label: u.name, values: u.dashboard.weeks.map((w) => w.responses) }))
        : [{ label: t('dashboard.responses'), values: dashboard.weeks.map((w) => w.responses) }],
    }),
    [dashboard, byUnit, t],
  );

  return (
    <div aria-live="polite">
      <h2>{t('dashboard.totals')}</h2>
      <dl className="figures">
        <div>
          <dt>{t('dashboard.responses')}</dt>
          <dd>{number.format(dashboard.responses)}</dd>
        </div>
        <div>
          <dt>{t('dashboard.meals')}</dt>
          <dd>{number.format(dashboard.mealsServed)}</dd>
        </div>
        <div>
          <dt>{t('dashboard.rate')}</dt>
          <dd>{dashboard.responseRate === null ? t('dashboard.noMeals') : percent.format(dashboard.responseRate)}</dd>
        </div>
        <div>
          <dt>{t('dashboard.abandoned')}</dt>
          <dd>{number.format(dashboard.abandoned)}</dd>
        </div>
      </dl>
      {byUnit ? <UnitTotals byUnit={byUnit} /> : null}
      {dashboard.answeredVersions.length > 0 ? <p>{t('dashboard.versions', { versions: dashboard.answeredVersions.join(', ') })}</p> : null}
      {dashboard.wordingChanges.length > 0 ? <WordingChanges changes={dashboard.wordingChanges} say={say} labels={labels} /> : null}

      {dashboard.responses === 0 ? <p className="empty-state">{t('dashboard.noResponses')}</p> : null}
      <h2>{t('dashboard.perDay')}</h2>
      <BarChart labels={days.labels} series={days.series} />
      <details>
        <summary>{t('dashboard.perDayTable')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.date')}</th>
              <th scope="col">{t('dashboard.responses')}</th>
              <th scope="col">{t('dashboard.meals')}</th>
              <th scope="col">{t('dashboard.abandoned')}</th>
            </tr>
          </thead>
          <tbody>
            {dashboard.days.map((day) => (
              <tr key={day.date}>
                <th scope="row">{day.date}</th>
                <td>{day.responses}</td>
                <td>{day.mealsServed ?? '–'}</td>
                <td>{day.abandoned}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>

      <h2>{t('dashboard.perWeek')}</h2>
      <BarChart labels={weeks.labels} series={weeks.series} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.week')}</th>
            <th scope="col">{t('dashboard.responses')}</th>
            <th scope="col">{t('dashboard.meals')}</th>
          </tr>
        </thead>
        <tbody>
          {dashboard.weeks.map((week, w) => (
            <tr key={week.week}>
              <th scope="row">{week.week}</th>
              <td>
                {week.responses}
                {byUnit ? ` (${byUnit.map((u) => `${u.name}: ${u.dashboard.weeks[w]!.responses}`).join(', ')})` : ''}
              </td>
              <td>{week.mealsServed}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('dashboard.answers')}</h2>
      <p>{t('dashboard.ageGroupsElsewhere')}</p>
      {dashboard.questions.map((question, q) => (
        <QuestionResult
          key={question.question}
          labels={labels}
          groups={byUnit ? byUnit.map((u) => ({ name: u.name, summary: u.dashboard.questions[q]! })) : [{ name: t('dashboard.all'), summary: question }]}
          percent={percent}
          wording={wording.get(question.question)}
        />
      ))}

      <h2>{t('dashboard.keyView')}</h2>
      <p>{t('dashboard.keyViewIntro')}</p>
      <label className="field narrow">
        <span>{t('dashboard.professional')}</span>
        <select value={professional} onChange={(event) => setProfessional(event.target.value as Professional)}>
          {PROFESSIONALS.map((p) => (
            <option key={p} value={p}>
              {t(`professionals.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <p>
        {t('dashboard.presentDays', { days: comparison.present.days, responses: comparison.present.responses })}{' '}
        {t('dashboard.absentDays', { days: comparison.absent.days, responses: comparison.absent.responses })}
      </p>
      {/* Nothing logged: say what is missing and where to put it right, not empty charts. */}
      {comparison.present.days + comparison.absent.days === 0 ? (
        <p className="empty-state">
          {t('dashboard.noDayLog')} <DayLogLink text={t('glance.toDayLog')} />
        </p>
      ) : comparison.present.days === 0 ? (
        <p className="empty-state">{t('dashboard.neverPresent', { professional: t(`professionals.${professional}`) })}</p>
      ) : null}
      {comparison.present.days === 0 ? null : comparison.present.questions.map((question, i) => (
        <QuestionResult
          key={question.question}
          labels={labels}
          percent={percent}
          wording={wording.get(question.question)}
          groups={[
            { name: t('dashboard.present'), summary: question },
            { name: t('dashboard.absent'), summary: comparison.absent.questions[i]! },
          ]}
        />
      ))}
    </div>
  );
}

/** Each unit's totals, side by side. */
function UnitTotals({ byUnit }: { byUnit: { name: string; dashboard: Dashboard }[] }) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <table>
      <caption>{t('units.byUnit')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('units.unit')}</th>
          <th scope="col">{t('dashboard.responses')}</th>
          <th scope="col">{t('dashboard.meals')}</th>
          <th scope="col">{t('dashboard.rate')}</th>
        </tr>
      </thead>
      <tbody>
        {byUnit.map(({ name, dashboard }) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{dashboard.responses}</td>
            <td>{dashboard.mealsServed}</td>
            <td>{dashboard.responseRate === null ? t('dashboard.noMeals') : percent.format(dashboard.responseRate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The versions in the range whose wording changed, and what changed, so nobody compares answers
 * to different wordings without knowing it.
 */
function WordingChanges({ changes, say, labels }: { changes: VersionChanges[]; say: SayNote; labels: Labels }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="wording-changes-heading">
      <h3 id="wording-changes-heading">{t('dashboard.wordingHeading')}</h3>
      <p>{t('dashboard.wordingIntro')}</p>
      {changes.map((change) => (
        <div key={change.version}>
          <h4>{t('dashboard.wordingVersion', { version: change.version, previous: change.previous })}</h4>
          <ul>
            {formNotes(change).map((note, i) => (
              <li key={`form-${i}`}>{say()(note)}</li>
            ))}
            {change.questions.map((question) => (
              <li key={question.question}>
                {t('dashboard.wordingQuestion', { question: labels.question(question.question), changes: describeNotes(questionNotes(question), say(question.question)) })}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function QuestionResult({
  labels,
  groups,
  percent,
  wording = [],
}: {
  labels: Labels;
  groups: { name: string; summary: QuestionSummary }[];
  percent: Intl.NumberFormat;
  /** Where its wording changed between the versions in the range. */
  wording?: string[];
}) {
  const { t } = useTranslation();
  const notes = wording.map((text) => <p key={text}>{text}</p>);
  const first = groups[0]!.summary;
  const title = labels.question(first.question);
  const chart = useMemo(
    () => ({
      labels: first.options.map((o) => labels.option(first.question, o.option)),
      series: groups.map((g) => ({ label: g.name, values: g.summary.options.map((o) => o.share) })),
    }),
    [groups, first, labels],
  );
  return (
    <section className="question-result">
      <h3>{title}</h3>
      {notes}
      <BarChart labels={chart.labels} series={chart.series} horizontal percent height={Math.max(160, 40 * first.options.length * groups.length)} />
      <table>
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.option')}</th>
            {groups.map((g) => (
              <th scope="col" key={g.name}>
                {groups.length > 1 ? `${g.name}: ` : ''}
                {t('dashboard.countAndShare')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {first.options.map((option, i) => (
            <tr key={option.option}>
              <th scope="row">{labels.option(first.question, option.option)}</th>
              {groups.map((g) => (
                <td key={g.name}>
                  {g.summary.options[i]!.count} ({percent.format(g.summary.options[i]!.share)})
                </td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">{t('dashboard.answeredRow')}</th>
            {groups.map((g) => (
              <td key={g.name}>
                {t('dashboard.answeredOf', { answered: g.summary.answered, unanswered: g.summary.unanswered })}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </section>
  );
}
