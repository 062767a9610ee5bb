import { decimal, neutralised, type CsvFormat } from './csv-cells';
import { PROFESSIONALS, type UnitDayLogEntry } from './day-log';
import type { SummarySplit } from './export-query';
import type { FormDefinition } from './form-schema';
import type { AgeGroupCounts } from './age-groups';
import { formLabels, orderedOptions } from './form-labels';
import { periodOf, wholePeriods, type Period } from './periods';
import type { FeedbackResponse, UnitResponse } from './response';
import { hiddenMarker, minimumForCounts, SMALL_COUNT_THRESHOLD, suppressGroup } from './small-counts';
import { changedQuestions, wordingChanges } from './wording-changes';

/**
 * The rows of the CSV downloads, as arrays of cells (the server streams them through a CSV
 * library). The anonymity rules applied here are written down in the README.
 */
export type Row = string[];

const NO_ANSWER = '';

type Labels = ReturnType<typeof formLabels>;

/** The form's background question (age group), whose counts only the summary by month shows, protected. */
export function backgroundQuestion(versions: FormDefinition[]): string | null {
  for (const form of [...versions].reverse()) {
    const question = form.questions.find((q) => q.type === 'background');
    if (question) return question.id;
  }
  return null;
}

function questionTypes(versions: FormDefinition[]): Map<string, string> {
  const types = new Map<string, string>();
  for (const form of versions) for (const question of form.questions) types.set(question.id, question.type);
  return types;
}

export interface ExportSetup {
  versions: FormDefinition[];
  /** The language of question and option labels in the file. */
  labelLanguage: string;
  format: CsvFormat;
  /** Each unit's name in the label language, for the files' unit column. */
  unitNames: Map<string, string>;
}

/**
 * A unit's age-group counts of a month as first published (see AgeGroupCounts). Age groups are
 * published per unit and never added up over units: every age-group figure in any file is one
 * unit's own protected figure, the same in every file, so no file with another set of units, and
 * no area total, can be set against it to work out a hidden count.
 */
export interface UnitAgeGroups {
  unit: string;
  counts: AgeGroupCounts;
}

/* ---------------------------------------------------------------- summary */

interface GroupCounts {
  responses: number;
  /** question → option → count; option '' is "answered at all". */
  answers: Map<string, Map<string, number>>;
}

const emptyGroup = (): GroupCounts => ({ responses: 0, answers: new Map() });

/** The counts of several groups added up: a period over all its versions. */
function merged(groups: GroupCounts[]): GroupCounts {
  const total = emptyGroup();
  for (const group of groups) {
    total.responses += group.responses;
    for (const [question, byOption] of group.answers) {
      const into = total.answers.get(question) ?? new Map<string, number>();
      for (const [option, count] of byOption) into.set(option, (into.get(option) ?? 0) + count);
      total.answers.set(question, into);
    }
  }
  return total;
}

/**
 * Counts responses per fixed period (day, ISO week or month) and form version as they stream
 * past; holds only the counts, never the responses, so memory does not grow with the data.
 * The background question (age group) is published by month only: see rows().
 */
export class SummaryCounter {
  /** period → form version → counts. */
  private readonly periods = new Map<string, Map<number, GroupCounts>>();

  constructor(
    private readonly period: Period,
    private readonly background: string | null,
    private readonly split: SummarySplit = 'none',
  ) {}

  addDay(day: readonly Pick<FeedbackResponse, 'date' | 'formVersion' | 'answers'>[]): void {
    for (const response of day) this.add(response);
  }

  private add(response: Pick<FeedbackResponse, 'date' | 'formVersion' | 'answers'>): void {
    const key = periodOf(response.date, this.period);
    const versions = this.periods.get(key) ?? new Map<number, GroupCounts>();
    this.periods.set(key, versions);
    const counts = versions.get(response.formVersion) ?? emptyGroup();
    versions.set(response.formVersion, counts);
    counts.responses += 1;
    for (const [question, value] of Object.entries(response.answers)) {
      const byOption = counts.answers.get(question) ?? new Map<string, number>();
      const chosen = Array.isArray(value) ? value : typeof value === 'string' && value.trim() !== '' ? [value] : [];
      if (chosen.length === 0) continue;
      byOption.set('', (byOption.get('') ?? 0) + 1);
      for (const option of chosen) byOption.set(option, (byOption.get(option) ?? 0) + 1);
      counts.answers.set(question, byOption);
    }
  }

  /**
   * The background question's counts of each month counted, as a summary by month first
   * publishes them (see AgeGroupCounts): per option that a version answered in the month offered,
   * and '' for no answer. Only for a counter by month, not split.
   */
  ageGroupCounts(versions: FormDefinition[]): Map<string, AgeGroupCounts> {
    const question = this.background;
    if (question === null || this.period !== 'month' || this.split !== 'none') return new Map();
    return new Map(
      [...this.periods].map(([month, groups]) => {
        const total = merged([...groups.values()]);
        const byOption = total.answers.get(question) ?? new Map<string, number>();
        const offered = orderedOptions(versions.filter((form) => groups.has(form.version)), question);
        const counts = new Map(offered.map((option) => [option, byOption.get(option) ?? 0]));
        counts.set(NO_ANSWER, total.responses - (byOption.get('') ?? 0));
        return [month, { question, counts, total: total.responses }];
      }),
    );
  }

  /**
   * One row per period × question × answer (× form version, when split) with its count and
   * share of those who answered, plus the group's responses and the period's meals served.
   * Free texts are not summarised (they come in their own file).
   *
   * The background question's counts are in one table only: the summary by month, not split by
   * version. Days sit inside weeks and months, and weeks straddle months: with age groups at two
   * of these, a month minus its whole weeks leaves the partial weeks at its ends, and those chain
   * from the start of the data until single days are solved; months alone cannot be subtracted
   * from one another. Split by version, a month's ".." made of versions' "<5"s (6 = 3 + 3) would
   * tell that neither version had none, whatever else is hidden, so the split leaves the
   * question out. A month's age rows are those of `ages` (as first published, see
   * AgeGroupCounts), with that total as their responses_in_period; a month not in it has none.
   * They are protected (small-counts.ts): below 5 shown as "<5", a count hidden to protect
   * another as "..", no shares; a month with too few responses for that to hold
   * (minimumForCounts) has no rows for the question.
   *
   * A last column names, per question, the versions in the file at which its wording changed
   * (each compared with the one before it in the file); empty when none. It is always there, so
   * a script reading the file finds the same columns whichever versions a range holds.
   *
   * The first column names the unit the counts are of: `units`, the units counted here (several
   * added up read "A + B"). The age rows of a month are each unit's own (UnitAgeGroups), under its
   * own name, one set after another, however many units the other counts add up.
   */
  rows({ versions, labelLanguage, format, unitNames }: ExportSetup, mealsByPeriod: Map<string, number>, ages: Map<string, UnitAgeGroups[]> = new Map(), units: readonly string[] = []): Row[] {
    const byVersion = this.split === 'version';
    const inFile = new Set([...this.periods.values()].flatMap((groups) => [...groups.keys()]));
    const changed = changedQuestions(wordingChanges(versions.filter((form) => inFile.has(form.version))));
    const unitLabel = neutralised(units.map((unit) => unitNames.get(unit) ?? unit).join(' + '));
    const rows: Row[] = [
      [
        'unit',
        'period',
        ...(byVersion ? ['version'] : []),
        'question_id',
        'question',
        'answer_id',
        'answer',
        'count',
        'share',
        'responses_in_period',
        'meals_served_in_period',
        'wording_changed_in_version',
      ],
    ];

    /** The rows of one group: a period, or a version of a period, in the wording of `forms`; the background question's only from `published`, each unit's apart. */
    const groupRows = (lead: string[], counts: GroupCounts, forms: FormDefinition[], meals: string, published: UnitAgeGroups[]) => {
      const labels = formLabels(forms, labelLanguage);
      const types = questionTypes(forms);
      const row = (question: string, option: string, count: string, share: string, responses: number, unit = unitLabel, mealsCell = meals) =>
        rows.push([
          unit,
          ...lead,
          question,
          neutralised(labels.question(question)),
          option,
          option === NO_ANSWER ? '' : neutralised(labels.option(question, option)),
          count,
          share,
          String(responses),
          mealsCell,
          (changed.get(question) ?? []).join('; '),
        ]);
      for (const question of labels.questionIds) {
        const type = types.get(question);
        if (type === 'free-text') continue;
        if (type === 'background') {
          for (const { unit, counts: ofUnit } of published) {
            const hidden = ofUnit.question === question ? protectedAges(ofUnit, forms) : null;
            if (!hidden) continue;
            const answered = ofUnit.total - (ofUnit.counts.get(NO_ANSWER) ?? 0);
            const anyHidden = [...hidden.values()].some(Boolean);
            // Several units added up: the row is one unit's, and the meals cell is left empty, as it would be the units' sum.
            const own = published.length > 1 || units.length > 1 ? neutralised(unitNames.get(unit) ?? unit) : unitLabel;
            for (const [option, isHidden] of hidden) {
              const count = ofUnit.counts.get(option) ?? 0;
              const share = option === NO_ANSWER || anyHidden ? '' : decimal(answered === 0 ? 0 : count / answered, format);
              row(question, option, isHidden ? hiddenMarker(count) : String(count), share, ofUnit.total, own, own === unitLabel ? meals : '');
            }
          }
          continue;
        }
        const byOption = counts.answers.get(question) ?? new Map<string, number>();
        const answered = byOption.get('') ?? 0;
        for (const option of [...orderedOptions(forms, question), NO_ANSWER]) {
          const count = option === NO_ANSWER ? counts.responses - answered : (byOption.get(option) ?? 0);
          row(question, option, String(count), option === NO_ANSWER ? '' : decimal(answered === 0 ? 0 : count / answered, format), counts.responses);
        }
      }
    };

    const withAges = this.period === 'month' && !byVersion;
    for (const [period, groups] of [...this.periods].sort(([a], [b]) => a.localeCompare(b))) {
      const meals = mealsByPeriod.has(period) ? String(mealsByPeriod.get(period)) : '';
      if (!byVersion) {
        groupRows([period], merged([...groups.values()]), versions, meals, withAges ? (ages.get(period) ?? []) : []);
        continue;
      }
      for (const version of [...groups.keys()].sort((a, b) => a - b)) {
        // Each version in its own wording, with its own questions and options.
        groupRows([period, String(version)], groups.get(version)!, versions.filter((form) => form.version === version), meals, []);
      }
    }
    return rows;
  }
}

/**
 * Which of a month's published age-group counts to hide, by option ('' for no answer) in the
 * form's order, or null when the month had too few responses to show any. An option that no
 * version of the month offered (none in the counts) is 0, as anyone can tell: never a cover for
 * another count, though shown as "<5" like any small one.
 */
function protectedAges(published: AgeGroupCounts, versions: FormDefinition[]): Map<string, boolean> | null {
  const columns = [...orderedOptions(versions, published.question), NO_ANSWER];
  const known = columns.map((option) => !published.counts.has(option));
  if (published.total < minimumForCounts(published.counts.size)) return null;
  const hidden = suppressGroup(
    columns.map((option) => published.counts.get(option) ?? 0),
    { known },
  );
  return new Map(columns.map((option, c) => [option, hidden[c]! || known[c]!]));
}

/* ---------------------------------------------------------------- responses */

interface Column {
  header: string;
  /** The cell's text, already safe for a spreadsheet (labels are neutralised once, up front). */
  cell(response: UnitResponse): string;
}

/**
 * The columns of the responses file: date, part of day, form version, language, then a column
 * per question (the chosen option's label) or, for a multiple choice, a 0/1 column per option
 * (empty when the question was skipped). Free texts are left out: they come in their own file.
 * So is the background question (age group): a row's date, part of day, language and version
 * narrow it to a few people, and the age group is published only as protected monthly counts in
 * the summary, which this file then cannot be subtracted from.
 */
export function responseColumns({ versions, labelLanguage, unitNames }: ExportSetup): Column[] {
  const labels: Labels = formLabels(versions, labelLanguage);
  const types = questionTypes(versions);
  const safeUnitNames = new Map([...unitNames].map(([unit, name]) => [unit, neutralised(name)]));
  const columns: Column[] = [
    { header: 'unit', cell: (r) => safeUnitNames.get(r.unitId) ?? r.unitId },
    { header: 'date', cell: (r) => r.date },
    { header: 'part_of_day', cell: (r) => r.partOfDay },
    { header: 'form_version', cell: (r) => String(r.formVersion) },
    { header: 'language', cell: (r) => r.language },
  ];
  for (const question of labels.questionIds) {
    const type = types.get(question);
    if (type === 'free-text' || type === 'background') continue;
    if (type === 'multiple-choice') {
      for (const option of orderedOptions(versions, question)) {
        columns.push({
          header: `${labels.question(question)}: ${labels.option(question, option)}`,
          cell: (r) => {
            const value = r.answers[question];
            return Array.isArray(value) && value.length > 0 ? (value.includes(option) ? '1' : '0') : '';
          },
        });
      }
    } else {
      const safeLabels = new Map(orderedOptions(versions, question).map((option) => [option, neutralised(labels.option(question, option))]));
      columns.push({
        header: labels.question(question),
        cell: (r) => {
          const value = r.answers[question];
          return typeof value === 'string' ? (safeLabels.get(value) ?? neutralised(value)) : '';
        },
      });
    }
  }
  return columns;
}

export function responseHeader(columns: Column[]): Row {
  return columns.map((column) => neutralised(column.header));
}

export function responseRows(day: UnitResponse[], columns: Column[]): Row[] {
  return day.map((response) => columns.map((column) => column.cell(response)));
}

/* ---------------------------------------------------------------- day log */

export function dayLogRows(days: UnitDayLogEntry[], professionalLabels: Record<string, string>, unitNames: Map<string, string>): Row[] {
  return [
    ['unit', 'date', 'meals_served', ...PROFESSIONALS.map((p) => neutralised(professionalLabels[p] ?? p)), 'note'],
    ...days.map((day) => [
      neutralised(unitNames.get(day.unit) ?? day.unit),
      day.date,
      day.mealsServed === null ? '' : String(day.mealsServed),
      ...PROFESSIONALS.map((p) => (day.professionals.includes(p) ? '1' : '0')),
      neutralised(day.note),
    ]),
  ];
}

/* ---------------------------------------------------------------- free texts */

export interface FreeText {
  /** The response's id: lets a coordinator redact it, and is in no other file. */
  id: string;
  /** The unit of the kiosk it was written at: the rule below holds in each unit on its own. */
  unit: string;
  date: string;
  /** The response's language: the text's own language says it to anyone who reads it. */
  language: string;
  question: string;
  text: string;
}

/**
 * Free texts, and any figure about them, come from whole ISO weeks of 5 or more responses only,
 * in the dashboard's list and in the download alike. One partition, never two: a month's list minus
 * the lists of its weeks would give the texts of its small weeks, and a month's list beside a
 * week's would date texts to the days the two share.
 */
export const FREE_TEXT_PERIOD: Period = 'week';

/** A form's responses on one date in one language (all versions). */
export interface ResponsesOfDate {
  unit: string;
  date: string;
  language: string;
  formVersion: number;
  count: number;
}

/**
 * Whether the ISO week of `date` has ended: its Sunday is before `today` (the Helsinki date).
 * A week still going on gives no free texts: opened every evening, its list would date each new
 * text to its day. A text that arrives late into an ended week is dated only to its week.
 */
export function weekEnded(date: string, today: string): boolean {
  return wholePeriods(date, date, FREE_TEXT_PERIOD).to < today;
}

/** Per unit and ended ISO week, its responses in all and per language. */
interface WeekCounts {
  all: number;
  /** language → form version → responses. */
  byLanguage: Map<string, Map<number, number>>;
}

function endedWeeks(responses: ResponsesOfDate[], today: string): Map<string, WeekCounts> {
  const weeks = new Map<string, WeekCounts>();
  for (const { unit, date, language, formVersion, count } of responses) {
    if (!weekEnded(date, today)) continue;
    const key = unitWeek(unit, date);
    const week = weeks.get(key) ?? { all: 0, byLanguage: new Map<string, Map<number, number>>() };
    weeks.set(key, week);
    week.all += count;
    const byVersion = week.byLanguage.get(language) ?? new Map<number, number>();
    week.byLanguage.set(language, byVersion);
    byVersion.set(formVersion, (byVersion.get(formVersion) ?? 0) + count);
  }
  return weeks;
}

const unitWeek = (unit: string, date: string) => `${unit}|${periodOf(date, FREE_TEXT_PERIOD)}`;

/** The ISO weeks from which some unit's free texts may be shown: ended, with at least 5 responses in that unit. */
export function weeksShown(responses: ResponsesOfDate[], today: string): Set<string> {
  return new Set([...endedWeeks(responses, today)].filter(([, week]) => week.all >= SMALL_COUNT_THRESHOLD).map(([key]) => key.split('|')[1]!));
}

/**
 * The free texts that may be shown, in random order: only from ISO weeks that have ended, with
 * at least 5 responses, and at least 5 that could have written the text: in the text's language
 * (plain to anyone who reads it) and of a form version that has its question (a question added in
 * a new version says which version its texts answered). The responses file has each response's
 * date, language and version: a Swedish text from a week with one Swedish response would be that
 * row's.
 *
 * Every count is of the text's own unit: a week of 2 responses in a small unit shows none of its
 * texts however many the other units had. So the texts shown for several units are exactly those
 * shown for each on its own, and no list set beside another can tell more.
 */
export function shownFreeTexts(texts: FreeText[], responses: ResponsesOfDate[], versions: FormDefinition[], today: string, random: () => number): FreeText[] {
  const weeks = endedWeeks(responses, today);
  const versionsWith = (question: string) => new Set(versions.filter((form) => form.questions.some((q) => q.id === question)).map((form) => form.version));
  const kept = texts.filter((t) => {
    const week = weeks.get(unitWeek(t.unit, t.date));
    if (week === undefined || week.all < SMALL_COUNT_THRESHOLD) return false;
    const having = versionsWith(t.question);
    const couldHaveWritten = [...(week.byLanguage.get(t.language) ?? new Map<number, number>())].reduce((sum, [version, count]) => sum + (having.has(version) ? count : 0), 0);
    return couldHaveWritten >= SMALL_COUNT_THRESHOLD;
  });
  for (let i = kept.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [kept[i], kept[j]] = [kept[j]!, kept[i]!];
  }
  return kept;
}

/** Free-text answers in a file of their own: without dates or anything else from the response. */
export function freeTextRows(shown: FreeText[], { versions, labelLanguage, unitNames }: ExportSetup): Row[] {
  const labels = formLabels(versions, labelLanguage);
  return [['unit', 'question', 'text'], ...shown.map((t) => [neutralised(unitNames.get(t.unit) ?? t.unit), neutralised(labels.question(t.question)), neutralised(t.text)])];
}
