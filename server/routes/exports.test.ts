import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEntries } from '../db/audit-log';
import { makeResponse, SAME_ORIGIN, startSignedInServer, syncFromKiosk, type TestServer } from '../test-support';

let server: TestServer;
let cookie: string;
/** The server's clock: long after the weeks and months of the data, unless a test moves it. */
let now: Date;
beforeEach(async () => {
  now = new Date('2027-01-10T10:00:00Z');
  ({ server, cookie } = await startSignedInServer({ clock: () => now }));
  const responses = [
    ...Array.from({ length: 4 }, () => makeResponse({ date: '2026-11-23', answers: { day: '4', needs: ['food'], 'age-group': '50-or-over', 'anything-else': 'Kiitos' } })),
    makeResponse({ date: '2026-11-23', answers: { day: '2', 'age-group': 'under-30', 'anything-else': '=1+1' } }),
    makeResponse({ date: '2026-11-30', answers: { day: '5', 'anything-else': 'Yksin tänään' } }),
  ];
  await syncFromKiosk(server, responses);
  await server.app.inject({
    method: 'PUT',
    url: '/api/coordinator/day-log/paivakeskus/2026-11-23',
    headers: { ...SAME_ORIGIN, cookie },
    payload: { date: '2026-11-23', mealsServed: 45, professionals: ['health-station'], note: 'Sateinen päivä; kahvi loppui' },
  });
});
afterEach(() => server.close());

const download = (file: string, query: string, withCookie = true) =>
  server.app.inject({ method: 'GET', url: `/api/coordinator/exports/${file}?${query}`, headers: withCookie ? { cookie } : {} });
/** A file's rows without its first column, which names the one unit every row here is of (checked). */
const table = (body: string, delimiter = ';') => {
  const rows = parse(body, { delimiter, bom: true }) as string[][];
  expect(rows[0]![0]).toBe('unit');
  expect(rows.slice(1).every((row) => row[0] === 'Päiväkeskus')).toBe(true);
  return rows.map((row) => row.slice(1));
};

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
    // Age groups only by month.
    expect(rows.some((r) => r[1] === 'age-group')).toBe(false);
    expect((await auditEntries(server.db, 'all'))[0]).toMatchObject({ actor: 'aino', action: 'download', detail: 'summary.csv todays-feedback 2026-11-23..2026-11-29 by week' });
  });

  it('the summary with "," and a decimal point when asked', async () => {
    const reply = await download('summary.csv', 'form=todays-feedback&from=2026-11-23&to=2026-11-23&period=day&format=international&labels=en');
    const rows = table(reply.body, ',');
    expect(rows.find((r) => r[1] === 'day' && r[3] === '4')![6]).toBe('0.800');
  });

  it('the responses: a row per response, no free text, no age group', async () => {
    const rows = table((await download('responses.csv', 'form=todays-feedback&from=2026-11-01&to=2026-11-30&labels=en')).body);
    const [header, ...body] = rows;
    expect(body).toHaveLength(6);
    expect(header!.slice(0, 4)).toEqual(['date', 'part_of_day', 'form_version', 'language']);
    expect(header).not.toContain('How old are you?');
    expect(rows.flat().join()).not.toMatch(/Kiitos|under 30|50 or over/i);
  });

  it('the summary by month: its age groups protected, "<5" only below 5', async () => {
    await syncFromKiosk(server, [
      ...Array.from({ length: 20 }, () => makeResponse({ date: '2026-11-10', answers: { day: '3', 'age-group': '30-49' } })),
      ...Array.from({ length: 6 }, () => makeResponse({ date: '2026-11-12', answers: { day: '3', 'age-group': '50-or-over' } })),
      ...Array.from({ length: 7 }, () => makeResponse({ date: '2026-11-11', answers: { day: '3', 'age-group': 'prefer-not-to-say' } })),
    ]);
    const rows = table((await download('summary.csv', 'form=todays-feedback&from=2026-11-15&to=2026-11-15&period=month&labels=en')).body);
    const ages = Object.fromEntries(rows.filter((r) => r[1] === 'age-group').map((r) => [r[3], r[5]]));
    // 1 under 30 and 1 without an answer are hidden, and the 7 as their cover, marked "..", not "<5".
    expect(ages).toEqual({ 'under-30': '<5', '30-49': '20', '50-or-over': '10', 'prefer-not-to-say': '..', '': '<5' });
  });

  it('the summary by month: age groups as first published, whatever a kiosk syncs later; none for the month going on or one ended 5 days ago', async () => {
    // 20 December: November ended 19 days ago, December goes on.
    now = new Date('2026-12-20T10:00:00Z');
    await syncFromKiosk(server, [
      ...Array.from({ length: 20 }, () => makeResponse({ date: '2026-11-10', answers: { day: '3', 'age-group': '30-49' } })),
      ...Array.from({ length: 6 }, () => makeResponse({ date: '2026-11-12', answers: { day: '3', 'age-group': '50-or-over' } })),
      ...Array.from({ length: 7 }, () => makeResponse({ date: '2026-11-11', answers: { day: '3', 'age-group': 'prefer-not-to-say' } })),
      ...Array.from({ length: 30 }, () => makeResponse({ date: '2026-12-02', answers: { day: '3', 'age-group': '30-49' } })),
    ]);
    const summary = async () => table((await download('summary.csv', 'form=todays-feedback&from=2026-11-01&to=2026-12-31&period=month&labels=en')).body);
    const ageRows = (rows: string[][], month: string) => rows.filter((r) => r[0] === month && r[1] === 'age-group');
    const first = await summary();
    expect(Object.fromEntries(ageRows(first, '2026-11').map((r) => [r[3], r[5]]))).toEqual({ 'under-30': '<5', '30-49': '20', '50-or-over': '10', 'prefer-not-to-say': '..', '': '<5' });
    expect(ageRows(first, '2026-11').every((r) => r[7] === '39')).toBe(true);
    expect(ageRows(first, '2026-12')).toEqual([]);

    // A kiosk that was offline sends more of November: 3 under 30 and 2 without an answer.
    await syncFromKiosk(server, [
      ...Array.from({ length: 3 }, () => makeResponse({ date: '2026-11-20', answers: { day: '4', 'age-group': 'under-30' } })),
      ...Array.from({ length: 2 }, () => makeResponse({ date: '2026-11-21', answers: { day: '4' } })),
    ]);
    const second = await summary();
    expect(ageRows(second, '2026-11')).toEqual(ageRows(first, '2026-11'));
    // The other questions count them.
    expect(second.find((r) => r[0] === '2026-11' && r[1] === 'day' && r[3] === '4')!.slice(5, 8)).toEqual(['9', '0,205', '44']);

    // 6 January: December ended 5 days ago. Still no age groups for it, November's unchanged.
    now = new Date('2027-01-06T10:00:00Z');
    const third = await summary();
    expect(ageRows(third, '2026-12')).toEqual([]);
    expect(ageRows(third, '2026-11')).toEqual(ageRows(first, '2026-11'));
    expect(await server.db.q.selectFrom('published_age_groups').select('month').distinct().execute()).toEqual([{ month: '2026-11' }]);
  });

  it('the day log, and the free texts: shuffled, without dates, only from periods of 5 or more, neutralised', async () => {
    const dayLog = table((await download('day-log.csv', 'form=todays-feedback&from=2026-11-01&to=2026-11-30&labels=fi')).body);
    expect(dayLog[1]).toEqual(['2026-11-23', '45', '0', '1', '0', '0', '0', 'Sateinen päivä; kahvi loppui']);

    const byDay = table((await download('free-texts.csv', 'form=todays-feedback&from=2026-11-01&to=2026-11-30&period=day')).body);
    expect(byDay.slice(1).map((r) => r[1]).sort()).toEqual(["'=1+1", 'Kiitos', 'Kiitos', 'Kiitos', 'Kiitos']);
    expect(byDay.flat().join()).not.toMatch(/2026-11/);
  });

  it('the free texts by whole ISO weeks whatever the period: a month\u2019s small week is left out, its neighbour\u2019s days in another month taken in', async () => {
    // Week 2026-W44 runs from Monday 26 October to Sunday 1 November: 5 responses on 30 October.
    await syncFromKiosk(server, Array.from({ length: 5 }, () => makeResponse({ date: '2026-10-30', answers: { day: '4', 'anything-else': 'Lokakuussa' } })));
    const reply = await download('free-texts.csv', 'form=todays-feedback&from=2026-11-01&to=2026-11-30&period=month');
    expect(reply.headers['content-disposition']).toBe('attachment; filename="free-texts-todays-feedback-2026-10-26-2026-12-06.csv"');
    const texts = table(reply.body).slice(1).map((r) => r[1]);
    expect(texts.sort()).toEqual(["'=1+1", 'Kiitos', 'Kiitos', 'Kiitos', 'Kiitos', 'Lokakuussa', 'Lokakuussa', 'Lokakuussa', 'Lokakuussa', 'Lokakuussa']);
    // 30 November is the only day of week 2026-W49 with responses: 1, so its text is not shown,
    // although November has 6 and October too.
    expect(texts).not.toContain('Yksin tänään');
    expect((await auditEntries(server.db, 'all')).map((e) => e.detail)).toContain('free-texts.csv todays-feedback 2026-10-26..2026-12-06');
  });

  it('the free texts: none from the week still going on, so a file downloaded every evening dates no text', async () => {
    const texts = async () => table((await download('free-texts.csv', 'form=todays-feedback&from=2026-11-23&to=2026-11-23')).body).slice(1).map((r) => r[1]);
    // Sunday 29 November, the last day of week 2026-W48.
    now = new Date('2026-11-29T12:00:00Z');
    expect(await texts()).toEqual([]);
    now = new Date('2026-11-30T12:00:00Z');
    expect((await texts()).sort()).toEqual(["'=1+1", 'Kiitos', 'Kiitos', 'Kiitos', 'Kiitos']);
  });

  it('refuses without a session, and bad requests with a reason', async () => {
    expect((await download('summary.csv', 'form=todays-feedback&from=2026-11-01&to=2026-11-30', false)).statusCode).toBe(401);
    for (const [file, query] of [
      ['summary.csv', 'form=todays-feedback&from=2026-11-30&to=2026-11-01'],
      ['summary.csv', 'form=todays-feedback&from=2026-11-01&to=2026-11-30&period=fortnight'],
      ['summary.csv', 'form=todays-feedback&from=2026-11-01&to=2026-11-30&format=xlsx'],
      ['summary.csv', 'form=todays-feedback&from=2026-11-01&to=2026-11-30&split=language'],
    ]) {
      const reply = await download(file!, query!);
      expect(reply.statusCode, `${file} ${query}`).toBe(400);
      expect(reply.json().error).toMatch(/not valid/);
    }
    expect((await download('summary.csv', 'form=nope&from=2026-11-01&to=2026-11-30')).statusCode).toBe(404);
    // A file the server does not make is no route at all.
    expect((await download('secrets.csv', 'form=todays-feedback&from=2026-11-01&to=2026-11-30')).statusCode).toBe(404);
  });
});
