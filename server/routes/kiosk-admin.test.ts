import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isQuiet } from '../../src/domain/kiosk-admin';
import { auditEntries } from '../db/audit-log';
import { SAME_ORIGIN, startSignedInServer, syncBody, type TestServer } from '../test-support';

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
    expect(isQuiet(fresh, new Date())).toBe(true);

    await server.app.inject({ method: 'POST', url: '/api/kiosk/sync', headers: { authorization: `Bearer ${token}` }, payload: syncBody([], { waiting: 7, appVersion: '1.4.0' }) });
    const [synced] = await kiosks();
    expect(synced).toMatchObject({ waitingAtSync: 7, appVersion: '1.4.0', lastSyncAt: expect.any(String) });
    expect(isQuiet(synced, new Date())).toBe(false);

    expect((await post(`/api/coordinator/kiosks/${kioskId}/revoke`)).statusCode).toBe(204);
    const refused = await server.app.inject({ method: 'POST', url: '/api/kiosk/sync', headers: { authorization: `Bearer ${token}` }, payload: syncBody([]) });
    expect(refused.statusCode).toBe(401);
    expect((await kiosks())[0].revokedAt).toEqual(expect.any(String));
    expect(auditEntries(server.db).map((e) => `${e.action} ${e.detail}`).slice(0, 2)).toEqual([`kiosk-revoked ${kioskId}`, 'kiosk-paired Aula']);
  });

  it('refuses without a session, from another site, an empty name, and an unknown kiosk', async () => {
    expect((await post('/api/coordinator/kiosks/pairing-codes', { name: 'Aula' }, SAME_ORIGIN)).statusCode).toBe(401);
    expect((await post('/api/coordinator/kiosks/pairing-codes', { name: 'Aula' }, { cookie, 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await post('/api/coordinator/kiosks/pairing-codes', { name: '   ' })).statusCode).toBe(400);
    expect((await post('/api/coordinator/kiosks/nope/revoke')).statusCode).toBe(404);
    expect((await server.app.inject({ method: 'GET', url: '/api/coordinator/kiosks' })).statusCode).toBe(401);
    expect(server.db.prepare('SELECT count(*) FROM pairing_codes').pluck().get()).toBe(0);
  });
});
