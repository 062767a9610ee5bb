import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Answers } from './answers';
import { decimal } from './csv-cells';
import type { UnitDayLogEntry } from './day-log';
import { defaultForm } from './default-form';
import { formLabels } from './form-labels';
import { buildReport } from './report';
import { REPORT_COLUMNS, reportCsv, reportRows, type ReportLabels } from './report-csv';
import { newcombeDifference, wilsonInterval } from './statistics';
import { countsOf } from './tally';

const many = (count: number, date: string, answers: Answers) => Array.from({ length: count }, () => ({ date, answers }));
const log = (date: string, professionals: UnitDayLogEntry['professionals']): UnitDayLogEntry => ({ unit: 'a', date, professionals, mealsServed: 50, note: '' });

// A Monday with the nurse (30 of 30 got help), a Tuesday without (15 of 30); 4 said what they need.
const given = [
  ...many(30, '2026-11-02', { day: '5', met: ['health-station'], 'got-help': 'yes' }),
  ...many(15, '2026-11-03', { day: '4', met: ['day-centre-staff'], 'got-help': 'yes' }),
  ...many(15, '2026-11-03', { day: '1', met: ['day-centre-staff'], 'got-help': 'no' }),
  ...many(4, '2026-11-03', { needs: ['food'], 'age-group': '50-or-over', 'anything-else': 'Nimeni on Matti' }),
];
const counts = countsOf(given.map((response) => ({ form: defaultForm, response: { ...response, language: 'fi', formVersion: 1 } })));
const report = buildReport({
  from: '2026-11-02',
  to: '2026-11-08',
  versions: [defaultForm],
  answerCounts: counts.answers.map((row) => ({ ...row, unit: 'a' })),
  responseCounts: counts.responses.map((row) => ({ ...row, unit: 'a' })),
  dayLog: [log('2026-11-02', ['health-station']), log('2026-11-03', [])],
  abandoned: [],
});

const professionalNames: Record<string, string> = { 'adult-social-work': 'Aikuissosiaalityö', 'health-station': 'Terveysasema', 'addiction-services': 'Päihdepalvelut', 'shelter-home': 'Turvakoti', other: 'Muu' };
const labels: ReportLabels = { ...formLabels([defaultForm], 'fi'), professional: (id) => professionalNames[id] ?? id };

/** The file's rows as a spreadsheet would read them, each as column → cell. */
function parsed(text: string, delimiter = ';'): Record<string, string>[] {
  const rows = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { delimiter, skipEmptyLines: true }).data;
  return rows.slice(1).map((cells) => Object.fromEntries(rows[0]!.map((column, i) => [column, cells[i] ?? ''])));
}

const fi = parsed(reportCsv([{ unit: 'Päiväkeskus', report }], labels));
const find = (where: Record<string, string>) => fi.filter((row) => Object.entries(where).every(([column, value]) => row[column] === value));

describe('reportCsv', () => {
  it('is written like the other downloads: byte order mark, semicolons, CRLF, one header row', () => {
    const text = reportCsv([{ unit: 'Päiväkeskus', report }], labels);
    expect(text.startsWith('\ufeffunit;section;measure;period;question_id;question;option_id;option;professional;comparison;weekdays;group;count;n;share;lower;upper;days;note\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text.slice(1).split('\r\n').filter((line) => line.startsWith('unit;section;'))).toHaveLength(1);
    expect(fi.every((row) => Object.keys(row).length === REPORT_COLUMNS.length + 1 && row.unit === 'Päiväkeskus')).toBe(true);
  });

  it('has the overview figures, with a decimal comma', () => {
    expect(find({ section: 'overview', measure: 'responses' })).toEqual([expect.objectContaining({ period: '2026-11-02..2026-11-08', count: '64' })]);
    expect(find({ section: 'overview', measure: 'meals_served' })[0]).toMatchObject({ count: '100' });
    expect(find({ section: 'overview', measure: 'responses_per_meal' })[0]).toMatchObject({ count: '64', n: '100', share: '0,640' });
    expect(find({ section: 'overview', measure: 'days_logged' })[0]).toMatchObject({ days: '2', count: '' });
    expect(find({ section: 'overview', measure: 'present_days', professional: 'Terveysasema' })[0]).toMatchObject({ days: '1' });
    const help = wilsonInterval(45, 60)!;
    expect(find({ section: 'overview', measure: 'got_help' })[0]).toMatchObject({
      question_id: 'got-help',
      question: 'Saitko apua asiaasi?',
      option_id: 'yes',
      option: 'Kyllä',
      count: '45',
      n: '60',
      share: '0,750',
      lower: decimal(help.lower, 'fi'),
      upper: decimal(help.upper, 'fi'),
    });
    expect(decimal(help.lower, 'fi')).toMatch(/^0,\d{3}$/);
  });

  it('gives the good days with their interval, and the face scale per week and option', () => {
    const good = wilsonInterval(45, 60)!;
    expect(find({ section: 'day', measure: 'good_days' })).toEqual([
      expect.objectContaining({ question_id: 'day', option_id: '4 + 5', option: 'Hyvä + Tosi hyvä', count: '45', n: '60', share: '0,750', lower: decimal(good.lower, 'fi'), upper: decimal(good.upper, 'fi') }),
    ]);
    expect(find({ section: 'day', measure: 'answers', period: '2026-W45' }).map((row) => [row.option_id, row.count, row.n, row.share])).toEqual([
      ['1', '15', '60', '0,250'],
      ['2', '0', '60', '0,000'],
      ['3', '0', '60', '0,000'],
      ['4', '15', '60', '0,250'],
      ['5', '30', '60', '0,500'],
    ]);
  });

  it('gives each presence comparison as a present, an absent and a difference row', () => {
    const about = { section: 'presence', professional: 'Terveysasema', question_id: 'got-help', comparison: 'all_days' };
    const difference = newcombeDifference(30, 30, 15, 30)!;
    expect(find(about).map((row) => [row.group, row.count, row.n, row.share, row.days, row.note])).toEqual([
      ['present', '30', '30', '1,000', '1', ''],
      ['absent', '15', '30', '0,500', '1', ''],
      ['difference', '', '', '0,500', '', ''],
    ]);
    expect(find({ ...about, group: 'difference' })[0]).toMatchObject({ lower: decimal(difference.lower, 'fi'), upper: decimal(difference.upper, 'fi'), option: 'Kyllä' });
    // The nurse came on a Monday; there was no Monday without the nurse.
    expect(find({ ...about, comparison: 'same_weekdays' }).map((row) => [row.group, row.weekdays, row.n, row.share, row.lower, row.note])).toEqual([
      ['present', '1', '30', '1,000', decimal(wilsonInterval(30, 30)!.lower, 'fi'), ''],
      ['absent', '1', '0', '', '', ''],
      ['difference', '1', '', '', '', 'too_few_answers'],
    ]);
    expect(find({ section: 'presence' })).toHaveLength(5 * 2 * 2 * 3);
  });

  it('gives reach per week and what visitors need, and no age group or free text', () => {
    expect(find({ section: 'reach', period: '2026-W45' }).map((row) => [row.measure, row.count, row.n, row.share])).toEqual([
      ['responses', '64', '', ''],
      ['meals_served', '100', '', ''],
      ['responses_per_meal', '64', '100', '0,640'],
    ]);
    expect(find({ section: 'choices', option_id: 'food' })[0]).toMatchObject({ question_id: 'needs', measure: 'chosen', count: '4', n: '4', share: '1,000' });
    expect(find({ section: 'choices', question_id: 'met' })).toEqual([]);
    const text = reportCsv([{ unit: 'Päiväkeskus', report }], labels);
    for (const leak of ['age-group', '50-or-over', 'Kuinka vanha olet?', 'anything-else', 'Matti']) expect(text).not.toContain(leak);
  });

  it('neutralises labels that a spreadsheet would run as a formula', () => {
    const hostile: ReportLabels = {
      question: (id) => (id === 'needs' ? '=HYPERLINK("http://evil")' : labels.question(id)),
      option: (question, id) => (id === 'food' ? '@SUM(A1)' : labels.option(question, id)),
      professional: (id) => (id === 'health-station' ? '-1+1' : labels.professional(id)),
    };
    const rows = parsed(reportCsv([{ unit: 'Päiväkeskus', report }], hostile));
    expect(rows.find((row) => row.option_id === 'food')).toMatchObject({ question: `'=HYPERLINK("http://evil")`, option: "'@SUM(A1)" });
    expect(rows.filter((row) => row.measure === 'present_days').map((row) => row.professional)).toContain("'-1+1");
    expect(rows.some((row) => row.professional === '-1+1')).toBe(false);
  });

  it('in the international format: commas between fields and a decimal point', () => {
    const text = reportCsv([{ unit: 'Päiväkeskus', report }], labels, 'international');
    expect(text.startsWith('\ufeffunit,section,measure,period,')).toBe(true);
    const rows = parsed(text, ',');
    expect(rows.find((row) => row.measure === 'good_days')).toMatchObject({ share: '0.750' });
  });

  it('reportRows gives the same rows for a server that writes them itself', () => {
    const rows = reportRows(report, labels);
    expect(rows[0]).toEqual([...REPORT_COLUMNS]);
    expect(rows).toHaveLength(fi.length + 1);
  });

  it('sets units side by side one after another, each under its name, the name neutralised', () => {
    const rows = parsed(reportCsv([{ unit: 'Aula', report }, { unit: '=Kahvila', report }], labels));
    expect(rows).toHaveLength(2 * fi.length);
    expect(rows.filter((row) => row.unit === 'Aula')).toHaveLength(fi.length);
    expect(rows.filter((row) => row.unit === "'=Kahvila")).toHaveLength(fi.length);
  });
});
