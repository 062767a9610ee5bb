import { decimal, neutralised, type CsvFormat } from './csv-cells';
import { CSV_START, csvLines } from './csv-text';
import type { Professional } from './day-log';
import type { Row } from './exports';
import type { GroupComparison, Proportion, Report } from './report';

/**
 * The evaluation report's figures as a CSV file, in the long ("tidy") form: one row per figure,
 * the same columns on every row, a cell left empty where it does not apply.
 *
 *  - section: overview | day | presence | reach | choices
 *  - measure: what the row's number is:
 *      overview  responses, meals_served, responses_per_meal, days_logged, present_days (per
 *                professional), got_help (the help question's "yes" among those who answered it)
 *      day       good_days (the face scale's two highest options together), answers (per week
 *                and option)
 *      presence  positive_answer: the question's first option, per professional, comparison
 *                (all_days | same_weekdays) and group (present | absent | difference)
 *      reach     responses, meals_served, responses_per_meal, per ISO week
 *      choices   chosen: an option of a multiple choice, of those who answered it
 *  - period: "from..to" for the whole range, or an ISO week ("2026-W45")
 *  - question_id, question, option_id, option, professional: what the figure is about, with ids
 *    for scripts and labels for people, as in the summary download
 *  - weekdays: the ISO weekdays (1 = Monday) of a same_weekdays comparison, e.g. "1 4"
 *  - count, n, share: count of n, share = count / n (for responses_per_meal: responses on the days
 *    whose meals were logged, meals served, and responses per meal)
 *  - lower, upper: the 95 % interval of the share (Wilson), or of the difference (Newcombe)
 *  - days: unit-days of a group, of the log (days_logged) or with a professional (present_days)
 *  - note: too_few_answers on a difference row when a group has fewer than MIN_COMPARE_ANSWERS
 *
 * A difference row has the difference in `share`. Like the report itself, the file holds no age
 * group and nothing about free texts.
 */
export const REPORT_COLUMNS = [
  'section',
  'measure',
  'period',
  'question_id',
  'question',
  'option_id',
  'option',
  'professional',
  'comparison',
  'weekdays',
  'group',
  'count',
  'n',
  'share',
  'lower',
  'upper',
  'days',
  'note',
] as const;

type Column = (typeof REPORT_COLUMNS)[number];

/** Names in the coordinator's language: formLabels() gives the first two, the day log's labels the third. */
export interface ReportLabels {
  question(id: string): string;
  option(question: string, id: string): string;
  professional(id: Professional): string;
}

/** The rows of the file, header first, as the other downloads' rows (see exports.ts). */
export function reportRows(report: Report, labels: ReportLabels, format: CsvFormat = 'fi'): Row[] {
  const rows: Row[] = [[...REPORT_COLUMNS]];
  const number = (value: number | null | undefined) => (value === null || value === undefined ? '' : decimal(value, format));
  const whole = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
  const add = (cells: Partial<Record<Column, string>>) => rows.push(REPORT_COLUMNS.map((column) => cells[column] ?? ''));
  const question = (id: string) => ({ question_id: id, question: neutralised(labels.question(id)) });
  const option = (questionId: string, ids: string[]) => ({
    option_id: ids.join(' + '),
    option: neutralised(ids.map((id) => labels.option(questionId, id)).join(' + ')),
  });
  const share = (figure: Proportion) => ({
    count: whole(figure.count),
    n: whole(figure.n),
    share: number(figure.share),
    lower: number(figure.interval?.lower),
    upper: number(figure.interval?.upper),
  });
  const range = `${report.from}..${report.to}`;

  const overview = (measure: string, cells: Partial<Record<Column, string>>) => add({ section: 'overview', measure, period: range, ...cells });
  overview('responses', { count: whole(report.responses) });
  overview('meals_served', { count: whole(report.mealsServed) });
  overview('responses_per_meal', {
    count: whole(report.responsesOnMealDays),
    n: whole(report.mealsServed),
    share: number(report.responsesPerMeal),
  });
  overview('days_logged', { days: whole(report.daysLogged) });
  for (const { professional, days } of report.presentDays) overview('present_days', { professional: neutralised(labels.professional(professional)), days: whole(days) });
  const help = report.shares.gotHelp;
  if (help) overview('got_help', { ...question(help.question), ...option(help.question, [help.option]), ...share(help) });

  const face = report.day.question;
  if (face !== null) {
    add({ section: 'day', measure: 'good_days', period: range, ...question(face), ...option(face, report.day.goodOptions), ...share(report.day.good) });
    for (const week of report.day.weeks) {
      report.day.options.forEach((id, i) => {
        const count = week.counts[i] ?? 0;
        add({ section: 'day', measure: 'answers', period: week.week, ...question(face), ...option(face, [id]), count: whole(count), n: whole(week.answered), share: week.answered === 0 ? '' : number(count / week.answered) });
      });
    }
  }

  for (const row of report.presence) {
    const about = { section: 'presence', measure: 'positive_answer', period: range, ...question(row.question), ...option(row.question, [row.positiveOption]), professional: neutralised(labels.professional(row.professional)) };
    const comparison = (name: string, compared: GroupComparison, weekdays = '') => {
      for (const group of ['present', 'absent'] as const) add({ ...about, comparison: name, weekdays, group, ...share(compared[group]), days: whole(compared[group].days) });
      const difference = compared.difference;
      add({
        ...about,
        comparison: name,
        weekdays,
        group: 'difference',
        share: number(difference?.difference),
        lower: number(difference?.lower),
        upper: number(difference?.upper),
        note: difference ? '' : 'too_few_answers',
      });
    };
    comparison('all_days', row.all);
    comparison('same_weekdays', row.sameWeekdays, row.sameWeekdays.weekdays.join(' '));
  }

  for (const week of report.reach) {
    const reach = (measure: string, cells: Partial<Record<Column, string>>) => add({ section: 'reach', measure, period: week.week, ...cells });
    reach('responses', { count: whole(week.responses) });
    reach('meals_served', { count: whole(week.mealsServed) });
    reach('responses_per_meal', { count: whole(week.responsesOnMealDays), n: whole(week.mealsServed), share: number(week.perMeal) });
  }

  for (const choice of report.choices) {
    for (const { option: id, count, share: ofAnswered } of choice.options) {
      add({ section: 'choices', measure: 'chosen', period: range, ...question(choice.question), ...option(choice.question, [id]), count: whole(count), n: whole(choice.answered), share: number(ofAnswered) });
    }
  }
  return rows;
}

/**
 * The whole file as the other CSV downloads are written (server/routes/exports.ts): a byte order
 * mark so that Excel reads UTF-8, the format's separator and decimal style, RFC 4180 quoting by
 * Papa Parse, CRLF line ends. Like every download it starts with a `unit` column: each part is
 * one report with the name of the units it counts ("A + B" for several added up), one part after
 * another when units are set side by side.
 */
export function reportCsv(parts: { unit: string; report: Report }[], labels: ReportLabels, format: CsvFormat = 'fi'): string {
  const rows: Row[] = [['unit', ...REPORT_COLUMNS]];
  for (const { unit, report } of parts) for (const row of reportRows(report, labels, format).slice(1)) rows.push([neutralised(unit), ...row]);
  return `${CSV_START}${csvLines(rows, format)}`;
}
