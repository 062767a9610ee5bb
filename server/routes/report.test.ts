import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newcombeDifference, wilsonInterval } from '../../src/domain/statistics';
import type { FeedbackResponse } from '../../src/domain/response';
import { addUnit } from '../db/units';
import { addTestCoordinator, makeResponse, queryRows, SAME_ORIGIN, signIn, startSignedInServer, syncFromKiosk, TEST_UNIT, type TestServer } from '../test-support';

let server: TestServer;
let cookie: string;

const many = (count: number, date: string, answers: FeedbackResponse['answers']) => Array.from({ length: count }, () => makeResponse({ date, answers }));
const logDay = (date: string, professionals: string[], mealsServed: number, unit = TEST_UNIT) =>
  server.app.inject({
    method: 'PUT',
    url: `/api/coordinator/day-log/${unit}/${date}`,
    headers: { ...SAME_ORIGIN, cookie },
    payload: { date, mealsServed, professionals, note: 'Muistiinpano, ei raporttiin' },
  });

// November 2026: the nurse on two Mondays (25 of 40 got help), absent on a Tuesday and a Monday
// (16 of 40; the Monday alone 8 of 20).
beforeEach(async () => {
  ({ server, cookie } = await startSignedInServer());
  const met = { met: ['health-station'] };
  await syncFromKiosk(server, [
    ...many(13, '2026-11-02', { day: '5', ...met, 'got-help': 'yes', needs: ['food'] }),
    ...many(7, '2026-11-02', { day: '2', ...met, 'got-help': 'no' }),
    ...many(12, '2026-11-09', { day: '4', ...met, 'got-help': 'yes' }),
    ...many(8, '2026-11-09', { day: '3', ...met, 'got-help': 'no', 'age-group': 'under-30', 'anything-else': 'Nimeni on Matti' }),
    ...many(8, '2026-11-03', { day: '4', ...met, 'got-help': 'yes' }),
    ...many(12, '2026-11-03', { day: '1', ...met, 'got-help': 'no' }),
    ...many(8, '2026-11-16', { day: '4', ...met, 'got-help': 'yes' }),
    ...many(12, '2026-11-16', { day: '2', ...met, 'got-help': 'no' }),
  ]);
  await logDay('2026-11-02', ['health-station'], 50);
  await logDay('2026-11-09', ['health-station'], 50);
  await logDay('2026-11-03', [], 40);
  await logDay('2026-11-16', [], 60);
});
afterEach(() => server.close());

const get = (url: string, headers: Record<string, string> = { cookie }) => server.app.inject({ method: 'GET', url, headers });

describe('GET /api/coordinator/report', () => {
  it('reports a month: key figures, the day, the nurse against other days with intervals, reach and needs', async () => {
    const reply = await get('/api/coordinator/report?form=todays-feedback&from=2026-11-01&to=2026-11-30');
    expect(reply.statusCode).toBe(200);
    const { report, period } = reply.json();
    expect(period).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(report).toMatchObject({ responses: 80, mealsServed: 200, responsesPerMeal: 80 / 200, daysLogged: 4 });
    expect(report.presentDays.find((p: { professional: string }) => p.professional === 'health-station').days).toBe(2);
    // Good and very good days: 13 fives, 12 + 8 + 8 fours.
    expect(report.day.good).toMatchObject({ count: 41, n: 80, interval: wilsonInterval(41, 80) });
    const nurse = report.presence.find((row: { professional: string; question: string }) => row.professional === 'health-station' && row.question === 'got-help');
    expect(nurse.all.present).toMatchObject({ days: 2, count: 25, n: 40, interval: wilsonInterval(25, 40) });
    expect(nurse.all.absent).toMatchObject({ days: 2, count: 16, n: 40, interval: wilsonInterval(16, 40) });
    expect(nurse.all.difference).toEqual(newcombeDifference(25, 40, 16, 40));
    // The same weekdays: Mondays only; 20 answers on the other Monday are too few to compare.
    expect(nurse.sameWeekdays).toMatchObject({ weekdays: [1], absent: { days: 1, count: 8, n: 20 }, difference: null });
    expect(report.choices).toEqual([expect.objectContaining({ question: 'needs', answered: 13 })]);
    // No age group, no free text, no day-log note (the form's versions come along for labels).
    const text = JSON.stringify(report);
    for (const leak of ['under-30', 'age-group', 'Matti', 'anything-else', 'Muistiinpano']) expect(text).not.toContain(leak);
  });

  it('covers the pilot from its first response to its last when no period is given', async () => {
    const { period, report } = (await get('/api/coordinator/report?form=todays-feedback')).json();
    expect(period).toEqual({ from: '2026-11-02', to: '2026-11-16' });
    expect(report.responses).toBe(80);
  });

  it('sets units side by side, each with its own day log', async () => {
    const second = await addUnit(server.db, { fi: 'Kahvila' }, new Date());
    await syncFromKiosk(server, many(5, '2026-11-02', { day: '1' }), {}, second.id);
    const { report, byUnit, units } = (await get(`/api/coordinator/report?form=todays-feedback&units=${TEST_UNIT},${second.id}&compare=units`)).json();
    expect(units.map((u: { id: string }) => u.id).sort()).toEqual([TEST_UNIT, second.id].sort());
    expect(report.responses).toBe(85);
    const each = byUnit.map((u: { unit: string; report: { responses: number; daysLogged: number } }) => [u.unit, u.report.responses, u.report.daysLogged]);
    expect(each).toEqual(expect.arrayContaining([[TEST_UNIT, 80, 4], [second.id, 5, 0]]));
    expect(each).toHaveLength(2);
  });

  it('is read by a viewer, refused without a session, and 404 for an unknown form', async () => {
    await addTestCoordinator(server, 'veikko', { role: 'viewer', units: [TEST_UNIT] });
    const viewer = await signIn(server, 'veikko');
    expect((await get('/api/coordinator/report?form=todays-feedback', { cookie: viewer })).statusCode).toBe(200);
    expect((await get('/api/coordinator/report?form=todays-feedback', {})).statusCode).toBe(401);
    expect((await get('/api/coordinator/report?form=ei-ole')).statusCode).toBe(404);
    expect((await get('/api/coordinator/report?form=todays-feedback&from=2026-11-30&to=2026-11-01')).statusCode).toBe(400);
    expect((await get('/api/coordinator/report?form=todays-feedback&from=2026-11-01')).statusCode).toBe(400);
    // The work grows with the days: more than three years at once is refused.
    const endless = await get('/api/coordinator/report?form=todays-feedback&from=1000-01-01&to=9999-12-31');
    expect(endless.statusCode).toBe(400);
    expect(endless.json().error).toMatch(/at most 1098 days/);
    expect((await get('/api/coordinator/report.csv?form=todays-feedback&from=2020-01-01&to=2026-11-30')).statusCode).toBe(400);
  });
});

describe('GET /api/coordinator/report.csv', () => {
  it('gives the report’s figures in the downloads’ format, with the unit first, and is audited', async () => {
    const reply = await get('/api/coordinator/report.csv?form=todays-feedback&from=2026-11-01&to=2026-11-30&labels=fi');
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(reply.headers['content-disposition']).toBe('attachment; filename="report-todays-feedback-2026-11-01-2026-11-30.csv"');
    expect(reply.body.startsWith('\ufeffunit;section;measure;')).toBe(true);
    const [header, ...rows] = Papa.parse<string[]>(reply.body.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    const column = (name: string) => header!.indexOf(name);
    const difference = rows.find((row) => row[column('section')] === 'presence' && row[column('professional')] === 'Terveysasema' && row[column('group')] === 'difference' && row[column('comparison')] === 'all_days');
    expect(difference![column('unit')]).toBe('Päiväkeskus');
    expect(difference![column('share')]).toBe('0,225');
    for (const leak of ['under-30', 'Matti', 'Muistiinpano']) expect(reply.body).not.toContain(leak);
    const [entry] = await queryRows(server.db, "SELECT detail FROM audit_log WHERE action = 'download'");
    expect(entry).toEqual({ detail: 'report.csv todays-feedback 2026-11-01..2026-11-30' });
  });
});
