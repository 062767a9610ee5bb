import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEntries } from '../db/audit-log';
import { makeResponse, queryRows, queryValue, SAME_ORIGIN, startSignedInServer, syncFromKiosk, type TestServer } from '../test-support';

let server: TestServer;
let cookie: string;
/** The server's clock: long after the weeks of the data, unless a test moves it. */
let now: Date;
beforeEach(async () => {
  now = new Date('2027-01-10T10:00:00Z');
  ({ server, cookie } = await startSignedInServer({ clock: () => now }));
  const responses = [
    makeResponse({ date: '2026-11-23', answers: { day: '4', 'anything-else': 'Terveisiä Matti Meikäläiselle' } }),
    makeResponse({ date: '2026-11-24', answers: { day: '4', 'anything-else': 'Hyvä ruoka' } }),
    ...Array.from({ length: 4 }, () => makeResponse({ date: '2026-11-25', answers: { day: '3' } })),
    makeResponse({ date: '2026-12-01', answers: { day: '1', 'anything-else': 'Yksin tällä viikolla' } }),
  ];
  await syncFromKiosk(server, responses);
});
afterEach(() => server.close());

const list = (query = 'from=2026-11-01&to=2026-12-31') =>
  server.app.inject({ method: 'GET', url: `/api/coordinator/free-texts?form=todays-feedback&${query}`, headers: { cookie } });
const redact = (payload: object, headers: Record<string, string> = { ...SAME_ORIGIN, cookie }) =>
  server.app.inject({ method: 'POST', url: '/api/coordinator/free-texts/redact', headers, payload });

describe('free texts in the coordinator\u2019s area', () => {
  it('lists texts only from weeks of at least 5 responses, without dates, and says which weeks it covers', async () => {
    const { texts, covers } = (await list()).json();
    expect(texts.map((t: { text: string }) => t.text).sort()).toEqual(['Hyvä ruoka', 'Terveisiä Matti Meikäläiselle']);
    expect(JSON.stringify(texts)).not.toContain('2026');
    // 26 October to 3 January: ten whole weeks, of which only 2026-W48 had 5 responses.
    expect(covers).toEqual({ from: '2026-W44', to: '2026-W53', weeks: 10, weeksShown: 1 });
  });

  it('is the same list whatever language or version the dashboard shows: a smaller group would tie a text to fewer people', async () => {
    await syncFromKiosk(server, [
      makeResponse({ date: '2026-11-26', language: 'sv', answers: { day: '4', 'anything-else': 'Tack' } }),
      ...Array.from({ length: 4 }, () => makeResponse({ date: '2026-11-27', language: 'sv', answers: { day: '4' } })),
    ]);
    const texts = async (query: string) => ((await list(query)).json().texts as { text: string }[]).map((t) => t.text).sort();
    const all = await texts('from=2026-11-23&to=2026-11-23');
    expect(all).toEqual(['Hyvä ruoka', 'Tack', 'Terveisiä Matti Meikäläiselle']);
    for (const query of ['language=sv', 'language=fi', 'version=1', 'language=sv&version=1']) expect(await texts(`from=2026-11-23&to=2026-11-23&${query}`), query).toEqual(all);
    // A single day with texts but fewer than 5 responses in its week gives nothing.
    expect(await texts('from=2026-12-01&to=2026-12-01')).toEqual([]);
  });

  it('leaves out a text whose week had fewer than 5 responses in its language: it would match those rows of the responses file', async () => {
    // Week 2026-W48 has 6 Finnish responses; one Swedish response makes 7, but alone in Swedish.
    await syncFromKiosk(server, [makeResponse({ date: '2026-11-26', language: 'sv', answers: { day: '4', 'anything-else': 'Tack' } })]);
    const { texts, covers } = (await list()).json();
    expect(texts.map((t: { text: string }) => t.text).sort()).toEqual(['Hyvä ruoka', 'Terveisiä Matti Meikäläiselle']);
    expect(covers.weeksShown).toBe(1);
    const download = await server.app.inject({
      method: 'GET',
      url: '/api/coordinator/exports/free-texts.csv?form=todays-feedback&from=2026-11-01&to=2026-12-31',
      headers: { cookie },
    });
    expect((parse(download.body, { delimiter: ';', bom: true }) as string[][]).slice(1).map((r) => r[2]).sort()).toEqual(['Hyvä ruoka', 'Terveisiä Matti Meikäläiselle']);
  });

  it('lists nothing of the week still going on, nor counts it: opened every evening, the list would date each new text', async () => {
    // Week 2026-W48 runs from Monday 23 to Sunday 29 November (Helsinki).
    const texts = async () => ((await list()).json().texts as { text: string }[]).map((t) => t.text).sort();
    for (const at of ['2026-11-24T08:00:00Z', '2026-11-29T21:30:00Z']) {
      now = new Date(at);
      expect(await texts(), at).toEqual([]);
      expect((await list()).json().covers.weeksShown, at).toBe(0);
    }
    // Monday 30 November in Helsinki (22:30 UTC on the Sunday): the week has ended.
    now = new Date('2026-11-29T22:30:00Z');
    expect(await texts()).toEqual(['Hyvä ruoka', 'Terveisiä Matti Meikäläiselle']);
    // A text that arrives late into the ended week is dated only to its week.
    await syncFromKiosk(server, [makeResponse({ date: '2026-11-27', answers: { day: '4', 'anything-else': 'Myöhässä' } })]);
    expect(await texts()).toEqual(['Hyvä ruoka', 'Myöhässä', 'Terveisiä Matti Meikäläiselle']);
  });

  it('redacts a text from every view and download, counts it out, and audits that it happened but not what it said', async () => {
    const { texts } = (await list()).json();
    const named = texts.find((t: { text: string }) => t.text.includes('Matti'));
    const before = (await queryValue(server.db, "SELECT sum(count) FROM answer_counts WHERE question_id = 'anything-else'"));
    expect((await redact({ form: 'todays-feedback', id: named.id, question: 'anything-else' })).statusCode).toBe(204);

    expect(JSON.stringify((await list()).json())).not.toContain('Matti');
    const download = await server.app.inject({
      method: 'GET',
      url: '/api/coordinator/exports/free-texts.csv?form=todays-feedback&from=2026-11-01&to=2026-12-31&period=week',
      headers: { cookie },
    });
    expect((parse(download.body, { delimiter: ';', bom: true }) as string[][]).flat().join()).not.toContain('Matti');
    expect(JSON.stringify((await queryRows(server.db, 'SELECT answers FROM responses')))).not.toContain('Matti');
    expect(await queryValue(server.db, "SELECT sum(count) FROM answer_counts WHERE question_id = 'anything-else'")).toBe((before as number) - 1);
    const entry = (await auditEntries(server.db, 'all')).find((e) => e.action === 'redaction');
    expect(entry).toMatchObject({ actor: 'aino', action: 'redaction', detail: 'todays-feedback anything-else', units: ['paivakeskus'] });
    expect(JSON.stringify(await auditEntries(server.db, 'all'))).not.toContain('Matti');
    // The response's other answers stay.
    expect(await queryValue(server.db, 'SELECT count(*) FROM responses')).toBe(7);

    expect((await redact({ form: 'todays-feedback', id: named.id, question: 'anything-else' })).statusCode).toBe(404);
  });

  it('refuses a redaction from another site, of a choice answer, or without a session', async () => {
    const { texts } = (await list()).json();
    const id = texts[0].id;
    expect((await redact({ form: 'todays-feedback', id, question: 'anything-else' }, { cookie, 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await redact({ form: 'todays-feedback', id, question: 'day' })).statusCode).toBe(404);
    expect((await redact({ form: 'todays-feedback', id, question: 'anything-else' }, SAME_ORIGIN)).statusCode).toBe(401);
    expect((await redact({ form: 'todays-feedback', id: 'not-an-id', question: 'anything-else' })).statusCode).toBe(400);
    expect(JSON.stringify((await list()).json()).includes(texts[0].text)).toBe(true);
  });
});
