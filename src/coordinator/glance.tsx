import { useTranslation } from 'react-i18next';
import type { Proportion, Report } from '../domain/report';
import { useAccount } from './account-context';
import { Sparkline } from './report-charts';
import { goToView, viewPath } from './use-view';

/** A link to the day log, where an empty figure is put right; none for a viewer, who has no day log. */
export function DayLogLink({ text }: { text: string }) {
  const { role } = useAccount();
  if (role === 'viewer') return null;
  return (
    <a
      href={viewPath('day-log')}
      onClick={(event) => {
        event.preventDefault();
        goToView('day-log');
      }}
    >
      {text}
    </a>
  );
}

interface Figure {
  label: string;
  /** This period's value and the one before's; null where there is nothing to measure. */
  now: number | null;
  before: number | null;
  kind: 'count' | 'rate' | 'share';
  weekly: (number | null)[];
  /** Said instead of the value when there is none, with a way to put it right. */
  empty: React.ReactNode;
}

const shareOf = (p: Proportion | null | undefined) => (p && p.n > 0 ? p.share : null);

/**
 * "How are we doing" at a glance: this period against the one of the same length before it,
 * for the responses, the responses per meal, the good and very good days and those who got help
 * among those who met someone, each with its change and a weekly trend line.
 */
export function Glance({ now, before }: { now: Report; before: Report }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const figures: Figure[] = [
    {
      label: t('glance.responses'),
      now: now.responses,
      before: before.responses,
      kind: 'count',
      weekly: now.reach.map((w) => w.responses),
      empty: t('glance.noResponses'),
    },
    {
      label: t('glance.perMeal'),
      now: now.responsesPerMeal,
      before: before.responsesPerMeal,
      kind: 'rate',
      weekly: now.reach.map((w) => w.perMeal),
      empty: (
        <>
          {t('glance.noMeals')} <DayLogLink text={t('glance.toDayLog')} />
        </>
      ),
    },
    {
      label: t('glance.goodDays'),
      now: shareOf(now.shares.goodDays),
      before: shareOf(before.shares.goodDays),
      kind: 'share',
      weekly: now.shareWeeks.map((w) => shareOf(w.shares.goodDays)),
      empty: t('glance.noAnswers'),
    },
    {
      label: t('glance.gotHelp'),
      now: shareOf(now.shares.gotHelp),
      before: shareOf(before.shares.gotHelp),
      kind: 'share',
      weekly: now.shareWeeks.map((w) => shareOf(w.shares.gotHelp)),
      empty: t('glance.noAnswers'),
    },
  ];
  const format = (value: number, kind: Figure['kind']) =>
    kind === 'share'
      ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value)
      : new Intl.NumberFormat(locale, { maximumFractionDigits: kind === 'rate' ? 2 : 0, minimumFractionDigits: kind === 'rate' ? 2 : 0 }).format(value);
  const change = (figure: Figure) => {
    if (figure.now === null || figure.before === null) return t('glance.noEarlier');
    const signed = new Intl.NumberFormat(locale, {
      signDisplay: 'exceptZero',
      maximumFractionDigits: figure.kind === 'rate' ? 2 : 0,
      minimumFractionDigits: figure.kind === 'rate' ? 2 : 0,
    });
    const difference = figure.kind === 'share' ? t('glance.points', { points: signed.format((figure.now - figure.before) * 100) }) : signed.format(figure.now - figure.before);
    return t('glance.change', { before: format(figure.before, figure.kind), difference });
  };
  const day = (date: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
  return (
    <section aria-labelledby="glance-heading">
      <h2 id="glance-heading">{t('glance.heading')}</h2>
      <p>{t('glance.periods', { from: day(now.from), to: day(now.to), beforeFrom: day(before.from), beforeTo: day(before.to) })}</p>
      <ul className="glance">
        {figures.map((figure) => (
          <li key={figure.label} className="glance__item">
            <p className="glance__label">{figure.label}</p>
            {figure.now === null ? (
              <p className="glance__empty">{figure.empty}</p>
            ) : (
              <>
                <p className="glance__value">{format(figure.now, figure.kind)}</p>
                <p className="glance__change">{change(figure)}</p>
                <Sparkline values={figure.weekly} />
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
