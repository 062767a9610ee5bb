import { decimal, neutralised, type CsvFormat } from './csv-cells';
import { PROFESSIONALS, type DayLogEntry } from './day-log';
import type { SummarySplit } from './export-query';
import type { FormDefinition } from './form-schema';
import { formLabels, orderedOptions } from './form-labels';
import { periodOf, type Period } from './periods';
import type { FeedbackResponse } from './response';
import { SMALL_COUNT_THRESHOLD, SUPPRESSED, suppressGroup } from './small-counts';
import { changedQuestions, wordingChanges } from './wording-changes';

/**
 * The rows of the CSV downloads, as arrays of cells (the server streams them through a CSV
 * library). The anonymity rules applied here are written down in the README.
 */
export type Row = string[];

const NO_ANSWER = '';

type Labels = ReturnType<typeof formLabels>;

/** The form's background question (age group), whose crossing with other answers is protected. */
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
}

/**
 * The responses of one day whose age group (background question) the responses file hides.
 * The age group is a quasi-identifier together with the date, part of day, language and form
 * version in the same row (on the day a new version reaches the kiosks, the version tells
 * before from after): it shows only when at least 5 responses of that day, part of day,
 * language and version share it, with secondary suppression inside that group.
 */
function hiddenBackground(day: FeedbackResponse[], background: string | null): Set<FeedbackResponse> {
  const hidden = new Set<FeedbackResponse>();
  if (!background) return hidden;
  const groups = new Map<string, Map<string, FeedbackResponse[]>>();
  for (const response of day) {
    const key = `${response.partOfDay}|${response.language}|${response.formVersion}`;
    const byCategory = groups.get(key) ?? new Map<string, FeedbackResponse[]>();
    const members = byCategory.get(backgroundCategory(response, background)) ?? [];
    members.push(response);
    byCategory.set(backgroundCategory(response, background), members);
    groups.set(key, byCategory);
  }
  for (const byCategory of groups.values()) {
    const categories = [...byCategory.values()];
    const suppressed = suppressGroup(categories.map((members) => members.length));
    categories.forEach((members, i) => {
      if (suppressed[i]) for (const response of members) hidden.add(response);
    });
  }
  return hidden;
}

function backgroundCategory(response: Pick<FeedbackResponse, 'answers'>, background: string): string {
  const value = response.answers[background];
  return typeof value === 'string' && value.trim() !== '' ? value : NO_ANSWER;
}

/* ---------------------------------------------------------------- summary */

interface GroupCounts {
  responses: number;
  /** question → option → count; option '' is "answered at all". */
  answers: Map<string, Map<string, number>>;
  /** Age groups (or '' for no answer) with a response whose age the responses file hides. */
  hiddenInFile: Set<string>;
}

const emptyGroup = (): GroupCounts => ({ responses: 0, answers: new Map(), hiddenInFile: new Set<string>() });

/** The counts of several groups added up: a period over all its versions. */
function merged(groups: GroupCounts[]): GroupCounts {
  const total = emptyGroup();
  for (const group of groups) {
    total.responses += group.responses;
    for (const category of group.hiddenInFile) total.hiddenInFile.add(category);
    for (const [question, byOption] of group.answers) {
      const into = total.answers.get(question) ?? new Map<string, number>();
      for (const [option, count] of byOption) into.set(option, (into.get(option) ?? 0) + count);
      total.answers.set(question, into);
    }
  }
  return total;
}

/** The background question's cells of a group: a count per option, the last one "no answer". */
function backgroundCells(counts: GroupCounts, background: string, columns: string[]): number[] {
  const byOption = counts.answers.get(background) ?? new Map<string, number>();
  return columns.map((option) => (option === NO_ANSWER ? counts.responses - (byOption.get('') ?? 0) : (byOption.get(option) ?? 0)));
}

/**
 * Which age-group counts of one period to hide when the summary has a row group per version.
 * The groups are the rows of a table whose column totals are the period's counts over all
 * versions, which the summary without the split publishes: so a count hidden there is hidden
 * in every version, and hiding runs along every version (whose total is its responses) and every
 * age group (whose total is the period's count) until no hidden count can be worked out from a
 * total, within this file or against the other. `cells[v][c]` is null for an option version v
 * did not offer.
 */
function suppressByVersion(cells: (number | null)[][], initially: boolean[][]): boolean[][] {
  const hidden = initially.map((row) => [...row]);
  const pass = (at: [number, number][]) => {
    const present = at.filter(([v, c]) => cells[v]![c] !== null);
    const result = suppressGroup(
      present.map(([v, c]) => cells[v]![c]!),
      SMALL_COUNT_THRESHOLD,
      present.map(([v, c]) => hidden[v]![c]!),
    );
    let changed = false;
    present.forEach(([v, c], i) => {
      if (result[i] && !hidden[v]![c]) {
        hidden[v]![c] = true;
        changed = true;
      }
    });
    return changed;
  };
  const columns = cells[0]?.length ?? 0;
  for (let changed = true; changed; ) {
    changed = false;
    cells.forEach((row, v) => {
      if (pass(row.map((_, c) => [v, c]))) changed = true;
    });
    for (let c = 0; c < columns; c++) if (pass(cells.map((_, v) => [v, c]))) changed = true;
  }
  return hidden;
}

/**
 * Counts responses per fixed period (day, ISO week or month) and form version as they stream
 * past; holds only the counts, never the responses, so memory does not grow with the data.
 */
export class SummaryCounter {
  /** period → form version → counts. */
  private readonly periods = new Map<string, Map<number, GroupCounts>>();

  constructor(
    private readonly period: Period,
    private readonly background: string | null,
    private readonly split: SummarySplit = 'none',
  ) {}

  /**
   * Adds a day of responses. An age group that the responses file hides for any response of the
   * period (and version) is hidden in the summary too: otherwise the summary's count minus the
   * file's visible rows would tell what the hidden rows hold.
   */
  addDay(day: FeedbackResponse[]): void {
    for (const response of day) this.add(response);
    const background = this.background;
    if (!background) return;
    for (const response of hiddenBackground(day, background)) this.group(response).hiddenInFile.add(backgroundCategory(response, background));
  }

  private group(response: Pick<FeedbackResponse, 'date' | 'formVersion'>): GroupCounts {
    const key = periodOf(response.date, this.period);
    const versions = this.periods.get(key) ?? new Map<number, GroupCounts>();
    this.periods.set(key, versions);
    const counts = versions.get(response.formVersion) ?? emptyGroup();
    versions.set(response.formVersion, counts);
    return counts;
  }

  private add(response: Pick<FeedbackResponse, 'date' | 'formVersion' | 'answers'>): void {
    const counts = this.group(response);
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
   * One row per period × question × answer (× form version, when split) with its count and
   * share of those who answered, plus the group's responses and the period's meals served.
   * Free texts are not summarised (they come in their own file). The background question's
   * counts are protected as in a crossing: below 5 shown as "<5", with secondary suppression,
   * because the responses file crosses it; and an age group the responses file hides in the
   * period is hidden here too. Split by version, each version of a period is a group of its
   * own, in its own wording, protected also against the period added up (see suppressByVersion).
   *
   * A last column names, per question, the versions in the file at which its wording changed
   * (each compared with the one before it in the file); empty when none. It is always there, so
   * a script reading the file finds the same columns whichever versions a range holds.
   */
  rows({ versions, labelLanguage, format }: ExportSetup, mealsByPeriod: Map<string, number>): Row[] {
    const byVersion = this.split === 'version';
    const inFile = new Set([...this.periods.values()].flatMap((groups) => [...groups.keys()]));
    const changed = changedQuestions(wordingChanges(versions.filter((form) => inFile.has(form.version))));
    const rows: Row[] = [
      [
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
    const background = this.background;
    const backgroundColumns = background ? [...orderedOptions(versions, background), NO_ANSWER] : [];

    /** The rows of one group: a period, or a version of a period, in the wording of `forms`. */
    const groupRows = (lead: string[], counts: GroupCounts, forms: FormDefinition[], meals: string, backgroundHidden: boolean[]) => {
      const labels = formLabels(forms, labelLanguage);
      const types = questionTypes(forms);
      for (const question of labels.questionIds) {
        if (types.get(question) === 'free-text') continue;
        const byOption = counts.answers.get(question) ?? new Map<string, number>();
        const answered = byOption.get('') ?? 0;
        const options = [...orderedOptions(forms, question), NO_ANSWER];
        const hidden = options.map((option) => question === background && backgroundHidden[backgroundColumns.indexOf(option)] !== false);
        const anyHidden = hidden.some(Boolean);
        for (const [i, option] of options.entries()) {
          const isNoAnswer = option === NO_ANSWER;
          const count = isNoAnswer ? counts.responses - answered : (byOption.get(option) ?? 0);
          const share = isNoAnswer || anyHidden ? '' : decimal(answered === 0 ? 0 : count / answered, format);
          rows.push([
            ...lead,
            question,
            neutralised(labels.question(question)),
            isNoAnswer ? '' : option,
            isNoAnswer ? '' : neutralised(labels.option(question, option)),
            hidden[i] ? SUPPRESSED : String(count),
            share,
            String(counts.responses),
            meals,
            (changed.get(question) ?? []).join('; '),
          ]);
        }
      }
    };

    for (const [period, groups] of [...this.periods].sort(([a], [b]) => a.localeCompare(b))) {
      const meals = mealsByPeriod.has(period) ? String(mealsByPeriod.get(period)) : '';
      const total = merged([...groups.values()]);
      // The background question over all versions: what the summary without the split shows.
      const totalHidden = background
        ? suppressGroup(backgroundCells(total, background, backgroundColumns), SMALL_COUNT_THRESHOLD, backgroundColumns.map((o) => total.hiddenInFile.has(o)))
        : [];
      if (!byVersion) {
        groupRows([period], total, versions, meals, totalHidden);
        continue;
      }
      const shown = [...groups.keys()].sort((a, b) => a - b).map((version) => ({
        version,
        counts: groups.get(version)!,
        // Each version in its own wording, with its own questions and options.
        forms: versions.filter((form) => form.version === version),
      }));
      const hidden = background
        ? suppressByVersion(
            shown.map(({ counts, forms }) => {
              const offered = orderedOptions(forms, background);
              const cells = backgroundCells(counts, background, backgroundColumns);
              return cells.map((count, c) => (c === cells.length - 1 || offered.includes(backgroundColumns[c]!) ? count : null));
            }),
            shown.map(({ counts }) => backgroundColumns.map((option, c) => totalHidden[c]! || counts.hiddenInFile.has(option))),
          )
        : [];
      shown.forEach(({ version, counts, forms }, v) => groupRows([period, String(version)], counts, forms, meals, hidden[v] ?? []));
    }
    return rows;
  }
}

/* ---------------------------------------------------------------- responses */

interface Column {
  header: string;
  /** The question the column shows, if any. */
  question?: string;
  /** The cell's text, already safe for a spreadsheet (labels are neutralised once, up front). */
  cell(response: FeedbackResponse): string;
}

/**
 * The columns of the responses file: date, part of day, form version, language, then a column
 * per question (the chosen option's label) or, for a multiple choice, a 0/1 column per option
 * (empty when the question was skipped). Free texts are left out: they come in their own file.
 */
export function responseColumns({ versions, labelLanguage }: ExportSetup): Column[] {
  const labels: Labels = formLabels(versions, labelLanguage);
  const types = questionTypes(versions);
  const columns: Column[] = [
    { header: 'date', cell: (r) => r.date },
    { header: 'part_of_day', cell: (r) => r.partOfDay },
    { header: 'form_version', cell: (r) => String(r.formVersion) },
    { header: 'language', cell: (r) => r.language },
  ];
  for (const question of labels.questionIds) {
    const type = types.get(question);
    if (type === 'free-text') continue;
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
        question,
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

/** The rows of one day's responses; an age group hidden by hiddenBackground reads "<5". */
export function responseRows(day: FeedbackResponse[], columns: Column[], setup: ExportSetup): Row[] {
  const background = backgroundQuestion(setup.versions);
  const backgroundColumn = columns.findIndex((column) => column.question === background);
  const hidden = hiddenBackground(day, background);
  return day.map((response) => {
    const row = columns.map((column) => column.cell(response));
    if (hidden.has(response)) row[backgroundColumn] = SUPPRESSED;
    return row;
  });
}

/* ---------------------------------------------------------------- day log */

export function dayLogRows(days: DayLogEntry[], professionalLabels: Record<string, string>): Row[] {
  return [
    ['date', 'meals_served', ...PROFESSIONALS.map((p) => neutralised(professionalLabels[p] ?? p)), 'note'],
    ...days.map((day) => [
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
  date: string;
  question: string;
  text: string;
}

/**
 * The free texts that may be shown: only from periods with at least 5 responses, so no text can
 * be tied to a day on which only one or two people answered, and in random order.
 */
export function shownFreeTexts(texts: FreeText[], responsesByPeriod: Map<string, number>, period: Period, random: () => number): FreeText[] {
  const kept = texts.filter((t) => (responsesByPeriod.get(periodOf(t.date, period)) ?? 0) >= SMALL_COUNT_THRESHOLD);
  for (let i = kept.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [kept[i], kept[j]] = [kept[j]!, kept[i]!];
  }
  return kept;
}

/** Free-text answers in a file of their own: without dates or anything else from the response. */
export function freeTextRows(shown: FreeText[], { versions, labelLanguage }: ExportSetup): Row[] {
  const labels = formLabels(versions, labelLanguage);
  return [['question', 'text'], ...shown.map((t) => [neutralised(labels.question(t.question)), neutralised(t.text)])];
}
