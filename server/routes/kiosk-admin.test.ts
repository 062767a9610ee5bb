import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isQuiet } from '../../src/domain/kiosk-admin';
import { localDay } from '../../src/domain/local-day';
import { addDays } from '../../src/domain/periods';
import { auditEntries } from '../db/audit-log';
import { enrollKiosk, makeResponse, queryValue, SAME_ORIGIN, startSignedInServer, syncBody, type TestServer } from '../test-support';

let server: TestServer;
let cookie: string;
beforeEach(async () => {
  ({ server, cookie } = await startSignedInServer());
});
afterEach(() => server.close());

const post = (url: string, payload?: object, headers: Record<string, string> = { ...SAME_ORIGIN, cookie }) =>
  server.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
const kiosks = async () => (await server.app.inject({ method: 'GET', url: '/api/coordinator/kiosks', headers: { cookie } })).json().kiosks;

describe('kiosks in the coordinator\u2019s area', () => {
  it('makes a pairing code that enrolls a kiosk, shows its state at sync, and revokes it', async () => {
    const made = await post('/api/coordinator/kiosks/pairing-codes', { name: 'Aula' });
    expect(made.statusCode).toBe(201);
    const { code, expiresAt } = made.json();
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    const enrolled = await server.app.inject({ method: 'POST', url: '/api/kiosk/enroll', payload: { pairingCode: code } });
    expect(enrolled.statusCode).toBe(201);
    const { token, kioskId } = enrolled.json();
    const [fresh] = await kiosks();
    expect(fresh).toMatchObject({ id: kioskId, name: 'Aula', lastSyncAt: null, revokedAt: null });
    // Just enrolled: quiet only once a day has passed without a sync.
    expect(isQuiet(fresh, new Date())).toBe(false);
    expect(isQuiet(fresh, new Date(Date.now() + 25 * 3600_000))).toBe(true);

    await server.app.inject({ method: 'POST', url: '/api/kiosk/sync', headers: { authorization: `Bearer ${token}` }, payload: syncBody([], { waiting: 7, appVersion: '1.4.0' }) });
    const [synced] = await kiosks();
    expect(synced).toMatchObject({ waitingAtSync: 7, appVersion: '1.4.0', lastSyncAt: expect.any(String) });
    expect(isQuiet(synced, new Date())).toBe(false);

    expect((await post(`/api/coordinator/kiosks/${kioskId}/revoke`)).statusCode).toBe(204);
    const refused = await server.app.inject({ method: 'POST', url: '/api/kiosk/sync', headers: { authorization: `Bearer ${token}` }, payload: syncBody([]) });
    expect(refused.statusCode).toBe(401);
    expect((await kiosks())[0].revokedAt).toEqual(expect.any(String));
    expect((await auditEntries(server.db, 'all')).map((e) => `${e.action} ${e.detail}`).slice(0, 2)).toEqual([`kiosk-revoked ${kioskId}`, 'kiosk-paired Aula']);
  });

  it('shows per kiosk what it made, what the server received and what is missing, for the last seven days', async () => {
    const { token } = await enrollKiosk(server, 'Aula');
    await enrollKiosk(server, 'Ruokasali');
    const today = localDay(new Date()).date;
    const yesterday = addDays(today, -1);
    const sync = (responses: unknown[], made: Record<string, number>, waiting = 0) =>
      server.app.inject({ method: 'POST', url: '/api/kiosk/sync', headers: { authorization: `Bearer ${token}` }, payload: syncBody(responses, { made, waiting }) });
    const sent = [makeResponse({ date: yesterday }), makeResponse({ date: yesterday }), makeResponse({ date: today })];
    expect((await sync(sent, { [yesterday]: 3, [today]: 1 }, 3)).statusCode).toBe(200);
    // Sent again (its answer was lost): duplicates, not received twice; a total from an older report changes nothing.
    expect((await sync(sent, { [yesterday]: 2, [today]: 2 }, 4)).statusCode).toBe(200);
    const [aula, sali] = await kiosks();
    expect(aula.name).toBe('Aula');
    expect(aula.days).toHaveLength(7);
    expect(aula.days.slice(0, 3)).toEqual([
      { date: today, made: 2, received: 1, missing: 1 },
      { date: yesterday, made: 3, received: 2, missing: 1 },
      { date: addDays(today, -2), made: 0, received: 0, missing: 0 },
    ]);
    expect(aula.days.at(-1).date).toBe(addDays(today, -6));
    expect(sali.days.every((day: { made: number; received: number }) => day.made === 0 && day.received === 0)).toBe(true);
  });

  it('refuses without a session, from another site, an empty name, and an unknown kiosk', async () => {
    expect((await post('/api/coordinator/kiosks/pairing-codes', { name: 'Aula' }, SAME_ORIGIN)).statusCode).toBe(401);
    expect((await post('/api/coordinator/kiosks/pairing-codes', { name: 'Aula' }, { cookie, 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await post('/api/coordinator/kiosks/pairing-codes', { name: '   ' })).statusCode).toBe(400);
    expect((await post('/api/coordinator/kiosks/nope/revoke')).statusCode).toBe(404);
    expect((await server.app.inject({ method: 'GET', url: '/api/coordinator/kiosks' })).statusCode).toBe(401);
    expect(await queryValue(server.db, 'SELECT count(*) FROM pairing_codes')).toBe(0);
  });
});
