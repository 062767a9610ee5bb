import { describe, expect, it } from 'vitest';
import type { DashboardInput } from './dashboard';
import type { DayLogEntry, UnitDayLogEntry } from './day-log';
import { defaultForm } from './default-form';
import type { FormDefinition } from './form-schema';
import { buildReport, helpQuestion, MIN_COMPARE_ANSWERS, professionalsQuestion, proportion, reportSharesOf, type Report } from './report';
import type { Answers } from './answers';
import { newcombeDifference, wilsonInterval } from './statistics';
import { countsOf } from './tally';

interface Given {
  unit: string;
  date: string;
  answers: Answers;
}

/** `count` responses alike at a unit on a date. */
const many = (count: number, unit: string, date: string, answers: Answers): Given[] => Array.from({ length: count }, () => ({ unit, date, answers }));

/** The counts of the given responses, per unit, as the server keeps them. */
function input(given: Given[], extra: Partial<DashboardInput> = {}, versions: FormDefinition[] = [defaultForm]): DashboardInput {
  const form = versions.at(-1)!;
  const units = [...new Set(given.map((g) => g.unit))];
  const counts = units.map((unit) => {
    const ofUnit = countsOf(given.filter((g) => g.unit === unit).map((g) => ({ form, response: { date: g.date, answers: g.answers, language: 'fi', formVersion: form.version } })));
    return { answers: ofUnit.answers.map((row) => ({ ...row, unit })), responses: ofUnit.responses.map((row) => ({ ...row, unit })) };
  });
  return {
    from: '2026-11-02',
    to: '2026-11-22',
    versions,
    answerCounts: counts.flatMap((c) => c.answers),
    responseCounts: counts.flatMap((c) => c.responses),
    dayLog: [],
    abandoned: [],
    ...extra,
  };
}

const log = (unit: string, date: string, professionals: DayLogEntry['professionals'], mealsServed: number | null): UnitDayLogEntry => ({ unit, date, professionals, mealsServed, note: '' });

const nurse = ['health-station'] as const;
const staff = ['day-centre-staff'] as const;
const helped = (met: readonly string[], answer: string, extra: Answers = {}): Answers => ({ met: [...met], 'got-help': answer, ...extra });

/*
 * Three ISO weeks (W45 2.–8.11., W46 9.–15.11., W47 16.–22.11.2026) at two units, twelve logged
 * unit-days. The nurse (health-station) comes to unit a on Mondays; unit b has a social worker
 * once, on a Thursday. Unit b's Friday 6.11. has responses but no log entry; week 47 has log
 * entries without meals.
 */
const responses: Given[] = [
  // W45
  ...many(16, 'a', '2026-11-02', helped(nurse, 'yes', { day: '5', 'easy-to-talk': 'yes' })),
  ...many(4, 'a', '2026-11-02', helped(nurse, 'no', { day: '2' })),
  ...many(4, 'a', '2026-11-03', helped(staff, 'yes')),
  ...many(6, 'a', '2026-11-03', helped(staff, 'a-little', { day: '4' })),
  ...many(5, 'a', '2026-11-04', helped(staff, 'yes', { day: '3' })),
  ...many(5, 'a', '2026-11-04', helped(staff, 'cant-say')),
  ...many(2, 'b', '2026-11-02', helped(staff, 'yes')),
  ...many(2, 'b', '2026-11-02', helped(staff, 'no')),
  ...many(3, 'b', '2026-11-02', { day: '1' }),
  ...many(1, 'b', '2026-11-05', helped(staff, 'yes')),
  ...many(2, 'b', '2026-11-05', helped(staff, 'a-little')),
  ...many(3, 'b', '2026-11-06', helped(staff, 'yes', { day: '5' })),
  // W46
  ...many(12, 'a', '2026-11-09', helped(nurse, 'yes', { day: '4' })),
  ...many(3, 'a', '2026-11-09', helped(nurse, 'no')),
  ...many(4, 'a', '2026-11-10', helped(staff, 'yes')),
  ...many(6, 'a', '2026-11-10', helped(staff, 'no')),
  ...many(2, 'a', '2026-11-10', { day: '5', needs: ['housing', 'money'] }),
  ...many(2, 'a', '2026-11-11', helped(staff, 'yes')),
  ...many(3, 'a', '2026-11-11', helped(staff, 'no')),
  ...many(1, 'b', '2026-11-09', helped(staff, 'yes')),
  ...many(1, 'b', '2026-11-09', helped(staff, 'no')),
  ...many(5, 'b', '2026-11-12', helped(['adult-social-work'], 'yes', { day: '5' })),
  ...many(1, 'b', '2026-11-12', helped(['adult-social-work'], 'no', { day: '3' })),
  // W47
  ...many(1, 'a', '2026-11-16', helped(staff, 'yes')),
  ...many(1, 'a', '2026-11-16', helped(staff, 'no')),
  ...many(1, 'a', '2026-11-16', { day: '2' }),
  ...many(2, 'a', '2026-11-17', { day: '4', needs: ['food'], 'age-group': 'under-30', 'anything-else': 'Kiitos, hyvä päivä' }),
  // Outside the range: counted nowhere.
  ...many(9, 'a', '2026-11-23', helped(nurse, 'yes', { day: '1', needs: ['food'] })),
];

const dayLog = [
  log('a', '2026-11-02', ['health-station'], 40),
  log('a', '2026-11-03', [], 30),
  log('a', '2026-11-04', [], 35),
  log('a', '2026-11-09', ['health-station'], 45),
  log('a', '2026-11-10', [], 30),
  log('a', '2026-11-11', [], null),
  log('a', '2026-11-16', [], null),
  log('a', '2026-11-17', [], null),
  log('b', '2026-11-02', [], 20),
  log('b', '2026-11-05', [], 20),
  log('b', '2026-11-09', [], 25),
  log('b', '2026-11-12', ['adult-social-work'], 20),
  log('a', '2026-11-23', ['health-station'], 50),
];

const report: Report = buildReport(input(responses, { dayLog }));
const row = (professional: string, question = 'got-help') => report.presence.find((p) => p.professional === professional && p.question === question)!;

describe('buildReport', () => {
  it('counts responses, meals and logged unit-days in the range', () => {
    expect(report).toMatchObject({ from: '2026-11-02', to: '2026-11-22', responses: 98, mealsServed: 265, daysLogged: 12 });
    // Responses of the unit-days whose meals were logged (85), against those meals.
    expect(report.responsesOnMealDays).toBe(85);
    expect(report.responsesPerMeal).toBe(85 / 265);
    expect(report.presentDays).toEqual([
      { professional: 'adult-social-work', days: 1 },
      { professional: 'health-station', days: 2 },
      { professional: 'addiction-services', days: 0 },
      { professional: 'shelter-home', days: 0 },
      { professional: 'other', days: 0 },
    ]);
  });

  it('shows the face scale per ISO week in option order, and the share of good and very good days with its Wilson interval', () => {
    expect(report.day).toMatchObject({ question: 'day', options: ['1', '2', '3', '4', '5'], goodOptions: ['4', '5'] });
    expect(report.day.weeks).toEqual([
      { week: '2026-W45', answered: 37, counts: [3, 4, 5, 6, 19] },
      { week: '2026-W46', answered: 20, counts: [0, 0, 1, 12, 7] },
      { week: '2026-W47', answered: 3, counts: [0, 1, 0, 2, 0] },
    ]);
    expect(report.day.good).toEqual({ count: 46, n: 60, share: 46 / 60, interval: wilsonInterval(46, 60) });
    expect(report.shares.goodDays).toEqual({ question: 'day', options: ['4', '5'], ...report.day.good });
  });

  it('compares "got help" on the nurse\u2019s unit-days with the other logged unit-days, each unit by its own log', () => {
    const nurseRow = row('health-station');
    expect(nurseRow.positiveOption).toBe('yes');
    // Present: unit a on 2.11. (16 yes of 20) and 9.11. (12 of 15). Unit b's 2.11. and 9.11. are
    // absent days although the nurse was at unit a; unit b's unlogged 6.11. is neither.
    expect(nurseRow.all.present).toEqual({ days: 2, count: 28, n: 35, share: 28 / 35, interval: wilsonInterval(28, 35) });
    // Absent: a 3.11. 4/10, 4.11. 5/10, 10.11. 4/10, 11.11. 2/5, 16.11. 1/2, 17.11. 0/0;
    // b 2.11. 2/4, 5.11. 1/3, 9.11. 1/2, 12.11. 5/6.
    expect(nurseRow.all.absent).toEqual({ days: 10, count: 25, n: 52, share: 25 / 52, interval: wilsonInterval(25, 52) });
    expect(nurseRow.all.difference).toEqual(newcombeDifference(28, 35, 25, 52));
    expect(nurseRow.all.difference!.difference).toBeCloseTo(0.8 - 25 / 52, 12);
  });

  it('same weekdays: the absent days only on the weekdays the professional came, and no difference with too few answers', () => {
    const nurseRow = row('health-station');
    expect(nurseRow.sameWeekdays.weekdays).toEqual([1]);
    expect(nurseRow.sameWeekdays.present).toEqual(nurseRow.all.present);
    // Mondays without the nurse: unit a 16.11. (1 of 2), unit b 2.11. (2 of 4) and 9.11. (1 of 2).
    expect(nurseRow.sameWeekdays.absent).toEqual({ days: 3, count: 4, n: 8, share: 0.5, interval: wilsonInterval(4, 8) });
    expect(nurseRow.sameWeekdays.difference).toBeNull();

    const socialWork = row('adult-social-work');
    expect(socialWork.sameWeekdays.weekdays).toEqual([4]);
    expect(socialWork.all.present).toMatchObject({ days: 1, count: 5, n: 6 });
    expect(socialWork.all.absent).toMatchObject({ days: 11, count: 48, n: 81 });
    expect(socialWork.all.difference).toBeNull();
    expect(socialWork.sameWeekdays.absent).toMatchObject({ days: 1, count: 1, n: 3 });
  });

  it('a professional who never came: no weekdays, empty groups without shares or intervals', () => {
    const shelter = row('shelter-home');
    expect(shelter.all.present).toEqual({ days: 0, count: 0, n: 0, share: null, interval: null });
    expect(shelter.all.absent).toMatchObject({ days: 12, count: 53, n: 87 });
    expect(shelter.all.difference).toBeNull();
    expect(shelter.sameWeekdays).toMatchObject({ weekdays: [], absent: { days: 0, n: 0 }, difference: null });
  });

  it('has a row for every professional and every yes-no question of the form', () => {
    expect(report.presence.map((p) => `${p.professional}/${p.question}`)).toEqual(
      ['adult-social-work', 'health-station', 'addiction-services', 'shelter-home', 'other'].flatMap((p) => [`${p}/got-help`, `${p}/easy-to-talk`]),
    );
    expect(row('health-station', 'easy-to-talk').all.present).toMatchObject({ count: 16, n: 16 });
  });

  it('gives the reach per ISO week, with no rate in a week without meals', () => {
    expect(report.reach).toEqual([
      // 3 of the 53 responses are from unit b's unlogged 6.11.
      { week: '2026-W45', responses: 53, mealsServed: 145, responsesOnMealDays: 50, perMeal: 50 / 145 },
      // Unit a's 11.11. is logged without meals: its 5 responses are outside the rate.
      { week: '2026-W46', responses: 40, mealsServed: 120, responsesOnMealDays: 35, perMeal: 35 / 120 },
      { week: '2026-W47', responses: 5, mealsServed: 0, responsesOnMealDays: 0, perMeal: null },
    ]);
  });

  it('lists what visitors need help with, as shares of those who answered, but not whom they met', () => {
    expect(report.choices.map((c) => c.question)).toEqual(['needs']);
    const needs = report.choices[0]!;
    expect(needs.answered).toBe(4);
    expect(needs.options.filter((o) => o.count > 0)).toEqual([
      { option: 'money', count: 2, share: 0.5 },
      { option: 'housing', count: 2, share: 0.5 },
      { option: 'food', count: 2, share: 0.5 },
    ]);
    expect(needs.options.map((o) => o.option)).toEqual(['money', 'benefits', 'housing', 'health', 'mental-wellbeing', 'substance-use', 'food', 'something-else']);
  });

  it('holds no age group and nothing about free texts', () => {
    const text = JSON.stringify(report);
    for (const leak of ['age-group', 'under-30', 'anything-else', 'Kiitos']) expect(text).not.toContain(leak);
  });

  it('the share who got help is of all who answered the help question in the range, logged or not', () => {
    // 28 + 25 on logged unit-days, 3 of 3 on unit b's unlogged 6.11.
    expect(report.shares.gotHelp).toEqual({ question: 'got-help', option: 'yes', ...proportion(56, 90) });
  });

  it('gives the two shares week by week for a trend line, adding up to the whole range', () => {
    expect(report.shareWeeks.map((w) => [w.week, w.shares.goodDays?.count, w.shares.goodDays?.n])).toEqual([
      ['2026-W45', 25, 37],
      ['2026-W46', 19, 20],
      ['2026-W47', 2, 3],
    ]);
    const sum = (pick: (w: Report['shareWeeks'][number]) => number | undefined) => report.shareWeeks.reduce((total, w) => total + (pick(w) ?? 0), 0);
    expect(sum((w) => w.shares.gotHelp?.count)).toBe(56);
    expect(sum((w) => w.shares.gotHelp?.n)).toBe(90);
  });
});

describe('the cut-off for comparing', () => {
  const compare = (present: number, absent: number) => {
    const given = [...many(present, 'a', '2026-11-02', helped(nurse, 'yes')), ...many(absent, 'a', '2026-11-03', helped(staff, 'no'))];
    return buildReport(input(given, { dayLog: [log('a', '2026-11-02', ['health-station'], 50), log('a', '2026-11-03', [], 50)] })).presence.find(
      (p) => p.professional === 'health-station' && p.question === 'got-help',
    )!.all;
  };

  it(`compares from ${MIN_COMPARE_ANSWERS} answers in each group`, () => {
    expect(MIN_COMPARE_ANSWERS).toBe(30);
    expect(compare(30, 30).difference).toEqual(newcombeDifference(30, 30, 0, 30));
  });

  it('gives no difference with one answer fewer in either group, but still each group\u2019s interval', () => {
    for (const [present, absent] of [[29, 30], [30, 29]] as const) {
      const result = compare(present, absent);
      expect(result.difference).toBeNull();
      expect(result.present.interval).toEqual(wilsonInterval(present, present));
      expect(result.absent.interval).toEqual(wilsonInterval(0, absent));
    }
  });
});

describe('buildReport with nothing to count', () => {
  it('gives zeros, empty weeks and no shares, rates or intervals', () => {
    const empty = buildReport(input([], { from: '2026-11-02', to: '2026-11-08' }));
    expect(empty).toMatchObject({ responses: 0, mealsServed: 0, responsesPerMeal: null, daysLogged: 0 });
    expect(empty.day.weeks).toEqual([{ week: '2026-W45', answered: 0, counts: [0, 0, 0, 0, 0] }]);
    expect(empty.day.good).toEqual({ count: 0, n: 0, share: null, interval: null });
    expect(empty.reach).toEqual([{ week: '2026-W45', responses: 0, mealsServed: 0, responsesOnMealDays: 0, perMeal: null }]);
    expect(empty.presence.every((p) => p.all.difference === null && p.all.present.share === null)).toBe(true);
    expect(empty.choices[0]!.options.every((o) => o.share === null)).toBe(true);
  });

  it('a form without a face scale or yes-no questions has none of their figures', () => {
    const plain: FormDefinition = { ...structuredClone(defaultForm), version: 2, questions: defaultForm.questions.filter((q) => q.type === 'multiple-choice') };
    const result = buildReport(input(many(3, 'a', '2026-11-02', { needs: ['food'] }), {}, [plain]));
    expect(result.day).toMatchObject({ question: null, options: [], goodOptions: [], good: { n: 0, share: null } });
    expect(result.day.weeks.every((w) => w.counts.length === 0)).toBe(true);
    expect(result.presence).toEqual([]);
    expect(result.shares).toEqual({ goodDays: null, gotHelp: null });
    expect(result.choices.map((c) => c.question)).toEqual(['needs']);
  });
});

describe('the questions the report reads', () => {
  it('finds the professionals question by its options, and the help question by id or else by its show-if rule', () => {
    expect(professionalsQuestion(defaultForm)).toBe('met');
    expect(helpQuestion(defaultForm)).toBe('got-help');
    const renamed: FormDefinition = structuredClone(defaultForm);
    renamed.questions = renamed.questions.map((q) => (q.id === 'got-help' ? { ...q, id: 'helped' } : q));
    // The first yes-no question shown only to those who met someone.
    expect(helpQuestion(renamed)).toBe('helped');
    const withoutFollowers: FormDefinition = structuredClone(renamed);
    withoutFollowers.questions = withoutFollowers.questions.map((q) => ({ ...q, showIf: undefined }));
    expect(helpQuestion(withoutFollowers)).toBeNull();
    expect(helpQuestion(undefined)).toBeNull();
  });

  it('reportSharesOf reads only the counts in the range', () => {
    const given = input([...many(3, 'a', '2026-11-02', { day: '5' }), ...many(1, 'a', '2026-11-03', { day: '1' }), ...many(5, 'a', '2026-12-01', { day: '1' })]);
    expect(reportSharesOf(given).goodDays).toEqual({ question: 'day', options: ['4', '5'], ...proportion(3, 4) });
    expect(reportSharesOf(given).gotHelp).toEqual({ question: 'got-help', option: 'yes', ...proportion(0, 0) });
  });
});
