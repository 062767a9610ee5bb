import { describe, expect, it } from 'vitest';
import { buildDashboard, type DashboardInput } from './dashboard';
import type { DayLogEntry, UnitDayLogEntry } from './day-log';
import { defaultForm } from './default-form';
import type { FormDefinition } from './form-schema';
import type { FeedbackResponse } from './response';
import { countsOf } from './tally';

type Given = Pick<FeedbackResponse, 'date' | 'answers'> & Partial<Pick<FeedbackResponse, 'language' | 'formVersion'>> & { unit?: string };

/** The counts of the given responses, each of its unit ('a' unless it says). */
function input(given: Given[], extra: Partial<DashboardInput> = {}, versions: FormDefinition[] = [defaultForm]): DashboardInput {
  const byVersion = new Map(versions.map((form) => [form.version, form]));
  const units = [...new Set(given.map((g) => g.unit ?? 'a'))];
  const counts = units.map((unit) => {
    const ofUnit = countsOf(
      given
        .filter((g) => (g.unit ?? 'a') === unit)
        .map((g) => {
          const response = { language: 'fi', formVersion: versions.at(-1)!.version, ...g };
          return { form: byVersion.get(response.formVersion)!, response };
        }),
    );
    return { answers: ofUnit.answers.map((row) => ({ ...row, unit })), responses: ofUnit.responses.map((row) => ({ ...row, unit })) };
  });
  return {
    from: '2026-11-23',
    to: '2026-11-29',
    versions,
    answerCounts: counts.flatMap((c) => c.answers),
    responseCounts: counts.flatMap((c) => c.responses),
    dayLog: [],
    abandoned: [],
    ...extra,
  };
}

const day = (date: string, professionals: DayLogEntry['professionals'], mealsServed: number | null = 50, unit = 'a'): UnitDayLogEntry => ({
  unit,
  date,
  mealsServed,
  professionals,
  note: '',
});
const question = (dashboard: ReturnType<typeof buildDashboard>, id: string) => dashboard.questions.find((q) => q.question === id)!;

describe('buildDashboard', () => {
  it('with no data: every day of the range at zero, every question with zero counts, no rate', () => {
    const dashboard = buildDashboard(input([]));
    expect(dashboard.days).toHaveLength(7);
    expect(dashboard.days.every((d) => d.responses === 0 && d.mealsServed === null)).toBe(true);
    expect(dashboard.weeks).toEqual([{ week: '2026-W48', responses: 0, mealsServed: 0 }]);
    expect(dashboard.responseRate).toBeNull();
    expect(question(dashboard, 'day')).toMatchObject({ answered: 0, unanswered: 0 });
    expect(question(dashboard, 'day').options.map((o) => [o.option, o.count, o.share])).toEqual([
      ['1', 0, 0],
      ['2', 0, 0],
      ['3', 0, 0],
      ['4', 0, 0],
      ['5', 0, 0],
    ]);
  });

  it('with one response: its answers at 100 %, the skipped questions unanswered', () => {
    const dashboard = buildDashboard(input([{ date: '2026-11-24', answers: { day: '5', needs: ['food', 'housing'] } }]));
    expect(dashboard.responses).toBe(1);
    expect(dashboard.days.find((d) => d.date === '2026-11-24')!.responses).toBe(1);
    expect(question(dashboard, 'day').options.find((o) => o.option === '5')).toEqual({ option: '5', count: 1, share: 1 });
    expect(question(dashboard, 'needs')).toMatchObject({ answered: 1, unanswered: 0 });
    expect(question(dashboard, 'needs').options.filter((o) => o.count > 0).map((o) => o.option)).toEqual(['housing', 'food']);
    expect(question(dashboard, 'met')).toMatchObject({ answered: 0, unanswered: 1 });
  });

  it('leaves out the age-group question, here and in the comparison: its protected counts are in the summary download', () => {
    const dashboard = buildDashboard(input([{ date: '2026-11-24', answers: { day: '5', 'age-group': 'under-30' } }], { dayLog: [day('2026-11-24', ['health-station'])] }));
    expect(dashboard.questions.map((q) => q.question)).not.toContain('age-group');
    expect(dashboard.byProfessional[0]!.present.questions.map((q) => q.question)).not.toContain('age-group');
    expect(JSON.stringify(dashboard)).not.toContain('under-30');
  });

  it('leaves out free-text questions, here, per language, per version and in the comparison: no figure about free texts for any day', () => {
    const dashboard = buildDashboard(
      input([{ date: '2026-11-24', answers: { day: '5', 'anything-else': 'Kiitos' } }, { date: '2026-11-24', answers: { day: '4' } }], {
        dayLog: [day('2026-11-24', ['health-station'])],
      }),
    );
    const free = defaultForm.questions.filter((q) => q.type === 'free-text').map((q) => q.id);
    expect(free).toContain('anything-else');
    const shown = [dashboard.questions, ...dashboard.byProfessional.flatMap((p) => [p.present.questions, p.absent.questions])].flat().map((q) => q.question);
    expect(shown.filter((id) => free.includes(id))).toEqual([]);
    expect(JSON.stringify(dashboard)).not.toContain('anything-else');
  });

  it('shares of a multiple choice are of those who answered it, and may add up to more than 1', () => {
    const dashboard = buildDashboard(
      input([
        { date: '2026-11-24', answers: { needs: ['food', 'housing'] } },
        { date: '2026-11-24', answers: { needs: ['food'] } },
        { date: '2026-11-25', answers: { day: '3' } },
      ]),
    );
    const needs = question(dashboard, 'needs');
    expect(needs).toMatchObject({ answered: 2, unanswered: 1 });
    expect(needs.options.find((o) => o.option === 'food')!.share).toBe(1);
    expect(needs.options.find((o) => o.option === 'housing')!.share).toBe(0.5);
  });

  it('response rate against meals counts only the days whose meals were logged; abandoned forms per day', () => {
    const dashboard = buildDashboard(
      input(
        [
          { date: '2026-11-23', answers: { day: '4' } },
          { date: '2026-11-23', answers: { day: '2' } },
          { date: '2026-11-24', answers: { day: '4' } },
        ],
        { dayLog: [day('2026-11-23', [], 40), day('2026-11-25', [], null)], abandoned: [{ date: '2026-11-23', count: 2 }, { date: '2026-11-23', count: 1 }] },
      ),
    );
    expect(dashboard.mealsServed).toBe(40);
    expect(dashboard.responseRate).toBe(2 / 40);
    expect(dashboard.abandoned).toBe(3);
    expect(dashboard.days[0]).toEqual({ date: '2026-11-23', responses: 2, mealsServed: 40, abandoned: 3 });
  });

  it('compares days a professional was present with logged days they were not; unlogged days are neither', () => {
    const dashboard = buildDashboard(
      input(
        [
          { date: '2026-11-23', answers: { day: '5', 'got-help': 'yes', met: ['health-station'] } },
          { date: '2026-11-23', answers: { day: '4' } },
          { date: '2026-11-24', answers: { day: '2' } },
          { date: '2026-11-25', answers: { day: '1' } }, // not in the day log
        ],
        { dayLog: [day('2026-11-23', ['health-station']), day('2026-11-24', ['shelter-home'])] },
      ),
    );
    const health = dashboard.byProfessional.find((p) => p.professional === 'health-station')!;
    expect(health.present).toMatchObject({ days: 1, responses: 2 });
    expect(health.absent).toMatchObject({ days: 1, responses: 1 });
    const faces = (c: typeof health.present) => c.questions.find((q) => q.question === 'day')!.options.filter((o) => o.count > 0).map((o) => o.option);
    expect(faces(health.present)).toEqual(['4', '5']);
    expect(faces(health.absent)).toEqual(['2']);
  });

  it('with several units, compares each unit\u2019s answers with its own day log: a nurse at one unit is not present at another that day', () => {
    const dashboard = buildDashboard(
      input(
        [
          { unit: 'a', date: '2026-11-23', answers: { day: '5' } },
          { unit: 'a', date: '2026-11-23', answers: { day: '5' } },
          { unit: 'b', date: '2026-11-23', answers: { day: '1' } },
          { unit: 'b', date: '2026-11-24', answers: { day: '2' } },
        ],
        { dayLog: [day('2026-11-23', ['health-station'], 40, 'a'), day('2026-11-23', [], 30, 'b'), day('2026-11-24', ['health-station'], null, 'b')] },
      ),
    );
    const health = dashboard.byProfessional.find((p) => p.professional === 'health-station')!;
    // Present: unit a on the 23rd and unit b on the 24th; absent: unit b on the 23rd.
    expect(health.present).toMatchObject({ days: 2, responses: 3 });
    expect(health.absent).toMatchObject({ days: 1, responses: 1 });
    const faces = (c: typeof health.present) => c.questions.find((q) => q.question === 'day')!.options.filter((o) => o.count > 0).map((o) => `${o.option}:${o.count}`);
    expect(faces(health.present)).toEqual(['2:1', '5:2']);
    expect(faces(health.absent)).toEqual(['1:1']);
    // Meals add up over the units that logged them; the rate counts only their responses.
    expect(dashboard.days[0]).toMatchObject({ date: '2026-11-23', responses: 3, mealsServed: 70 });
    expect(dashboard.responseRate).toBe(3 / 70);
  });

  it('across a form version change: counts of both versions together, order and new options from the newest', () => {
    const version2: FormDefinition = structuredClone(defaultForm);
    version2.version = 2;
    const needs = version2.questions.find((q) => q.id === 'needs')!;
    if (!('options' in needs)) throw new Error('needs has options');
    needs.options = [{ ...needs.options[0]!, id: 'phone' }, ...needs.options.filter((o) => o.id !== 'money')];
    const dashboard = buildDashboard(
      input(
        [
          { date: '2026-11-23', formVersion: 1, answers: { needs: ['money'] } },
          { date: '2026-11-26', formVersion: 2, answers: { needs: ['phone', 'food'] } },
        ],
        {},
        [defaultForm, version2],
      ),
    );
    const options = question(dashboard, 'needs').options;
    expect(options[0]).toMatchObject({ option: 'phone', count: 1 });
    expect(options.find((o) => o.option === 'money')).toMatchObject({ count: 1 });
    expect(options.find((o) => o.option === 'food')).toMatchObject({ count: 1 });
    expect(question(dashboard, 'needs')).toMatchObject({ answered: 2 });
  });
});

describe('buildDashboard across form versions', () => {
  // Version 2 rewords the face question in Finnish and English and offers a new need.
  const version2: FormDefinition = structuredClone(defaultForm);
  version2.version = 2;
  const faces = version2.questions.find((q) => q.id === 'day')!;
  faces.title = { ...faces.title, fi: 'Miten voit tänään?', en: 'How are you today?' };
  const needs = version2.questions.find((q) => q.id === 'needs')!;
  if (!('options' in needs)) throw new Error('needs has options');
  needs.options.push({ id: 'phone', label: { fi: 'Puhelin', sv: 'Telefon', en: 'Phone' } });
  const given: Given[] = [
    { date: '2026-11-23', formVersion: 1, answers: { day: '2' } },
    { date: '2026-11-26', formVersion: 2, answers: { day: '5', needs: ['phone'] } },
  ];

  it('says which versions the responses answered, and where their wording changed', () => {
    const dashboard = buildDashboard(input(given, {}, [defaultForm, version2]));
    expect(dashboard.answeredVersions).toEqual([1, 2]);
    expect(dashboard.wordingChanges).toHaveLength(1);
    expect(dashboard.wordingChanges[0]).toMatchObject({ version: 2, previous: 1, questionsAdded: [], questionsRemoved: [] });
    expect(dashboard.wordingChanges[0]!.questions.map((q) => [q.question, q.title, q.optionsAdded])).toEqual([
      ['day', ['fi', 'en'], []],
      ['needs', [], ['phone']],
    ]);
  });

  it('says nothing of wording when the range holds answers to one version only', () => {
    const dashboard = buildDashboard(input(given.slice(1), {}, [defaultForm, version2]));
    expect(dashboard.answeredVersions).toEqual([2]);
    expect(dashboard.wordingChanges).toEqual([]);
  });

  it('counts one chosen version in its own questions and options', () => {
    // What the route gives for version=1: that version only, and only its counts.
    const only1 = input(given.slice(0, 1), {}, [defaultForm]);
    const dashboard = buildDashboard(only1);
    expect(dashboard.responses).toBe(1);
    expect(dashboard.answeredVersions).toEqual([1]);
    expect(question(dashboard, 'needs').options.map((o) => o.option)).not.toContain('phone');
    expect(question(dashboard, 'day').options.find((o) => o.option === '2')).toMatchObject({ count: 1, share: 1 });
  });
});
