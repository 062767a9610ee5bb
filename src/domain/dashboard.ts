import type { Professional, UnitDayLogEntry } from './day-log';
import { PROFESSIONALS } from './day-log';
import type { FormDefinition } from './form-schema';
import { datesBetween, isoWeek } from './periods';
import { ANSWERED } from './tally';
import { hasChanges, wordingChanges, type VersionChanges } from './wording-changes';

/** Counts kept per date, form version and language as responses arrive (see server/db/answer-counts.ts). */
export interface AnswerCountRow {
  date: string;
  formVersion: number;
  language: string;
  question: string;
  option: string;
  count: number;
}
export type ResponseCountRow = Omit<AnswerCountRow, 'question' | 'option'>;
/** What the dashboard reads: counts per unit and date, summed over the versions and languages it covers. */
export type DateCountRow = Pick<AnswerCountRow, 'date' | 'question' | 'option' | 'count'> & { unit: string };

export interface OptionCount {
  option: string;
  count: number;
  /** Of those who answered the question; for a multiple choice the shares add up to more than 1. */
  share: number;
}

export interface QuestionSummary {
  question: string;
  /** Responses that answered it, and the rest of the responses in the range. */
  answered: number;
  unanswered: number;
  options: OptionCount[];
}

export interface DaySummary {
  date: string;
  responses: number;
  mealsServed: number | null;
  abandoned: number;
}

export interface Dashboard {
  from: string;
  to: string;
  responses: number;
  mealsServed: number;
  /** Responses per meal served, over the days whose meals were logged; null with none logged. */
  responseRate: number | null;
  abandoned: number;
  days: DaySummary[];
  weeks: { week: string; responses: number; mealsServed: number }[];
  questions: QuestionSummary[];
  /** The pilot's question: answers on days a professional was present, against days they were not. */
  byProfessional: { professional: Professional; present: Comparison; absent: Comparison }[];
  /** The form versions that the range's responses answered, oldest first. */
  answeredVersions: number[];
  /**
   * Where the wording changed between those versions, each compared with the one before it
   * among them: the counts add up answers given to different wordings.
   */
  wordingChanges: VersionChanges[];
}

export interface Comparison {
  days: number;
  responses: number;
  questions: QuestionSummary[];
}

export interface DashboardInput {
  from: string;
  to: string;
  /**
   * The form's versions the counts may come from, newest last: question and option order come
   * from the newest. Only the chosen one when the counts are of one version.
   */
  versions: FormDefinition[];
  answerCounts: DateCountRow[];
  responseCounts: (Pick<ResponseCountRow, 'date' | 'formVersion' | 'count'> & { unit: string })[];
  /** Each unit's own log: a professional present at one unit says nothing of another's day. */
  dayLog: UnitDayLogEntry[];
  abandoned: { date: string; count: number }[];
}

const share = (count: number, of: number) => (of === 0 ? 0 : count / of);
const unitDay = (unit: string, date: string) => `${unit}|${date}`;

/**
 * Questions in the newest version's order, then any only older versions had; options likewise.
 * Two kinds are left out, because a dashboard range can be any days, one language and one
 * version, and two ranges subtracted give a single day:
 *  - the background question (age group): its protected counts are in the summary by month;
 *  - free texts: even "how many wrote something" for a day, set beside a week's list of texts,
 *    dates the texts. The only figure about them is the count of the listed texts, from the
 *    same whole weeks as the list (server/routes/free-texts.ts).
 */
function questionOrder(versions: FormDefinition[]): Map<string, string[]> {
  const order = new Map<string, string[]>();
  for (const form of [...versions].reverse()) {
    for (const question of form.questions) {
      if (question.type === 'background' || question.type === 'free-text') continue;
      const options = order.get(question.id) ?? [];
      if ('options' in question) for (const option of question.options) if (!options.includes(option.id)) options.push(option.id);
      order.set(question.id, options);
    }
  }
  return order;
}

function summarise(order: Map<string, string[]>, rows: DateCountRow[], responses: number, answeredBy: Map<string, number>): QuestionSummary[] {
  const counts = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const byOption = counts.get(row.question) ?? new Map<string, number>();
    byOption.set(row.option, (byOption.get(row.option) ?? 0) + row.count);
    counts.set(row.question, byOption);
  }
  return [...order].map(([question, optionIds]) => {
    const byOption = counts.get(question) ?? new Map<string, number>();
    const answered = answeredBy.get(question) ?? 0;
    const ids = optionIds.length > 0 ? [...optionIds, ...[...byOption.keys()].filter((o) => !optionIds.includes(o))] : [...byOption.keys()];
    return {
      question,
      answered,
      unanswered: Math.max(0, responses - answered),
      options: ids.map((option) => ({ option, count: byOption.get(option) ?? 0, share: share(byOption.get(option) ?? 0, answered) })),
    };
  });
}

function answeredCounts(rows: DateCountRow[]): Map<string, number> {
  const answered = new Map<string, number>();
  for (const row of rows) if (row.option === ANSWERED) answered.set(row.question, (answered.get(row.question) ?? 0) + row.count);
  return answered;
}

export function buildDashboard(input: DashboardInput): Dashboard {
  const order = questionOrder(input.versions);
  const perDate = new Map<string, number>();
  for (const row of input.responseCounts) perDate.set(row.date, (perDate.get(row.date) ?? 0) + row.count);
  const perUnitDay = new Map<string, number>();
  for (const row of input.responseCounts) perUnitDay.set(unitDay(row.unit, row.date), (perUnitDay.get(unitDay(row.unit, row.date)) ?? 0) + row.count);
  const logged = new Map(input.dayLog.map((entry) => [unitDay(entry.unit, entry.date), entry]));
  const mealsOn = new Map<string, number>();
  for (const entry of input.dayLog) if (entry.mealsServed !== null) mealsOn.set(entry.date, (mealsOn.get(entry.date) ?? 0) + entry.mealsServed);
  const abandoned = new Map<string, number>();
  for (const row of input.abandoned) abandoned.set(row.date, (abandoned.get(row.date) ?? 0) + row.count);

  const days = datesBetween(input.from, input.to).map((date) => ({
    date,
    responses: perDate.get(date) ?? 0,
    mealsServed: mealsOn.get(date) ?? null,
    abandoned: abandoned.get(date) ?? 0,
  }));
  const weeks = new Map<string, { week: string; responses: number; mealsServed: number }>();
  for (const day of days) {
    const week = weeks.get(isoWeek(day.date)) ?? { week: isoWeek(day.date), responses: 0, mealsServed: 0 };
    week.responses += day.responses;
    week.mealsServed += day.mealsServed ?? 0;
    weeks.set(week.week, week);
  }
  // Per unit: the responses of a unit whose meals were logged that day, against those meals.
  const withMeals = input.dayLog.filter((entry) => entry.mealsServed !== null);
  const mealsServed = withMeals.reduce((sum, entry) => sum + (entry.mealsServed ?? 0), 0);
  const responsesOnMealDays = withMeals.reduce((sum, entry) => sum + (perUnitDay.get(unitDay(entry.unit, entry.date)) ?? 0), 0);
  const responses = days.reduce((sum, day) => sum + day.responses, 0);
  const choiceRows = input.answerCounts.filter((row) => row.option !== ANSWERED);
  const answered = new Set(input.responseCounts.filter((row) => row.count > 0).map((row) => row.formVersion));
  const answeredVersions = input.versions.filter((form) => answered.has(form.version));

  // A day of each unit on its own: presence is compared with that unit's own log.
  const unitDays = [...logged.keys()];
  const compare = (keep: (key: string) => boolean): Comparison => {
    const kept = unitDays.filter(keep);
    const total = kept.reduce((sum, key) => sum + (perUnitDay.get(key) ?? 0), 0);
    const rows = input.answerCounts.filter((row) => keep(unitDay(row.unit, row.date)));
    return {
      days: kept.length,
      responses: total,
      questions: summarise(order, rows.filter((row) => row.option !== ANSWERED), total, answeredCounts(rows)),
    };
  };

  return {
    from: input.from,
    to: input.to,
    responses,
    mealsServed,
    responseRate: mealsServed > 0 ? responsesOnMealDays / mealsServed : null,
    abandoned: days.reduce((sum, day) => sum + day.abandoned, 0),
    days,
    weeks: [...weeks.values()],
    questions: summarise(order, choiceRows, responses, answeredCounts(input.answerCounts)),
    // Only logged days count: a day with no log entry is neither "present" nor "absent".
    byProfessional: PROFESSIONALS.map((professional) => ({
      professional,
      present: compare((key) => logged.get(key)?.professionals.includes(professional) === true),
      absent: compare((key) => logged.has(key) && !logged.get(key)!.professionals.includes(professional)),
    })),
    answeredVersions: answeredVersions.map((form) => form.version).sort((a, b) => a - b),
    wordingChanges: wordingChanges(answeredVersions).filter(hasChanges),
  };
}
