import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultForm } from '../../src/domain/default-form';
import { localDay } from '../../src/domain/local-day';
import { databaseId, renewDatabaseId } from '../db/database-identity';
import { ensureFormVersion } from '../db/forms';
import { countResponses, responsesByIds } from '../db/responses';
import { revokeKiosk } from '../db/kiosks';
import { madeReceivedBetween } from '../db/made-received-counts';
import { anotherConnection, enrollKiosk, makeResponse, onPostgres, queryRows, queryValue, startTestServer, syncBody, TEST_UNIT, type TestServer } from '../test-support';

let server: TestServer;
let token: string;
const sync = (payload: unknown, auth = `Bearer ${token}`) =>
  server.app.inject({ method: 'POST', url: '/api/kiosk/sync', headers: { authorization: auth }, payload: payload as object });

beforeEach(async () => {
  server = await startTestServer();
  ({ token } = await enrollKiosk(server));
});
afterEach(() => server.close());

describe('POST /api/kiosk/sync', () => {
  it('stores a batch and answers per response', async () => {
    const batch = Array.from({ length: 100 }, () => makeResponse());
    const reply = await sync(syncBody(batch));
    expect(reply.statusCode).toBe(200);
    expect(reply.json().results).toEqual(batch.map((r) => ({ id: r.id, status: 'accepted' })));
    expect(await countResponses(server.db)).toBe(100);
    expect(await responsesByIds(server.db, [batch[7]!.id])).toEqual([{ ...batch[7], unitId: TEST_UNIT }]);
  });

  it('stores a batch sent twice only once, and says it already had it', async () => {
    const batch = Array.from({ length: 20 }, () => makeResponse());
    await sync(syncBody(batch));
    const again = await sync(syncBody([...batch, makeResponse()]));
    expect(again.statusCode).toBe(200);
    const statuses = again.json().results.map((r: { status: string }) => r.status);
    expect(statuses.filter((s: string) => s === 'duplicate')).toHaveLength(20);
    expect(statuses.at(-1)).toBe('accepted');
    expect(await countResponses(server.db)).toBe(21);
    // The running counts took each response once too.
    expect(await queryValue(server.db, 'SELECT sum(count) FROM response_counts')).toBe(21);
    expect(await queryValue(server.db, "SELECT sum(count) FROM answer_counts WHERE question_id = 'day' AND option_id = '*'")).toBe(21);
  });

  it('stores an id once even when it comes again with another date, and counts it once', async () => {
    const batch = Array.from({ length: 10 }, () => makeResponse({ date: '2026-10-05' }));
    await sync(syncBody(batch));
    const redated = batch.map((r) => ({ ...r, date: '2026-10-06' }));
    const again = await sync(syncBody([...redated, makeResponse({ date: '2026-10-06' })]));
    expect(again.statusCode).toBe(200);
    const statuses = again.json().results.map((r: { status: string }) => r.status);
    expect(statuses).toEqual([...Array(10).fill('duplicate'), 'accepted']);
    expect(await countResponses(server.db)).toBe(11);
    expect(await queryValue(server.db, "SELECT count(*) FROM responses WHERE date = '2026-10-05'")).toBe(10);
    expect(await queryValue(server.db, 'SELECT sum(count) FROM response_counts')).toBe(11);
    expect(await queryValue(server.db, "SELECT sum(count) FROM response_counts WHERE date = '2026-10-06'")).toBe(1);
  });

  it('stores an id once when one batch holds it twice with different dates', async () => {
    const response = makeResponse({ date: '2026-10-05' });
    const reply = await sync(syncBody([response, { ...response, date: '2026-10-07' }]));
    expect(reply.json().results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'duplicate']);
    expect(await countResponses(server.db)).toBe(1);
    expect(await queryValue(server.db, 'SELECT sum(count) FROM response_counts')).toBe(1);
  });

  it("gives the database's identity on every answer with a body, and a new one after it is renewed (as a restore does)", async () => {
    const id = await databaseId(server.db);
    const accepted = await sync(syncBody([makeResponse()]));
    expect(accepted.json().databaseId).toBe(id);
    const refused = await sync(syncBody([makeResponse({ answers: { day: '9' } })]));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().databaseId).toBe(id);
    const renewed = await renewDatabaseId(server.db);
    expect((await sync(syncBody([]))).json()).toEqual({ results: [], databaseId: renewed, keepSentDays: 14 });
  });

  it('tells kiosks how long to keep what was acknowledged, as KEEP_SENT_DAYS says', async () => {
    expect((await sync(syncBody([makeResponse()]))).json().keepSentDays).toBe(14);
    const off = await startTestServer({ keepSentDays: 0 });
    try {
      const kiosk = await enrollKiosk(off);
      const reply = await off.app.inject({ method: 'POST', url: '/api/kiosk/sync', headers: { authorization: `Bearer ${kiosk.token}` }, payload: syncBody([]) });
      expect(reply.json().keepSentDays).toBe(0);
    } finally {
      await off.close();
    }
  });

  it('knows a version published a moment ago by another server instance on the same database', async () => {
    // Another instance (or the command line) publishes version 2 after this one has started.
    const other = await anotherConnection(server.db);
    await ensureFormVersion(other, { ...defaultForm, version: 2 }, true);
    await other.close();
    const reply = await sync(syncBody([makeResponse({ formVersion: 2 })]));
    expect(reply.statusCode).toBe(200);
    expect(reply.json().results[0].status).toBe('accepted');
  });

  it('stores nothing from a batch with one invalid response and names it with a reason', async () => {
    const batch = [makeResponse(), makeResponse({ answers: { day: '9' } }), makeResponse()];
    const reply = await sync(syncBody(batch));
    expect(reply.statusCode).toBe(422);
    expect(reply.json()).toMatchObject({
      error: expect.stringContaining('nothing was stored'),
      rejected: [{ index: 1, id: batch[1]!.id, reason: expect.stringContaining('"9" is not an option'), kind: 'invalid' }],
    });
    expect(await countResponses(server.db)).toBe(0);
  });

  it("refuses a response dated more than a day after the server's Helsinki date as a clock problem", async () => {
    // 23:30 in Helsinki on 30 November: the server's date is still the 30th.
    const late = await startTestServer({ clock: () => new Date('2026-11-30T21:30:00Z') });
    try {
      const kiosk = await enrollKiosk(late);
      const send = (responses: unknown[]) =>
        late.app.inject({ method: 'POST', url: '/api/kiosk/sync', headers: { authorization: `Bearer ${kiosk.token}` }, payload: syncBody(responses) });
      const farAhead = makeResponse({ date: '2099-01-01' });
      const reply = await send([makeResponse({ date: '2026-12-01' }), makeResponse({ date: '2026-12-02' }), farAhead]);
      expect(reply.statusCode).toBe(422);
      expect(reply.json().rejected).toEqual([
        { index: 1, id: expect.any(String), reason: expect.stringContaining("the kiosk's clock was wrong"), kind: 'clock' },
        { index: 2, id: farAhead.id, reason: expect.stringContaining("dated 2099-01-01, but the server's date is 2026-11-30"), kind: 'clock' },
      ]);
      expect(await countResponses(late.db)).toBe(0);
      // Today and tomorrow (a kiosk's clock a little fast, or midnight between two clocks) are fine.
      expect((await send([makeResponse({ date: '2026-11-30' }), makeResponse({ date: '2026-12-01' })])).statusCode).toBe(200);
    } finally {
      await late.close();
    }
  });

  it('names a form version it does not know as something that can be put right, not as invalid', async () => {
    const reply = await sync(syncBody([makeResponse({ formVersion: 9 })]));
    expect(reply.statusCode).toBe(422);
    expect(reply.json().rejected).toEqual([{ index: 0, id: expect.any(String), reason: 'form todays-feedback version 9 is not known here', kind: 'unknown-version' }]);
  });

  it.skipIf(onPostgres)('answers 503 with Retry-After and stores nothing when the database is full, then stores the batch once there is room', async () => {
    // The file may not grow: as on a full disk.
    const pages = server.db.sqlite!.connection.pragma('page_count', { simple: true }) as number;
    server.db.sqlite!.connection.pragma(`max_page_count = ${pages}`);
    const batch = Array.from({ length: 200 }, () => makeResponse({ answers: { day: '4', 'anything-else': 'x'.repeat(400) } }));
    const full = await sync(syncBody(batch));
    expect(full.statusCode).toBe(503);
    expect(full.headers['retry-after']).toBe('60');
    expect(full.json().error).toMatch(/disk is full .* Nothing was stored/);
    expect(await countResponses(server.db)).toBe(0);
    expect(await queryValue(server.db, 'SELECT count(*) FROM response_counts')).toBe(0);
    server.db.sqlite!.connection.pragma('max_page_count = 1073741823');
    const again = await sync(syncBody(batch));
    expect(again.statusCode).toBe(200);
    expect(await countResponses(server.db)).toBe(200);
  });

  it('records the kiosk state and abandoned totals, a resent total counting once', async () => {
    await sync(syncBody([], { waiting: 12, appVersion: '1.2.3', abandoned: { '2026-11-23': 3 } }));
    await sync(syncBody([], { waiting: 0, appVersion: '1.2.3', abandoned: { '2026-11-23': 3 } }));
    await sync(syncBody([], { waiting: 0, appVersion: '1.2.4', abandoned: { '2026-11-23': 4 } }));
    const kiosk = (await queryRows(server.db, 'SELECT waiting_at_sync AS waiting, app_version AS version, last_sync_at AS at FROM kiosks'))[0];
    expect(kiosk).toMatchObject({ waiting: 0, version: '1.2.4', at: expect.any(String) });
    expect(await queryRows(server.db, 'SELECT date, count FROM abandoned_counts')).toEqual([{ date: '2026-11-23', count: 4 }]);
  });

  it('records as waiting what is left on the kiosk once the batch is stored, and its running totals made', async () => {
    const today = localDay(new Date()).date;
    await sync(syncBody([makeResponse({ date: today }), makeResponse({ date: today })], { waiting: 5, made: { [today]: 5 } }));
    expect(await queryValue(server.db, 'SELECT waiting_at_sync FROM kiosks')).toBe(3);
    expect(await madeReceivedBetween(server.db, today, today)).toEqual([{ kioskId: expect.any(String), date: today, made: 5, received: 2 }]);
  });

  it('refuses a revoked kiosk', async () => {
    const kioskId = ((await queryRows(server.db, 'SELECT id FROM kiosks'))[0] as { id: string }).id;
    await revokeKiosk(server.db, kioskId, new Date());
    const reply = await sync(syncBody([makeResponse()]));
    expect(reply.statusCode).toBe(401);
    expect(reply.json().error).toMatch(/not enrolled, or its enrollment was revoked/);
    expect(await countResponses(server.db)).toBe(0);
  });
});

describe('bad requests get a 4xx with a reason and change nothing', () => {
  const valid = () => makeResponse();
  const longText = 'x'.repeat(5000);
  const cases: [string, () => { payload?: unknown; raw?: string; auth?: string; type?: string }, number][] = [
    ['no token', () => ({ payload: syncBody([valid()]), auth: '' }), 401],
    ['an unknown token', () => ({ payload: syncBody([valid()]), auth: 'Bearer ' + 'A'.repeat(43) }), 401],
    ['a malformed authorization header', () => ({ payload: syncBody([valid()]), auth: 'Basic YWJjOmRlZg==' }), 401],
    ['a token that is too short', () => ({ payload: syncBody([valid()]), auth: 'Bearer abc' }), 401],
    ['invalid JSON', () => ({ raw: '{"appVersion": "1", "responses": [' }), 400],
    ['JSON that is not an object', () => ({ raw: '[1,2,3]' }), 400],
    ['an empty body', () => ({ raw: '' }), 400],
    ['a text body', () => ({ raw: 'hello', type: 'text/plain' }), 400],
    ['an XML body', () => ({ raw: '<sync/>', type: 'application/xml' }), 415],
    ['a missing appVersion', () => ({ payload: { waiting: 0, abandoned: {}, responses: [] } }), 400],
    ['a numeric appVersion', () => ({ payload: syncBody([], { appVersion: 5 }) }), 400],
    ['an overlong appVersion', () => ({ payload: syncBody([], { appVersion: 'v'.repeat(41) }) }), 400],
    ['a negative waiting count', () => ({ payload: syncBody([], { waiting: -1 }) }), 400],
    ['a fractional waiting count', () => ({ payload: syncBody([], { waiting: 1.5 }) }), 400],
    ['a waiting count as text', () => ({ payload: syncBody([], { waiting: '3' }) }), 400],
    ['abandoned as a list', () => ({ payload: syncBody([], { abandoned: [1] }) }), 400],
    ['abandoned with a bad date', () => ({ payload: syncBody([], { abandoned: { '2026-13-01': 1 } }) }), 400],
    ['abandoned with a negative count', () => ({ payload: syncBody([], { abandoned: { '2026-11-23': -2 } }) }), 400],
    ['responses as an object', () => ({ payload: syncBody([], { responses: { a: 1 } }) }), 400],
    ['an extra top-level field', () => ({ payload: syncBody([], { ip: '10.0.0.1' }) }), 400],
    ['501 responses', () => ({ payload: syncBody(Array.from({ length: 501 }, valid)) }), 400],
    ['a body over the size limit', () => ({ payload: syncBody([{ ...valid(), answers: { 'anything-else': 'y'.repeat(4 * 1024 * 1024) } }]) }), 413],
    ['a response that is a string', () => ({ payload: syncBody(['hello']) }), 422],
    ['a response that is null', () => ({ payload: syncBody([null]) }), 422],
    ['a non-UUID id', () => ({ payload: syncBody([{ ...valid(), id: '12345' }]) }), 422],
    ['a UUIDv7 id (it holds a time)', () => ({ payload: syncBody([{ ...valid(), id: '0190f4e2-7c1a-7b3e-8f00-000000000000' }]) }), 422],
    ['a missing id', () => { const { id: _id, ...rest } = valid(); return { payload: syncBody([rest]) }; }, 422],
    ['an unknown form', () => ({ payload: syncBody([{ ...valid(), formId: 'other-form' }]) }), 422],
    ['an unknown form version', () => ({ payload: syncBody([{ ...valid(), formVersion: 99 }]) }), 422],
    ['form version as text', () => ({ payload: syncBody([{ ...valid(), formVersion: '1' }]) }), 422],
    ['a language the form lacks', () => ({ payload: syncBody([{ ...valid(), language: 'de' }]) }), 422],
    ['a language that is not a code', () => ({ payload: syncBody([{ ...valid(), language: 'Finnish' }]) }), 422],
    ['a date that does not exist', () => ({ payload: syncBody([{ ...valid(), date: '2026-02-30' }]) }), 422],
    ['a date with a time', () => ({ payload: syncBody([{ ...valid(), date: '2026-11-23T10:12:00Z' }]) }), 422],
    ['a precise time of day', () => ({ payload: syncBody([{ ...valid(), partOfDay: '10:12' }]) }), 422],
    ['a submittedAt field', () => ({ payload: syncBody([{ ...valid(), submittedAt: '2026-11-23T10:12:00Z' }]) }), 422],
    ['a device id field', () => ({ payload: syncBody([{ ...valid(), deviceId: 'tablet-3' }]) }), 422],
    ['no answers', () => ({ payload: syncBody([{ ...valid(), answers: {} }]) }), 422],
    ['answers as a list', () => ({ payload: syncBody([{ ...valid(), answers: ['4'] }]) }), 422],
    ['an answer to an unknown question', () => ({ payload: syncBody([{ ...valid(), answers: { weather: 'sunny' } }]) }), 422],
    ['a face outside 1–5', () => ({ payload: syncBody([{ ...valid(), answers: { day: '6' } }]) }), 422],
    ['a number instead of an option id', () => ({ payload: syncBody([{ ...valid(), answers: { day: 4 } }]) }), 422],
    ['a list for a single choice', () => ({ payload: syncBody([{ ...valid(), answers: { day: ['4'] } }]) }), 422],
    ['text for a multiple choice', () => ({ payload: syncBody([{ ...valid(), answers: { needs: 'food' } }]) }), 422],
    ['an unknown option', () => ({ payload: syncBody([{ ...valid(), answers: { needs: ['yachts'] } }]) }), 422],
    ['a repeated option', () => ({ payload: syncBody([{ ...valid(), answers: { needs: ['food', 'food'] } }]) }), 422],
    ['"Nobody" with someone', () => ({ payload: syncBody([{ ...valid(), answers: { met: ['nobody', 'health-station'] } }]) }), 422],
    ['a follow-up its rule hides', () => ({ payload: syncBody([{ ...valid(), answers: { met: ['nobody'], 'got-help': 'yes' } }]) }), 422],
    ['a free text over its limit', () => ({ payload: syncBody([{ ...valid(), answers: { 'anything-else': 'z'.repeat(1001) } }]) }), 422],
    ['a huge string', () => ({ payload: syncBody([{ ...valid(), answers: { 'anything-else': longText } }]) }), 422],
    ['an empty free text', () => ({ payload: syncBody([{ ...valid(), answers: { 'anything-else': '   ' } }]) }), 422],
    ['one bad response among good ones', () => ({ payload: syncBody([valid(), { ...valid(), partOfDay: 'night' }, valid()]) }), 422],
  ];

  it('has at least 50 cases', () => expect(cases.length).toBeGreaterThanOrEqual(50));

  it.each(cases)('%s', async (_name, make, status) => {
    const { payload, raw, auth, type } = make();
    const headers: Record<string, string> = { 'content-type': type ?? 'application/json' };
    if (auth !== '') headers.authorization = auth ?? `Bearer ${token}`;
    const reply = await server.app.inject({
      method: 'POST',
      url: '/api/kiosk/sync',
      headers,
      payload: raw ?? JSON.stringify(payload),
    });
    expect(reply.statusCode).toBe(status);
    expect(reply.json().error, 'a message a person can act on').toMatch(/\w{3,}/);
    expect(await countResponses(server.db)).toBe(0);
    expect((await queryRows(server.db, 'SELECT count(*) AS n FROM abandoned_counts'))[0]).toEqual({ n: 0 });
    expect(await queryValue(server.db, 'SELECT count(*) FROM answer_counts')).toBe(0);
    expect((await queryRows(server.db, 'SELECT last_sync_at AS at FROM kiosks'))[0]).toEqual({ at: null });
  });
});
