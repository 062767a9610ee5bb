import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEntries } from '../db/audit-log';
import { makeResponse, SAME_ORIGIN, startSignedInServer, syncFromKiosk, type TestServer } from '../test-support';

let server: TestServer;
let cookie: string;
beforeEach(async () => {
  ({ server, cookie } = await startSignedInServer());
  const responses = [
    ...Array.from({ length: 4 }, () => makeResponse({ date: '2026-11-23', answers: { day: '4', needs: ['food'], 'age-group': '50-or-over', 'anything-else': 'Kiitos' } })),
    makeResponse({ date: '2026-11-23', answers: { day: '2', 'age-group': 'under-30', 'anything-else': '=1+1' } }),
    makeResponse({ date: '2026-11-30', answers: { day: '5', 'anything-else': 'Yksin tänään' } }),
  ];
  await syncFromKiosk(server, responses);
  await server.app.inject({
    method: 'PUT',
    url: '/api/coordinator/day-log/2026-11-23',
    headers: { ...SAME_ORIGIN, cookie },
    payload: { date: '2026-11-23', mealsServed: 45, professionals: ['health-station'], note: 'Sateinen päivä; kahvi loppui' },
  });
});
afterEach(() => server.close());

const download = (file: string, query: string, withCookie = true) =>
  server.app.inject({ method: 'GET', url: `/api/coordinator/exports/${file}?${query}`, headers: withCookie ? { cookie } : {} });
const table = (body: string, delimiter = ';') => parse(body, { delimiter, bom: true }) as string[][];

describe('CSV downloads', () => {
  it('the summary: UTF-8 with BOM, ";" and decimal comma, CRLF, whole weeks, counts and meals', async () => {
    const reply = await download('summary.csv', 'form=todays-feedback&from=2026-11-25&to=2026-11-25&period=week&labels=en');
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(reply.headers['content-disposition']).toBe('attachment; filename="summary-todays-feedback-2026-11-23-2026-11-29.csv"');
    expect(reply.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(reply.body).toContain('\r\n');
    const rows = table(reply.body);
    const row = (question: string, answer: string) => rows.find((r) => r[1] === question && r[3] === answer)!;
    // 2026-11-30 is the next ISO week: not in this summary.
    expect(row('day', '4')).toEqual(['2026-W48', 'day', 'How was the day centre today?', '4', 'Good', '4', '0,800', '5', '45', '']);
    expect(row('age-group', 'under-30')[5]).toBe('<5');
    expect(row('age-group', '50-or-over')[5]).toBe('<5');
    expect(auditEntries(server.db)[0]).toMatchObject({ actor: 'aino', action: 'download', detail: 'summary.csv todays-feedback 2026-11-23..2026-11-29 by week' });
  });

  it('the summary with "," and a decimal point when asked', async () => {
    const reply = await download('summary.csv', 'form=todays-feedback&from=2026-11-23&to=2026-11-23&period=day&format=international&labels=en');
    const rows = table(reply.body, ',');
    expect(rows.find((r) => r[1] === 'day' && r[3] === '4')![6]).toBe('0.800');
  });

  it('the responses: a row per response, no free text, the lone under-30 age group hidden', async () => {
    const rows = table((await download('responses.csv', 'form=todays-feedback&from=2026-11-01&to=2026-11-30&labels=en')).body);
    const [header, ...body] = rows;
    expect(body).toHaveLength(6);
    expect(header!.slice(0, 4)).toEqual(['date', 'part_of_day', 'form_version', 'language']);
    const age = header!.indexOf('How old are you?');
    expect(body.filter((r) => r[0] === '2026-11-23').map((r) => r[age])).toEqual(Array(5).fill('<5'));
    expect(rows.flat().join()).not.toContain('Kiitos');
  });

  it('the day log, and the free texts: shuffled, without dates, only from periods of 5 or more, neutralised', async () => {
    const dayLog = table((await download('day-log.csv', 'form=todays-feedback&from=2026-11-01&to=2026-11-30&labels=fi')).body);
    expect(dayLog[1]).toEqual(['2026-11-23', '45', '0', '1', '0', '0', '0', 'Sateinen päivä; kahvi loppui']);

    const byDay = table((await download('free-texts.csv', 'form=todays-feedback&from=2026-11-01&to=2026-11-30&period=day')).body);
    expect(byDay.slice(1).map((r) => r[1]).sort()).toEqual(["'=1+1", 'Kiitos', 'Kiitos', 'Kiitos', 'Kiitos']);
    const byMonth = table((await download('free-texts.csv', 'form=todays-feedback&from=2026-11-01&to=2026-11-30&period=month')).body);
    expect(byMonth.slice(1).map((r) => r[1])).toContain('Yksin tänään');
    expect(byMonth.flat().join()).not.toMatch(/2026-11/);
  });

  it('refuses without a session, and bad requests with a reason', async () => {
    expect((await download('summary.csv', 'form=todays-feedback&from=2026-11-01&to=2026-11-30', false)).statusCode).toBe(401);
    for (const [file, query] of [
      ['summary.csv', 'form=todays-feedback&from=2026-11-30&to=2026-11-01'],
      ['summary.csv', 'form=todays-feedback&from=2026-11-01&to=2026-11-30&period=fortnight'],
      ['secrets.csv', 'form=todays-feedback&from=2026-11-01&to=2026-11-30'],
      ['summary.csv', 'form=todays-feedback&from=2026-11-01&to=2026-11-30&format=xlsx'],
      ['summary.csv', 'form=todays-feedback&from=2026-11-01&to=2026-11-30&split=language'],
    ]) {
      const reply = await download(file!, query!);
      expect(reply.statusCode, `${file} ${query}`).toBe(400);
      expect(reply.json().error).toMatch(/not valid/);
    }
    expect((await download('summary.csv', 'form=nope&from=2026-11-01&to=2026-11-30')).statusCode).toBe(404);
  });
});
