import { describe, expect, it } from 'vitest';
import { defaultForm } from './default-form';
import type { ChoiceQuestion, FormDefinition } from './form-schema';
import { narrowedCounts } from './disclosure-audit';
import { dayLogRows, freeTextRows, responseColumns, responseHeader, responseRows, shownFreeTexts, SummaryCounter, weekEnded, weeksShown, type ExportSetup, type UnitAgeGroups } from './exports';
import type { UnitResponse } from './response';
import type { AgeGroupCounts } from './age-groups';
import { sampleResponse } from './sample-response';

const setup: ExportSetup = { versions: [defaultForm], labelLanguage: 'en', format: 'fi', unitNames: new Map([['a', 'Päiväkeskus']]) };
const response = (overrides: Partial<UnitResponse>): UnitResponse => ({ unitId: 'a', ...sampleResponse({ date: '2026-11-23', partOfDay: 'morning', language: 'fi', ...overrides }) });
/** One unit's age groups, as the summary takes them. */
const inUnit = (ages: Map<string, AgeGroupCounts>, unit = 'a'): Map<string, UnitAgeGroups[]> => new Map([...ages].map(([month, counts]) => [month, [{ unit, counts }]]));
/** A summary of unit "a" alone, without its unit column (the tests of units below look at that). */
const rowsOf = (counter: SummaryCounter, of: ExportSetup, meals: Map<string, number>, ages: Map<string, AgeGroupCounts> = new Map()) =>
  counter.rows(of, meals, inUnit(ages), ['a']).map((row) => row.slice(1));
/** A summary by month's rows, its age groups as they would be published now. */
const published = (counter: SummaryCounter, meals = new Map<string, number>()) => rowsOf(counter, setup, meals, counter.ageGroupCounts(setup.versions));

describe('the summary', () => {
  it('has a row per period, question and answer with count, share of answerers, responses and meals', () => {
    const counter = new SummaryCounter('week', 'age-group');
    counter.addDay([response({ answers: { day: '4', needs: ['food', 'housing'] } })]);
    counter.addDay([response({ date: '2026-11-25', answers: { day: '4' } })]);
    counter.addDay([response({ date: '2026-11-26', answers: { day: '2', needs: ['food'] } })]);
    const rows = rowsOf(counter, setup, new Map([['2026-W48', 120]]));
    expect(rows[0]).toEqual(['period', 'question_id', 'question', 'answer_id', 'answer', 'count', 'share', 'responses_in_period', 'meals_served_in_period', 'wording_changed_in_version']);
    const row = (question: string, answer: string) => rows.find((r) => r[1] === question && r[3] === answer)!;
    expect(row('day', '4')).toEqual(['2026-W48', 'day', expect.any(String), '4', 'Good', '2', '0,667', '3', '120', '']);
    expect(row('needs', 'food').slice(5, 7)).toEqual(['2', '1,000']);
    expect(row('needs', 'housing').slice(5, 7)).toEqual(['1', '0,500']);
    expect(row('needs', '').slice(5, 7)).toEqual(['1', '']); // one response skipped it
    expect(rows.some((r) => r[1] === 'anything-else')).toBe(false);
  });

  it('has the age group only by month: not by day or ISO week, whose rows a month could be subtracted from', () => {
    const month = Array.from({ length: 30 }, (_, i) => response({ date: `2026-11-${String(i + 1).padStart(2, '0')}`, answers: { day: '4', 'age-group': '50-or-over' } }));
    const byMonth = new SummaryCounter('month', 'age-group');
    byMonth.addDay(month);
    const ages = byMonth.ageGroupCounts(setup.versions);
    for (const period of ['day', 'week'] as const) {
      const counter = new SummaryCounter(period, 'age-group');
      counter.addDay(month);
      const rows = rowsOf(counter, setup, new Map(), ages);
      expect(rows.some((r) => r[1] === 'day')).toBe(true);
      expect(rows.some((r) => r[1] === 'age-group'), period).toBe(false);
    }
    expect(rowsOf(byMonth, setup, new Map(), ages).filter((r) => r[1] === 'age-group')).toHaveLength(5);
  });

  it('shows a month\u2019s small age-group counts as <5, one hidden to protect them as "..", and no shares', () => {
    const counter = new SummaryCounter('month', 'age-group');
    counter.addDay([
      ...Array.from({ length: 12 }, () => response({ answers: { 'age-group': '50-or-over' } })),
      ...Array.from({ length: 8 }, () => response({ partOfDay: 'afternoon', answers: { 'age-group': '30-49' } })),
      ...Array.from({ length: 6 }, () => response({ answers: { 'age-group': 'prefer-not-to-say' } })),
    ]);
    counter.addDay([response({ date: '2026-11-24', answers: { 'age-group': 'under-30' } })]);
    const rows = published(counter).filter((r) => r[1] === 'age-group');
    const cell = (answer: string) => rows.find((r) => r[3] === answer)![5];
    expect(cell('under-30')).toBe('<5');
    expect(cell('')).toBe('<5'); // nobody skipped it: 0 is small too
    // 1 + 0 hidden: the smallest visible, 6, goes too; as ".." (5 or more) it leaves 1 + 0 at most 2, so the 8 as well.
    expect(cell('prefer-not-to-say')).toBe('..');
    expect(cell('30-49')).toBe('..');
    expect(cell('50-or-over')).toBe('12');
    expect(rows.every((r) => r[6] === '')).toBe(true);
  });

  it('shows every age group of a month of about 1,000 responses at 50 or more', () => {
    const counter = new SummaryCounter('month', 'age-group');
    const ages = { 'under-30': 212, '30-49': 388, '50-or-over': 401, 'prefer-not-to-say': 57 };
    for (let d = 1; d <= 30; d++) {
      const date = `2026-11-${String(d).padStart(2, '0')}`;
      counter.addDay(
        Object.entries(ages).flatMap(([age, n]) =>
          Array.from({ length: Math.floor(n / 30) + (d <= n % 30 ? 1 : 0) }, () => response({ date, answers: { day: '4', 'age-group': age } })),
        ),
      );
    }
    for (let i = 0; i < 61; i++) counter.addDay([response({ date: '2026-11-15', answers: { day: '3' } })]);
    const rows = published(counter).filter((r) => r[1] === 'age-group');
    expect(Object.fromEntries(rows.map((r) => [r[3], r[5]]))).toEqual({ 'under-30': '212', '30-49': '388', '50-or-over': '401', 'prefer-not-to-say': '57', '': '61' });
    expect(rows[0]![7]).toBe('1119');
    expect(rows.filter((r) => r[3] !== '').every((r) => r[6] !== '')).toBe(true);
  });

  it('leaves the age group out of a month with fewer than 5 responses per answer, so that even hiding all cannot give it away', () => {
    const five = Array.from({ length: 5 }, () => response({ answers: { day: '4', 'age-group': '50-or-over' } }));
    const counter = new SummaryCounter('month', 'age-group');
    counter.addDay(five);
    const rows = published(counter);
    expect(rows.some((r) => r[1] === 'day')).toBe(true);
    // Shown, the 5 would read ".." and the rest "<5": all five aged 50 or over.
    expect(rows.some((r) => r[1] === 'age-group')).toBe(false);
  });

  it('never shows <5 on a count of 5 or more (months of every mix of small and large counts)', () => {
    let cells = 0;
    for (const young of [0, 3, 5, 9, 40])
      for (const middle of [0, 4, 6, 30])
        for (const old of [1, 5, 7, 60])
          for (const none of [0, 2, 5, 25]) {
            const counter = new SummaryCounter('month', 'age-group');
            counter.addDay([
              ...Array.from({ length: young }, () => response({ answers: { 'age-group': 'under-30' } })),
              ...Array.from({ length: middle }, () => response({ answers: { 'age-group': '30-49' } })),
              ...Array.from({ length: old }, () => response({ answers: { 'age-group': '50-or-over' } })),
              ...Array.from({ length: none }, () => response({ answers: { day: '3' } })),
            ]);
            const actual: Record<string, number> = { 'under-30': young, '30-49': middle, '50-or-over': old, 'prefer-not-to-say': 0, '': none };
            for (const row of published(counter).filter((r) => r[1] === 'age-group')) {
              const count = actual[row[3]!]!;
              const where = `${row[3]} of ${JSON.stringify(actual)}`;
              if (row[5] === '<5') expect(count, where).toBeLessThan(5);
              else if (row[5] === '..') expect(count, where).toBeGreaterThanOrEqual(5);
              else expect(row[5], where).toBe(String(count));
              cells += 1;
            }
          }
    expect(cells).toBeGreaterThan(1000);
  });

  it('takes a month\u2019s age groups from the counts first published, with their total: responses that come later change no age row', () => {
    const month = (counter: SummaryCounter, late: number) => {
      counter.addDay(Array.from({ length: 20 }, () => response({ answers: { day: '4', 'age-group': '50-or-over' } })));
      counter.addDay(Array.from({ length: 12 }, () => response({ date: '2026-11-24', answers: { day: '3', 'age-group': '30-49' } })));
      counter.addDay(Array.from({ length: late }, () => response({ date: '2026-11-30', answers: { day: '2', 'age-group': 'under-30' } })));
    };
    const first = new SummaryCounter('month', 'age-group');
    month(first, 0);
    const ages = first.ageGroupCounts(setup.versions);
    expect(ages.get('2026-11')).toEqual({
      question: 'age-group',
      counts: new Map([['under-30', 0], ['30-49', 12], ['50-or-over', 20], ['prefer-not-to-say', 0], ['', 0]]),
      total: 32,
    });
    const ageRows = (rows: string[][]) => rows.filter((r) => r[1] === 'age-group');
    const before = ageRows(rowsOf(first, setup, new Map(), ages));

    const later = new SummaryCounter('month', 'age-group');
    month(later, 3);
    const after = rowsOf(later, setup, new Map(), ages);
    expect(ageRows(after)).toEqual(before);
    // The age rows' responses are the total they were taken from; the other rows count everything.
    expect(ageRows(after).every((r) => r[7] === '32')).toBe(true);
    expect(after.find((r) => r[1] === 'day' && r[3] === '2')!.slice(5, 8)).toEqual(['3', '0,086', '35']);
    // A month that has no published counts has no age rows.
    expect(ageRows(rowsOf(later, setup, new Map()))).toEqual([]);
  });

  it('leaves meals empty for a period with none logged, and handles no data', () => {
    expect(new SummaryCounter('day', 'age-group').rows(setup, new Map())).toHaveLength(1);
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
    const [header, ...rows] = rowsOf(counter, both, new Map());
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
    const rows = rowsOf(counter, both, new Map());
    expect(rows.slice(1).every((r) => r.at(-1) === '')).toBe(true);
    const single = new SummaryCounter('month', 'age-group');
    single.addDay([response({ answers: { day: '5' } })]);
    const singleRows = rowsOf(single, setup, new Map());
    expect(singleRows[0]!.at(-1)).toBe('wording_changed_in_version');
    expect(singleRows.slice(1).every((r) => r.at(-1) === '')).toBe(true);
  });

  it('split by version: a version column, each version in its own wording, questions and options', () => {
    const counter = new SummaryCounter('month', 'age-group', 'version');
    counter.addDay([response({ answers: { day: '2' } }), response({ answers: { day: '4' } })]);
    counter.addDay([response({ date: '2026-11-26', formVersion: 2, answers: { day: '5', needs: ['phone'] } })]);
    const [header, ...rows] = rowsOf(counter, both, new Map([['2026-11', 50]]));
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

  it('split by version: no age-group rows, so the month\u2019s protected counts cannot be split into smaller ones', () => {
    const split = new SummaryCounter('month', 'age-group', 'version');
    split.addDay(byAge(1, '2026-11-23', { 'under-30': 16, '50-or-over': 20 }));
    split.addDay(byAge(2, '2026-11-26', { '30-49': 17, '50-or-over': 18 }));
    const rows = rowsOf(split, both, new Map());
    expect(rows.some((r) => r[2] === 'day')).toBe(true);
    expect(rows.some((r) => r[2] === 'age-group')).toBe(false);
  });

  it('by month over two versions: no hidden age-group count can be narrowed, markers known, split or not (exhaustive over 1,024 months)', () => {
    const columns = ['under-30', '30-49', '50-or-over', 'prefer-not-to-say', ''];
    const perVersion = [0, 3, 6, 13].flatMap((young) => [0, 4, 9, 14].flatMap((old) => [0, 5].map((none) => [young, old, none])));
    const day = (version: number, date: string, [young, old, none]: number[]) => [
      ...byAge(version, date, { 'under-30': young!, '50-or-over': old! }),
      ...Array.from({ length: none! }, () => response({ date, formVersion: version, answers: { day: '4' } })),
    ];
    let checked = 0;
    let shown = 0;
    for (const given of perVersion.flatMap((first) => perVersion.map((second) => [first, second]))) {
      const split = new SummaryCounter('month', 'age-group', 'version');
      const together = new SummaryCounter('month', 'age-group');
      for (const [v, counts] of given.entries()) {
        split.addDay(day(v + 1, `2026-11-0${v + 1}`, counts));
        together.addDay(day(v + 1, `2026-11-0${v + 1}`, counts));
      }
      const ages = together.ageGroupCounts(both.versions);
      expect(rowsOf(split, both, new Map(), ages).some((r) => r[2] === 'age-group')).toBe(false);
      const overAll = ageCounts(rowsOf(together, both, new Map(), ages));
      const actual = [given[0]![0]! + given[1]![0]!, 0, given[0]![1]! + given[1]![1]!, 0, given[0]![2]! + given[1]![2]!];
      const total = actual.reduce((a, b) => a + b, 0);
      if (total < 25) expect(overAll, `${given}`).toEqual({});
      else {
        const hidden = columns.map((c) => overAll[c] === '<5' || overAll[c] === '..');
        columns.forEach((c, i) => expect(overAll[c], `${c} of ${given}`).toBe(hidden[i] ? (actual[i]! < 5 ? '<5' : '..') : String(actual[i])));
        expect(narrowedCounts(actual, hidden, [{ parts: [0, 1, 2, 3, 4], total }], total), `${given}`).toEqual([]);
        shown += 1;
      }
      checked += 1;
    }
    expect(checked).toBe(32 * 32);
    expect(shown).toBeGreaterThan(500);
  });
});

describe('the summary across units', () => {
  const units: ExportSetup = { ...setup, unitNames: new Map([['a', 'Iso keskus'], ['b', 'Pieni keskus']]) };
  const columns = ['under-30', '30-49', '50-or-over', 'prefer-not-to-say', ''];
  const day = (unitId: string, [young, old, none]: number[]) => [
    ...Array.from({ length: young! }, () => response({ unitId, date: '2026-11-02', answers: { day: '4', 'age-group': 'under-30' } })),
    ...Array.from({ length: old! }, () => response({ unitId, date: '2026-11-03', answers: { day: '4', 'age-group': '50-or-over' } })),
    ...Array.from({ length: none! }, () => response({ unitId, date: '2026-11-04', answers: { day: '2' } })),
  ];
  /** Each unit counted on its own, and the units together, as the server counts a summary by month. */
  const files = (given: Record<string, number[]>) => {
    const perUnit = new Map(Object.keys(given).map((unit) => [unit, new SummaryCounter('month', 'age-group')]));
    const together = new SummaryCounter('month', 'age-group');
    for (const [unit, counts] of Object.entries(given)) {
      perUnit.get(unit)!.addDay(day(unit, counts));
      together.addDay(day(unit, counts));
    }
    const ages = new Map([...perUnit].map(([unit, counter]) => [unit, inUnit(counter.ageGroupCounts(units.versions), unit)]));
    const ofUnit = (unit: string) => perUnit.get(unit)!.rows(units, new Map(), ages.get(unit)!, [unit]);
    const allAges = new Map<string, UnitAgeGroups[]>();
    for (const byMonth of ages.values()) for (const [month, published] of byMonth) allAges.set(month, [...(allAges.get(month) ?? []), ...published]);
    return {
      a: ofUnit('a'),
      b: ofUnit('b'),
      together: together.rows(units, new Map(), allAges, ['a', 'b']),
      sideBySide: [...ofUnit('a'), ...ofUnit('b').slice(1)],
    };
  };
  /** A file's age-group cells: unit name → answer id → the cell. */
  const ageCells = (rows: string[][]) => {
    const cells: Record<string, Record<string, string>> = {};
    for (const row of rows.filter((r) => r[2] === 'age-group')) (cells[row[0]!] ??= {})[row[4]!] = row[6]!;
    return cells;
  };

  it('has the unit first: its name, or the names added up, and each unit\u2019s own age groups under its own name', () => {
    const made = files({ a: [13, 14, 5], b: [6, 9, 10] });
    expect(made.together[0]![0]).toBe('unit');
    const faces = made.together.filter((r) => r[2] === 'day');
    expect(new Set(faces.map((r) => r[0]))).toEqual(new Set(['Iso keskus + Pieni keskus']));
    expect(faces.find((r) => r[4] === '4')![6]).toBe(String(13 + 14 + 6 + 9));
    expect(Object.keys(ageCells(made.together)).sort()).toEqual(['Iso keskus', 'Pieni keskus']);
    expect(ageCells(made.together)).toEqual({ ...ageCells(made.a), ...ageCells(made.b) });
    expect(ageCells(made.sideBySide)).toEqual(ageCells(made.together));
  });

  it('hides a small unit\u2019s age groups however large the area is, and the area total minus the large unit tells nothing (exhaustive over 1,024 pairs of units)', () => {
    const perUnit = [0, 3, 6, 13].flatMap((young) => [0, 4, 9, 14].flatMap((old) => [0, 5].map((none) => [young, old, none])));
    let checked = 0;
    let smallHidden = 0;
    for (const [a, b] of perUnit.flatMap((first) => perUnit.map((second) => [first, second] as [number[], number[]]))) {
      const made = files({ a, b });
      const cells = [ageCells(made.a), ageCells(made.b), ageCells(made.together), ageCells(made.sideBySide)];
      // Every file shows each unit's own figures, the same in each: none is a sum over units.
      for (const of of cells.slice(2)) expect(of, `${a} ${b}`).toEqual({ ...cells[0], ...cells[1] });
      const actual = [...[a[0]!, 0, a[1]!, 0, a[2]!], ...[b[0]!, 0, b[1]!, 0, b[2]!]];
      const totals = [a[0]! + a[1]! + a[2]!, b[0]! + b[1]! + b[2]!];
      // The units whose age groups are shown, with what a reader sees of them.
      const shownUnits: number[] = [];
      const hidden = actual.map(() => true);
      for (const [i, name] of ['Iso keskus', 'Pieni keskus'].entries()) {
        const shown = cells[2]![name];
        if (totals[i]! < 25) {
          expect(shown, `${name} of ${a} ${b}`).toBeUndefined();
          if (totals[1 - i]! >= 25) smallHidden += 1;
          continue;
        }
        shownUnits.push(i);
        columns.forEach((column, c) => {
          const value = shown![column];
          hidden[i * 5 + c] = value === '<5' || value === '..';
          expect(value).toBe(hidden[i * 5 + c] ? (actual[i * 5 + c]! < 5 ? '<5' : '..') : String(actual[i * 5 + c]));
        });
      }
      // What a reader knows: each unit's total, and the area's (the together file's responses):
      // the area minus the units not shown is the shown units' sum.
      const parts = shownUnits.flatMap((i) => [0, 1, 2, 3, 4].map((c) => i * 5 + c));
      const index = (k: number) => parts.indexOf(k);
      const sums = [
        ...shownUnits.map((i) => ({ parts: [0, 1, 2, 3, 4].map((c) => index(i * 5 + c)), total: totals[i]! })),
        { parts: parts.map(index), total: shownUnits.reduce((sum, i) => sum + totals[i]!, 0) },
      ];
      const area = totals[0]! + totals[1]!;
      expect(narrowedCounts(parts.map((k) => actual[k]!), parts.map((k) => hidden[k]!), sums, area), `${a} ${b}`).toEqual([]);
      checked += 1;
    }
    expect(checked).toBe(32 * 32);
    expect(smallHidden).toBeGreaterThan(100);
  });
});

describe('free texts across units', () => {
  const text = (id: string, unit: string, language = 'fi') => ({ id, unit, date: '2026-11-03', language, question: 'anything-else', text: `${unit}:${id}` });
  const counts = (unit: string, count: number, language = 'fi') => ({ unit, date: '2026-11-03', language, formVersion: 1, count });

  it('shows a text only when its own unit\u2019s week had 5 or more responses: the other units\u2019 responses do not count', () => {
    const texts = [text('1', 'a'), text('2', 'b')];
    const responses = [counts('a', 40), counts('b', 2)];
    expect(shownFreeTexts(texts, responses, [defaultForm], '2027-01-10', () => 0).map((t) => t.text)).toEqual(['a:1']);
    // Over both units or each alone, the same texts: no list set beside another tells more.
    const alone = (unit: string) => shownFreeTexts(texts.filter((t) => t.unit === unit), responses.filter((r) => r.unit === unit), [defaultForm], '2027-01-10', () => 0);
    expect([...alone('a'), ...alone('b')].map((t) => t.text)).toEqual(['a:1']);
    expect(shownFreeTexts(texts, [counts('a', 40), counts('b', 5)], [defaultForm], '2027-01-10', () => 0).map((t) => t.text).sort()).toEqual(['a:1', 'b:2']);
  });

  it('counts a text\u2019s language within its own unit', () => {
    const texts = [text('1', 'b', 'sv')];
    expect(shownFreeTexts(texts, [counts('a', 10, 'sv'), counts('b', 10, 'fi'), counts('b', 1, 'sv')], [defaultForm], '2027-01-10', () => 0)).toEqual([]);
  });
});

describe('the responses file', () => {
  const columns = responseColumns(setup);

  it('has date, part of day, version, language, a column per question and a 0/1 column per multiple-choice option, no free text', () => {
    const header = responseHeader(columns);
    expect(header.slice(0, 5)).toEqual(['unit', 'date', 'part_of_day', 'form_version', 'language']);
    expect(responseRows([response({})], columns)[0]![0]).toBe('Päiväkeskus');
    expect(header).toContain('What do you need help with?: Food');
    expect(header.some((h) => h.includes('Anything else'))).toBe(false);
    const [row] = responseRows([response({ answers: { day: '5', needs: ['food'] } })], columns);
    const at = (name: string) => row![header.indexOf(name)];
    expect(at('What do you need help with?: Food')).toBe('1');
    expect(at('What do you need help with?: Housing')).toBe('0');
  });

  it('leaves a skipped multiple choice empty rather than all zeros', () => {
    const header = responseHeader(columns);
    const [row] = responseRows([response({ answers: { day: '5' } })], columns);
    expect(row![header.indexOf('What do you need help with?: Food')]).toBe('');
  });

  it('has no age-group column: the age group is only in the summary by month', () => {
    const header = responseHeader(columns);
    expect(header.some((h) => h.startsWith('How old are you'))).toBe(false);
    const [row] = responseRows([response({ answers: { day: '3', 'age-group': 'under-30' } })], columns);
    expect(row).toHaveLength(header.length);
    expect(row!.join()).not.toMatch(/under|30/i);
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    const form = structuredClone(defaultForm);
    form.questions[0]!.title.en = '=cmd|calc';
    const header = responseHeader(responseColumns({ ...setup, versions: [form] }));
    expect(header[5]).toBe("'=cmd|calc");
  });
});

describe('the free-text file', () => {
  const text = (id: string, date: string, t: string, language = 'fi', unit = 'a') => ({ id, unit, date, language, question: 'anything-else', text: t });
  const perDate = (date: string, count: number, language = 'fi', formVersion = 1, unit = 'a') => ({ unit, date, language, formVersion, count });

  it('keeps only texts from ended weeks of at least 5 responses, without dates, shuffled', () => {
    const texts = [text('r1', '2026-11-02', 'a'), text('r2', '2026-11-03', '=b'), text('r3', '2026-12-01', 'c')];
    const responses = [perDate('2026-11-02', 3), perDate('2026-11-03', 2), perDate('2026-12-01', 4)];
    expect(weeksShown(responses, '2027-01-10')).toEqual(new Set(['2026-W45']));
    const rows = freeTextRows(shownFreeTexts(texts, responses, [defaultForm], '2027-01-10', () => 0), setup);
    expect(rows[0]).toEqual(['unit', 'question', 'text']);
    expect(rows.slice(1).map((r) => r[2]).sort()).toEqual(["'=b", 'a']);
    expect(rows.flat().some((cell) => /2026|r\d/.test(cell))).toBe(false);
  });

  it('gives no text, nor counts a week, until the week has ended: opened each evening, it would date each new text', () => {
    // Week 2026-W48 runs from Monday 23 to Sunday 29 November.
    const texts = [text('r1', '2026-11-23', 'maanantaina'), text('r2', '2026-11-25', 'keskiviikkona')];
    const responses = [perDate('2026-11-23', 6), perDate('2026-11-25', 6)];
    for (const today of ['2026-11-23', '2026-11-25', '2026-11-29']) {
      expect(weekEnded('2026-11-23', today), today).toBe(false);
      expect(shownFreeTexts(texts, responses, [defaultForm], today, () => 0), today).toEqual([]);
      expect(weeksShown(responses, today), today).toEqual(new Set());
    }
    expect(weekEnded('2026-11-29', '2026-11-30')).toBe(true);
    expect(shownFreeTexts(texts, responses, [defaultForm], '2026-11-30', () => 0)).toHaveLength(2);
    expect(weeksShown(responses, '2026-11-30')).toEqual(new Set(['2026-W48']));
  });

  it('keeps a text only if its week had at least 5 responses in its language: a text\u2019s language tells it apart', () => {
    const texts = [text('r1', '2026-11-23', 'Hyvä ruoka'), text('r2', '2026-11-24', 'Tack', 'sv')];
    const oneSwedish = [perDate('2026-11-23', 5), perDate('2026-11-24', 1, 'sv')];
    expect(shownFreeTexts(texts, oneSwedish, [defaultForm], '2027-01-10', () => 0).map((t) => t.text)).toEqual(['Hyvä ruoka']);
    // Four Swedish responses in other weeks do not count for this one.
    const swedishElsewhere = [...oneSwedish, perDate('2026-11-30', 4, 'sv')];
    expect(shownFreeTexts(texts, swedishElsewhere, [defaultForm], '2027-01-10', () => 0).map((t) => t.text)).toEqual(['Hyvä ruoka']);
    const fiveSwedish = [perDate('2026-11-23', 5), perDate('2026-11-24', 1, 'sv'), perDate('2026-11-26', 4, 'sv')];
    expect(shownFreeTexts(texts, fiveSwedish, [defaultForm], '2027-01-10', () => 0).map((t) => t.text).sort()).toEqual(['Hyvä ruoka', 'Tack']);
  });

  it('counts only the responses of form versions that have the text\u2019s question: a question new in a version tells its texts apart', () => {
    // Version 1 has no free text; version 2, published on Friday, adds one.
    const withoutText: FormDefinition = { ...defaultForm, questions: defaultForm.questions.filter((q) => q.type !== 'free-text') };
    const withText: FormDefinition = { ...defaultForm, version: 2 };
    const texts = [text('r1', '2026-11-27', 'Hyvä ruoka')];
    const fridayOnly = [perDate('2026-11-23', 20), perDate('2026-11-27', 2, 'fi', 2)];
    expect(shownFreeTexts(texts, fridayOnly, [{ ...withoutText, version: 1 }, withText], '2027-01-10', () => 0)).toEqual([]);
    const fiveOfVersion2 = [...fridayOnly, perDate('2026-11-28', 3, 'fi', 2)];
    expect(shownFreeTexts(texts, fiveOfVersion2, [{ ...withoutText, version: 1 }, withText], '2027-01-10', () => 0)).toHaveLength(1);
    // With the question in both versions, every response of the week could have written it.
    expect(shownFreeTexts(texts, fridayOnly, [defaultForm, withText], '2027-01-10', () => 0)).toHaveLength(1);
  });
});

describe('the day log file', () => {
  it('has the meals, a 0/1 column per professional and the note', () => {
    const rows = dayLogRows([{ unit: 'a', date: '2026-11-23', mealsServed: 48, professionals: ['health-station'], note: '+ok' }], { 'health-station': 'Health station' }, setup.unitNames);
    expect(rows[0]).toEqual(['unit', 'date', 'meals_served', 'adult-social-work', 'Health station', 'addiction-services', 'shelter-home', 'other', 'note']);
    expect(rows[1]).toEqual(['Päiväkeskus', '2026-11-23', '48', '0', '1', '0', '0', '0', "'+ok"]);
  });
});
