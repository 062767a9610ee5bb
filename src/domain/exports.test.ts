import { describe, expect, it } from 'vitest';
import { defaultForm } from './default-form';
import type { ChoiceQuestion, FormDefinition } from './form-schema';
import { dayLogRows, freeTextRows, responseColumns, responseHeader, responseRows, shownFreeTexts, SummaryCounter, type ExportSetup } from './exports';
import type { FeedbackResponse } from './response';
import { sampleResponse } from './sample-response';

const setup: ExportSetup = { versions: [defaultForm], labelLanguage: 'en', format: 'fi' };
const response = (overrides: Partial<FeedbackResponse>) => sampleResponse({ date: '2026-11-23', partOfDay: 'morning', language: 'fi', ...overrides });

describe('the summary', () => {
  it('has a row per period, question and answer with count, share of answerers, responses and meals', () => {
    const counter = new SummaryCounter('week', 'age-group');
    counter.addDay([response({ answers: { day: '4', needs: ['food', 'housing'] } })]);
    counter.addDay([response({ date: '2026-11-25', answers: { day: '4' } })]);
    counter.addDay([response({ date: '2026-11-26', answers: { day: '2', needs: ['food'] } })]);
    const rows = counter.rows(setup, new Map([['2026-W48', 120]]));
    expect(rows[0]).toEqual(['period', 'question_id', 'question', 'answer_id', 'answer', 'count', 'share', 'responses_in_period', 'meals_served_in_period', 'wording_changed_in_version']);
    const row = (question: string, answer: string) => rows.find((r) => r[1] === question && r[3] === answer)!;
    expect(row('day', '4')).toEqual(['2026-W48', 'day', expect.any(String), '4', 'Good', '2', '0,667', '3', '120', '']);
    expect(row('needs', 'food').slice(5, 7)).toEqual(['2', '1,000']);
    expect(row('needs', 'housing').slice(5, 7)).toEqual(['1', '0,500']);
    expect(row('needs', '').slice(5, 7)).toEqual(['1', '']); // one response skipped it
    expect(rows.some((r) => r[1] === 'anything-else')).toBe(false);
  });

  it('shows small age-group counts as <5, with secondary suppression and no shares', () => {
    const counter = new SummaryCounter('month', 'age-group');
    counter.addDay([
      ...Array.from({ length: 12 }, () => response({ answers: { 'age-group': '50-or-over' } })),
      ...Array.from({ length: 6 }, () => response({ partOfDay: 'afternoon', answers: { 'age-group': '30-49' } })),
    ]);
    counter.addDay([response({ date: '2026-11-24', answers: { 'age-group': 'under-30' } })]);
    const rows = counter.rows(setup, new Map()).filter((r) => r[1] === 'age-group');
    const cell = (answer: string) => rows.find((r) => r[3] === answer)!;
    expect(cell('under-30')[5]).toBe('<5');
    expect(cell('prefer-not-to-say')[5]).toBe('<5');
    expect(cell('')[5]).toBe('<5'); // nobody skipped it: 0 is small too
    expect(cell('50-or-over')[5]).toBe('12');
    expect(rows.every((r) => r[6] === '')).toBe(true);
    // The hidden cells together: 19 - 12 - 6 = 1, below 5, so 30-49 is hidden as well.
    expect(cell('30-49')[5]).toBe('<5');
  });

  it('leaves meals empty for a period with none logged, and handles no data', () => {
    expect(new SummaryCounter('day', 'age-group').rows(setup, new Map())).toHaveLength(1);
  });

  it('hides an age group in the summary wherever the responses file hides it, so one cannot be subtracted from the other', () => {
    // One day: 5 Finnish mornings aged 50+, 5 Finnish afternoons under 30, one Swedish morning under 30.
    const day = [
      ...Array.from({ length: 5 }, () => response({ answers: { 'age-group': '50-or-over' } })),
      ...Array.from({ length: 5 }, () => response({ partOfDay: 'afternoon', answers: { 'age-group': 'under-30' } })),
      response({ language: 'sv', answers: { 'age-group': 'under-30' } }),
    ];
    const counter = new SummaryCounter('day', 'age-group');
    counter.addDay(day);
    const summary = counter.rows(setup, new Map()).filter((r) => r[1] === 'age-group');
    // The file hides the Swedish row's age; the summary must not show under-30 = 6 beside it.
    expect(summary.find((r) => r[3] === 'under-30')![5]).toBe('<5');
    const columns = responseColumns(setup);
    const ages = responseRows(day, columns, setup).map((row) => row[responseHeader(columns).indexOf('How old are you?')]);
    expect(ages.at(-1)).toBe('<5');
  });
});

describe('the summary across form versions', () => {
  // Version 2 rewords the face question in Finnish and adds an option to the needs.
  const version2: FormDefinition = structuredClone(defaultForm);
  version2.version = 2;
  const faces = version2.questions.find((q) => q.id === 'day')!;
  faces.title = { ...faces.title, fi: 'Miten voit tänään?', en: 'How are you today?' };
  const needs = version2.questions.find((q) => q.id === 'needs') as ChoiceQuestion;
  needs.options.push({ id: 'phone', label: { fi: 'Puhelin', sv: 'Telefon', en: 'Phone' } });
  const both: ExportSetup = { ...setup, versions: [defaultForm, version2] };
  /** The age-group counts of a summary by answer id ('' for no answer); of one version when split. */
  const ageCounts = (rows: string[][], version?: string) => {
    const shift = version === undefined ? 0 : 1;
    return Object.fromEntries(rows.filter((r) => r[1 + shift] === 'age-group' && (version === undefined || r[1] === version)).map((r) => [r[3 + shift], r[5 + shift]]));
  };
  const byAge = (version: number, date: string, counts: Record<string, number>) =>
    Object.entries(counts).flatMap(([age, n]) => Array.from({ length: n }, () => response({ date, formVersion: version, answers: { day: '4', 'age-group': age } })));

  it('names per question the versions in the file at which its wording changed, on every row of it', () => {
    const counter = new SummaryCounter('month', 'age-group');
    counter.addDay([response({ answers: { day: '2' } })]);
    counter.addDay([response({ date: '2026-11-26', formVersion: 2, answers: { day: '5', needs: ['phone'] } })]);
    const [header, ...rows] = counter.rows(both, new Map());
    expect(header!.at(-1)).toBe('wording_changed_in_version');
    expect(new Set(rows.filter((r) => r[1] === 'day').map((r) => r.at(-1)))).toEqual(new Set(['2']));
    expect(new Set(rows.filter((r) => r[1] === 'needs').map((r) => r.at(-1)))).toEqual(new Set(['2']));
    expect(new Set(rows.filter((r) => r[1] === 'got-help').map((r) => r.at(-1)))).toEqual(new Set(['']));
    // Together, the counts add up both versions; labels come from the newest.
    expect(rows.find((r) => r[1] === 'day' && r[3] === '5')!.slice(2, 8)).toEqual(['How are you today?', '5', 'Very good', '1', '0,500', '2']);
  });

  it('leaves the column empty when the file holds one version, and keeps it when the form has only one', () => {
    const counter = new SummaryCounter('month', 'age-group');
    counter.addDay([response({ date: '2026-11-26', formVersion: 2, answers: { day: '5' } })]);
    const rows = counter.rows(both, new Map());
    expect(rows.slice(1).every((r) => r.at(-1) === '')).toBe(true);
    const single = new SummaryCounter('month', 'age-group');
    single.addDay([response({ answers: { day: '5' } })]);
    const singleRows = single.rows(setup, new Map());
    expect(singleRows[0]!.at(-1)).toBe('wording_changed_in_version');
    expect(singleRows.slice(1).every((r) => r.at(-1) === '')).toBe(true);
  });

  it('split by version: a version column, each version in its own wording, questions and options', () => {
    const counter = new SummaryCounter('month', 'age-group', 'version');
    counter.addDay([response({ answers: { day: '2' } }), response({ answers: { day: '4' } })]);
    counter.addDay([response({ date: '2026-11-26', formVersion: 2, answers: { day: '5', needs: ['phone'] } })]);
    const [header, ...rows] = counter.rows(both, new Map([['2026-11', 50]]));
    expect(header).toEqual([
      'period',
      'version',
      'question_id',
      'question',
      'answer_id',
      'answer',
      'count',
      'share',
      'responses_in_period',
      'meals_served_in_period',
      'wording_changed_in_version',
    ]);
    const row = (version: string, question: string, answer: string) => rows.find((r) => r[1] === version && r[2] === question && r[4] === answer);
    expect(row('1', 'day', '2')).toEqual(['2026-11', '1', 'day', 'How was the day centre today?', '2', 'Bad', '1', '0,500', '2', '50', '2']);
    expect(row('2', 'day', '5')).toEqual(['2026-11', '2', 'day', 'How are you today?', '5', 'Very good', '1', '1,000', '1', '50', '2']);
    expect(row('1', 'needs', 'phone')).toBeUndefined();
    expect(row('2', 'needs', 'phone')!.slice(6, 8)).toEqual(['1', '1,000']);
  });

  it('split by version: protects small age-group counts within each version, and against the period added up', () => {
    const split = new SummaryCounter('month', 'age-group', 'version');
    const together = new SummaryCounter('month', 'age-group');
    // Every group of the responses file (day, part of day, language, version) shows its ages.
    const days = [byAge(1, '2026-11-23', { 'under-30': 6, '50-or-over': 10 }), byAge(2, '2026-11-26', { '30-49': 7, '50-or-over': 8 })];
    for (const day of days) {
      split.addDay(day);
      together.addDay(day);
    }
    expect(ageCounts(together.rows(both, new Map()))).toEqual({ 'under-30': '6', '30-49': '7', '50-or-over': '18', 'prefer-not-to-say': '<5', '': '<5' });
    // Version 2 had nobody under 30: its 0 is hidden, and 6 over both versions minus version 1's
    // 6 would tell it, so version 1's 6 goes too; likewise version 1's 0 and version 2's 7 aged 30-49.
    const rows = split.rows(both, new Map());
    expect(ageCounts(rows, '1')).toEqual({ 'under-30': '<5', '30-49': '<5', '50-or-over': '10', 'prefer-not-to-say': '<5', '': '<5' });
    expect(ageCounts(rows, '2')).toEqual({ 'under-30': '<5', '30-49': '<5', '50-or-over': '8', 'prefer-not-to-say': '<5', '': '<5' });
    expect(rows.filter((r) => r[2] === 'age-group').every((r) => r[7] === '')).toBe(true);
  });

  it('split by version: no hidden count can be worked out from a version\u2019s total or the period\u2019s (exhaustive over small tables)', () => {
    // As in small-counts.test.ts: a lone hidden cell, hidden cells adding up to 1–4, or small ones adding up so high each has a floor.
    const canWorkOut = (counts: number[], hidden: boolean[]) => {
      const hiddenCells = hidden.filter(Boolean).length;
      const hiddenSum = counts.reduce((sum, c, i) => sum + (hidden[i] ? c : 0), 0);
      const allSmall = counts.every((c, i) => !hidden[i] || c < 5);
      return hiddenCells === 1 || (hiddenCells > 1 && hiddenSum > 0 && hiddenSum < 5) || (hiddenCells > 1 && allSmall && hiddenSum - 4 * (hiddenCells - 1) >= 1);
    };
    const columns = ['under-30', '30-49', '50-or-over', 'prefer-not-to-say', ''];
    const perVersion = [0, 2, 5, 8].flatMap((young) => [0, 2, 5, 8].flatMap((old) => [0, 5].map((none) => [young, old, none])));
    const day = (version: number, date: string, [young, old, none]: number[]) => [
      ...byAge(version, date, { 'under-30': young!, '50-or-over': old! }),
      ...Array.from({ length: none! }, () => response({ date, formVersion: version, answers: { day: '4' } })),
    ];
    let checked = 0;
    for (const given of perVersion.flatMap((first) => perVersion.map((second) => [first, second]))) {
      const cells = given.flat();
      const split = new SummaryCounter('month', 'age-group', 'version');
      const together = new SummaryCounter('month', 'age-group');
      for (const [v, counts] of given.entries()) {
        split.addDay(day(v + 1, `2026-11-0${v + 1}`, counts));
        together.addDay(day(v + 1, `2026-11-0${v + 1}`, counts));
      }
      const splitRows = split.rows(both, new Map());
      const overAll = ageCounts(together.rows(both, new Map()));
      const present = given.flatMap((counts, v) => (counts.some((c) => c > 0) ? [{ actual: [counts[0]!, 0, counts[1]!, 0, counts[2]!], shown: ageCounts(splitRows, String(v + 1)) }] : []));
      for (const { actual, shown } of present) {
        const hidden = columns.map((c) => shown[c] === '<5');
        expect(canWorkOut(actual, hidden) && hidden.some((h) => !h), `version row of ${cells}`).toBe(false);
      }
      for (const [c, column] of columns.entries()) {
        const hidden = present.map(({ shown }) => shown[column] === '<5');
        if (overAll[column] === '<5') expect(hidden.every(Boolean), `column ${column} of ${cells}`).toBe(true);
        else expect(hidden.some(Boolean) && canWorkOut(present.map(({ actual }) => actual[c]!), hidden), `column ${column} of ${cells}`).toBe(false);
      }
      checked += 1;
    }
    expect(checked).toBe(32 * 32);
  });

  it('split by version: an age group the responses file hides in one version is hidden in every version of the period', () => {
    const split = new SummaryCounter('month', 'age-group', 'version');
    // Version 2's lone under-30 is hidden in the responses file, so the period's under-30 is too.
    split.addDay(byAge(1, '2026-11-23', { 'under-30': 9, '50-or-over': 12 }));
    split.addDay(byAge(2, '2026-11-26', { 'under-30': 1, '50-or-over': 15 }));
    const rows = split.rows(both, new Map()).filter((r) => r[2] === 'age-group' && r[4] === 'under-30');
    expect(rows.map((r) => r[6])).toEqual(['<5', '<5']);
  });
});

describe('the responses file', () => {
  const columns = responseColumns(setup);

  it('has date, part of day, version, language, a column per question and a 0/1 column per multiple-choice option, no free text', () => {
    const header = responseHeader(columns);
    expect(header.slice(0, 4)).toEqual(['date', 'part_of_day', 'form_version', 'language']);
    expect(header).toContain('What do you need help with?: Food');
    expect(header.some((h) => h.includes('Anything else'))).toBe(false);
    const [row] = responseRows([response({ answers: { day: '5', needs: ['food'] } })], columns, setup);
    const at = (name: string) => row![header.indexOf(name)];
    expect(at('What do you need help with?: Food')).toBe('1');
    expect(at('What do you need help with?: Housing')).toBe('0');
  });

  it('leaves a skipped multiple choice empty rather than all zeros', () => {
    const header = responseHeader(columns);
    const [row] = responseRows([response({ answers: { day: '5' } })], columns, setup);
    expect(row![header.indexOf('What do you need help with?: Food')]).toBe('');
  });

  it('hides an age group shared by fewer than 5 of the same day, part of day and language', () => {
    const header = responseHeader(columns);
    const ageColumn = header.findIndex((h) => h.startsWith('How old are you'));
    const day = [
      ...Array.from({ length: 6 }, () => response({ answers: { day: '3', 'age-group': '50-or-over' } })),
      ...Array.from({ length: 5 }, () => response({ answers: { day: '3', 'age-group': '30-49' } })),
      response({ answers: { day: '3', 'age-group': 'under-30' } }),
      response({ partOfDay: 'afternoon', answers: { day: '3', 'age-group': '50-or-over' } }),
    ];
    const ages = responseRows(day, columns, setup).map((row) => row[ageColumn]);
    expect(ages.slice(0, 6).every((a) => a === '50 or over')).toBe(true);
    // under-30 is alone; its group (morning, Finnish) had nobody skip, so 30-49 goes too.
    expect(ages.slice(6, 12).every((a) => a === '<5')).toBe(true);
    expect(ages[12]).toBe('<5'); // alone in the afternoon
  });

  it('counts the form version among what narrows a row down: on the day a new version arrives it tells before from after', () => {
    const header = responseHeader(columns);
    const ageColumn = header.findIndex((h) => h.startsWith('How old are you'));
    const day = [
      ...Array.from({ length: 5 }, () => response({ answers: { 'age-group': '50-or-over' } })),
      response({ formVersion: 2, answers: { 'age-group': '50-or-over' } }),
    ];
    const ages = responseRows(day, columns, setup).map((row) => row[ageColumn]);
    expect(ages).toEqual([...Array(5).fill('50 or over'), '<5']);
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    const form = structuredClone(defaultForm);
    form.questions[0]!.title.en = '=cmd|calc';
    const header = responseHeader(responseColumns({ ...setup, versions: [form] }));
    expect(header[4]).toBe("'=cmd|calc");
  });
});

describe('the free-text file', () => {
  it('keeps only texts from periods of at least 5 responses, without dates, shuffled', () => {
    const texts = [
      { id: 'r1', date: '2026-11-02', question: 'anything-else', text: 'a' },
      { id: 'r2', date: '2026-11-03', question: 'anything-else', text: '=b' },
      { id: 'r3', date: '2026-12-01', question: 'anything-else', text: 'c' },
    ];
    const rows = freeTextRows(shownFreeTexts(texts, new Map([['2026-11', 5], ['2026-12', 4]]), 'month', () => 0), setup);
    expect(rows[0]).toEqual(['question', 'text']);
    expect(rows.slice(1).map((r) => r[1]).sort()).toEqual(["'=b", 'a']);
    expect(rows.flat().some((cell) => /2026|r\d/.test(cell))).toBe(false);
  });
});

describe('the day log file', () => {
  it('has the meals, a 0/1 column per professional and the note', () => {
    const rows = dayLogRows([{ date: '2026-11-23', mealsServed: 48, professionals: ['health-station'], note: '+ok' }], { 'health-station': 'Health station' });
    expect(rows[0]).toEqual(['date', 'meals_served', 'adult-social-work', 'Health station', 'addiction-services', 'shelter-home', 'other', 'note']);
    expect(rows[1]).toEqual(['2026-11-23', '48', '0', '1', '0', '0', '0', "'+ok"]);
  });
});
