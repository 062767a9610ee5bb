import type { DashboardInput, DateCountRow } from './dashboard';
import { PROFESSIONALS, type Professional, type UnitDayLogEntry } from './day-log';
import type { FormDefinition, Question } from './form-schema';
import { orderedOptions } from './form-labels';
import { datesBetween, isoWeek } from './periods';
import { newcombeDifference, wilsonInterval, type Difference, type Interval } from './statistics';
import { ANSWERED } from './tally';

/**
 * The pilot's evaluation report: did the days on which professionals came to the day centre go
 * better for visitors? Built from the same counts as the dashboard (per unit and date) and, like
 * it, per unit-day: a professional present at one unit says nothing of another unit's day, and
 * only a unit-day with a log entry counts as a day with or without someone.
 *
 * The report holds no age group (background question) and nothing about free texts, not even how
 * many were written. Its range is any days, like the dashboard's, while the downloads publish age
 * groups only as protected monthly counts and free texts only from whole weeks of 5 or more
 * responses: a report, or two set side by side, must not become a way around that. Every figure
 * in it is a sum of counts that the dashboard shows for single days (responses, meals, answers
 * per question and option).
 *
 * The form's questions are read from the newest version given (DashboardInput.versions, newest
 * last); the counts may come from any of the versions.
 */

export type { Difference, Interval } from './statistics';

export interface Proportion {
  count: number;
  n: number;
  /** count / n; null when n is 0. */
  share: number | null;
  /** Wilson score interval, 95 %; null when n is 0. */
  interval: Interval | null;
}

/** Fewer answers than this in either group: "too few answers to compare", and no interval. */
export const MIN_COMPARE_ANSWERS = 30;

export interface GroupComparison {
  present: Proportion & { days: number };
  absent: Proportion & { days: number };
  /** present − absent with Newcombe's interval; null when either group has fewer than MIN_COMPARE_ANSWERS answers. */
  difference: Difference | null;
}

export interface PresenceRow {
  professional: Professional;
  question: string;
  positiveOption: string;
  all: GroupComparison;
  /** Absent days only on the weekdays the professional was present on (1 = Monday … 7 = Sunday). */
  sameWeekdays: GroupComparison & { weekdays: number[] };
}

export interface ReportShares {
  /** The face scale's two highest options among those who answered it; null when the form has no face scale. */
  goodDays: (Proportion & { question: string; options: string[] }) | null;
  /**
   * The help question's first option ("yes") among those who answered it, who are those that met
   * someone (see helpQuestion); null when the form has no such question.
   */
  gotHelp: (Proportion & { question: string; option: string }) | null;
}

export interface Report {
  from: string;
  to: string;
  responses: number;
  mealsServed: number;
  /** Responses of the unit-days whose meals were logged, per meal served on them (the dashboard's response rate). */
  responsesPerMeal: number | null;
  /** The responses that rate counts: those of the unit-days whose meals were logged. */
  responsesOnMealDays: number;
  /** Unit-days with a log entry in the range. */
  daysLogged: number;
  presentDays: { professional: Professional; days: number }[];
  day: {
    question: string | null;
    options: string[];
    goodOptions: string[];
    /** Every ISO week the range touches, with the counts of `options` in their order. */
    weeks: { week: string; answered: number; counts: number[] }[];
    good: Proportion;
  };
  presence: PresenceRow[];
  /** Every ISO week the range touches; perMeal as responsesPerMeal, null with no meals logged. */
  reach: { week: string; responses: number; mealsServed: number; perMeal: number | null; responsesOnMealDays: number }[];
  /** Multiple-choice questions other than "who did you meet" ("what do you need help with"); shares add up to more than 1. */
  choices: { question: string; answered: number; options: { option: string; count: number; share: number | null }[] }[];
  shares: ReportShares;
  /** `shares` for each ISO week the range touches (the part of it within the range). */
  shareWeeks: { week: string; shares: ReportShares }[];
}

/** A share of answers with its Wilson interval. */
export function proportion(count: number, n: number): Proportion {
  return { count, n, share: n === 0 ? null : count / n, interval: wilsonInterval(count, n) };
}

const newestForm = (versions: FormDefinition[]): FormDefinition | undefined => versions.at(-1);

type FaceScaleQuestion = Extract<Question, { type: 'face-scale' }>;

/** The form's face-scale question ("How was the day?"), the first if there were several. */
export function faceScaleQuestion(form: FormDefinition | undefined): FaceScaleQuestion | null {
  return form?.questions.find((q): q is FaceScaleQuestion => q.type === 'face-scale') ?? null;
}

/** The face scale's two highest options, "good" and "very good": the last two in option order. */
const goodOptionsOf = (question: FaceScaleQuestion) => question.options.slice(-2).map((option) => option.id);

/**
 * The multiple-choice question that asks whom a visitor met ("met"): the one whose options include
 * at least two of the day log's professionals. It tells whom visitors met, not what they need, so
 * it is not among the report's choices; the help question follows it.
 */
export function professionalsQuestion(form: FormDefinition | undefined): string | null {
  const known = new Set<string>(PROFESSIONALS);
  const question = form?.questions.find((q) => q.type === 'multiple-choice' && q.options.filter((option) => known.has(option.id)).length >= 2);
  return question?.id ?? null;
}

/**
 * The question "did you get help": the yes-no question with the id 'got-help' when the form has
 * one (an id stays when wording and order change, and the counts follow ids), else the first
 * yes-no question shown only after an answer to the professionals question (its show-if rule
 * refers to it), which only those who met someone see. Null when there is neither.
 */
export function helpQuestion(form: FormDefinition | undefined): string | null {
  if (!form) return null;
  const byId = form.questions.find((q) => q.type === 'yes-no' && q.id === 'got-help');
  if (byId) return byId.id;
  const met = professionalsQuestion(form);
  const follower = form.questions.find((q) => q.type === 'yes-no' && met !== null && q.showIf?.question === met);
  return follower?.id ?? null;
}

const inRange = (range: { from: string; to: string }) => (row: { date: string }) => row.date >= range.from && row.date <= range.to;

/** Sum of the counts of the rows of one option (or of the options that match), and of one question unless null. */
function total(rows: DateCountRow[], question: string | null, option: string | ((option: string) => boolean)): number {
  const matches = typeof option === 'string' ? (o: string) => o === option : option;
  return rows.reduce((sum, row) => ((question === null || row.question === question) && matches(row.option) ? sum + row.count : sum), 0);
}

/**
 * The two shares for an "at a glance" panel, over the answers in from..to: good and very good
 * days, and got help among those who met someone. Takes the dashboard's input; only the counts
 * and the form are read.
 */
export function reportSharesOf(input: Pick<DashboardInput, 'from' | 'to' | 'versions' | 'answerCounts'>): ReportShares {
  const form = newestForm(input.versions);
  const rows = input.answerCounts.filter(inRange(input));
  const face = faceScaleQuestion(form);
  const helpId = helpQuestion(form);
  const help = form?.questions.find((q): q is Extract<Question, { type: 'yes-no' }> => q.type === 'yes-no' && q.id === helpId);
  let goodDays: ReportShares['goodDays'] = null;
  if (face) {
    const good = goodOptionsOf(face);
    goodDays = { question: face.id, options: good, ...proportion(total(rows, face.id, (o) => good.includes(o)), total(rows, face.id, ANSWERED)) };
  }
  let gotHelp: ReportShares['gotHelp'] = null;
  if (help) {
    const option = help.options[0]!.id;
    gotHelp = { question: help.id, option, ...proportion(total(rows, help.id, option), total(rows, help.id, ANSWERED)) };
  }
  return { goodDays, gotHelp };
}

const unitDay = (unit: string, date: string) => `${unit}|${date}`;
const countKey = (question: string, option: string) => `${question}|${option}`;

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
function isoWeekday(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
}

export function buildReport(input: DashboardInput): Report {
  const keep = inRange(input);
  const form = newestForm(input.versions);
  const answers = input.answerCounts.filter(keep);
  const responseRows = input.responseCounts.filter(keep);
  // One entry per unit-day, as the dashboard reads the log.
  const logged = new Map<string, UnitDayLogEntry>(input.dayLog.filter(keep).map((entry) => [unitDay(entry.unit, entry.date), entry]));
  const days = [...logged.values()];

  const responsesOn = new Map<string, number>();
  for (const row of responseRows) responsesOn.set(unitDay(row.unit, row.date), (responsesOn.get(unitDay(row.unit, row.date)) ?? 0) + row.count);
  const countsOn = new Map<string, Map<string, number>>();
  for (const row of answers) {
    const key = unitDay(row.unit, row.date);
    const counts = countsOn.get(key) ?? new Map<string, number>();
    counts.set(countKey(row.question, row.option), (counts.get(countKey(row.question, row.option)) ?? 0) + row.count);
    countsOn.set(key, counts);
  }
  const countOver = (group: UnitDayLogEntry[], question: string, option: string) =>
    group.reduce((sum, entry) => sum + (countsOn.get(unitDay(entry.unit, entry.date))?.get(countKey(question, option)) ?? 0), 0);

  const weekOf = new Map(datesBetween(input.from, input.to).map((date) => [date, isoWeek(date)]));
  const weeks = [...new Set(weekOf.values())];
  const byWeek = <T extends { date: string }>(rows: T[]): Map<string, T[]> => {
    const buckets = new Map<string, T[]>(weeks.map((week) => [week, []]));
    for (const row of rows) buckets.get(weekOf.get(row.date)!)!.push(row);
    return buckets;
  };
  const withMeals = days.filter((entry) => entry.mealsServed !== null);
  const mealsOf = (group: UnitDayLogEntry[]) => group.reduce((sum, entry) => sum + (entry.mealsServed ?? 0), 0);
  const responsesOf = (group: UnitDayLogEntry[]) => group.reduce((sum, entry) => sum + (responsesOn.get(unitDay(entry.unit, entry.date)) ?? 0), 0);
  const perMeal = (group: UnitDayLogEntry[]) => (mealsOf(group) > 0 ? responsesOf(group) / mealsOf(group) : null);

  const shares = reportSharesOf(input);
  const face = faceScaleQuestion(form);
  const options = face?.options.map((option) => option.id) ?? [];
  const faceByWeek = byWeek(face ? answers.filter((row) => row.question === face.id) : []);
  const responsesByWeek = byWeek(responseRows);
  const mealDaysByWeek = byWeek(withMeals);

  const comparison = (present: UnitDayLogEntry[], absent: UnitDayLogEntry[], question: string, positive: string): GroupComparison => {
    const group = (of: UnitDayLogEntry[]) => ({ ...proportion(countOver(of, question, positive), countOver(of, question, ANSWERED)), days: of.length });
    const [withThem, without] = [group(present), group(absent)];
    const enough = withThem.n >= MIN_COMPARE_ANSWERS && without.n >= MIN_COMPARE_ANSWERS;
    return { present: withThem, absent: without, difference: enough ? newcombeDifference(withThem.count, withThem.n, without.count, without.n) : null };
  };
  const yesNo = form?.questions.filter((q) => q.type === 'yes-no') ?? [];
  const presence = PROFESSIONALS.flatMap((professional) => {
    const present = days.filter((entry) => entry.professionals.includes(professional));
    const absent = days.filter((entry) => !entry.professionals.includes(professional));
    const weekdays = [...new Set(present.map((entry) => isoWeekday(entry.date)))].sort((a, b) => a - b);
    const absentSameWeekdays = absent.filter((entry) => weekdays.includes(isoWeekday(entry.date)));
    return yesNo.map((question): PresenceRow => {
      const positiveOption = question.options[0]!.id;
      return {
        professional,
        question: question.id,
        positiveOption,
        all: comparison(present, absent, question.id, positiveOption),
        sameWeekdays: { ...comparison(present, absentSameWeekdays, question.id, positiveOption), weekdays },
      };
    });
  });

  const met = professionalsQuestion(form);
  const choices = (form?.questions ?? [])
    .filter((q) => q.type === 'multiple-choice' && q.id !== met)
    .map((q) => {
      const answered = total(answers, q.id, ANSWERED);
      return {
        question: q.id,
        answered,
        options: orderedOptions(input.versions, q.id).map((option) => {
          const count = total(answers, q.id, option);
          return { option, count, share: answered === 0 ? null : count / answered };
        }),
      };
    });

  return {
    from: input.from,
    to: input.to,
    responses: responseRows.reduce((sum, row) => sum + row.count, 0),
    mealsServed: mealsOf(withMeals),
    responsesPerMeal: perMeal(withMeals),
    responsesOnMealDays: responsesOf(withMeals),
    daysLogged: days.length,
    presentDays: PROFESSIONALS.map((professional) => ({ professional, days: days.filter((entry) => entry.professionals.includes(professional)).length })),
    day: {
      question: face?.id ?? null,
      options,
      goodOptions: face ? goodOptionsOf(face) : [],
      weeks: [...faceByWeek].map(([week, rows]) => ({
        week,
        answered: total(rows, null, ANSWERED),
        counts: options.map((option) => total(rows, null, option)),
      })),
      good: shares.goodDays ? proportion(shares.goodDays.count, shares.goodDays.n) : proportion(0, 0),
    },
    presence,
    reach: weeks.map((week) => {
      const mealDays = mealDaysByWeek.get(week)!;
      return {
        week,
        responses: responsesByWeek.get(week)!.reduce((sum, row) => sum + row.count, 0),
        mealsServed: mealsOf(mealDays),
        perMeal: perMeal(mealDays),
        responsesOnMealDays: responsesOf(mealDays),
      };
    }),
    choices,
    shares,
    // The two shares week by week, for a trend line: each week within the range only.
    shareWeeks: [...byWeek(answers)].map(([week, rows]) => ({ week, shares: reportSharesOf({ from: input.from, to: input.to, versions: input.versions, answerCounts: rows }) })),
  };
}
