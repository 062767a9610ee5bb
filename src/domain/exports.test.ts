import { describe, expect, it } from 'vitest';
import { defaultForm } from './default-form';
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
    expect(rows[0]).toEqual(['period', 'question_id', 'question', 'answer_id', 'answer', 'count', 'share', 'responses_in_period', 'meals_served_in_period']);
    const row = (question: string, answer: string) => rows.find((r) => r[1] === question && r[3] === answer)!;
    expect(row('day', '4')).toEqual(['2026-W48', 'day', expect.any(String), '4', 'Good', '2', '0,667', '3', '120']);
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
