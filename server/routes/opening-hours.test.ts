import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_WEEK } from '../../src/domain/opening-hours';
import { addTestCoordinator, enrollKiosk, queryValue, SAME_ORIGIN, signIn, startTestServer, TEST_UNIT, type TestServer } from '../test-support';

let server: TestServer;
let cookie: string;
let token: string;
let kioskId: string;
beforeEach(async () => {
  server = await startTestServer();
  await addTestCoordinator(server, 'aino');
  cookie = await signIn(server, 'aino');
  ({ token, kioskId } = await enrollKiosk(server, 'Aula'));
});
afterEach(() => server.close());

const UNIT_HOURS = { week: DEFAULT_WEEK, exceptions: [{ date: '2026-12-24', periods: [], note: 'Jouluaatto' }] };
const KIOSK_HOURS = { week: { ...DEFAULT_WEEK, sat: [{ opens: '10:00', closes: '14:00' }] }, exceptions: [] };

const put = (url: string, hours: unknown) => server.app.inject({ method: 'PUT', url, headers: { ...SAME_ORIGIN, cookie }, payload: { hours } });
const kioskHours = async () => (await server.app.inject({ method: 'GET', url: '/api/kiosk/setup', headers: { authorization: `Bearer ${token}` } })).json().openingHours;

describe('opening hours', () => {
  it('a kiosk keeps its unit’s hours, its own instead when it has them, and none when both are cleared', async () => {
    expect(await kioskHours()).toBeNull();
    expect((await put(`/api/coordinator/opening-hours/units/${TEST_UNIT}`, UNIT_HOURS)).statusCode).toBe(204);
    expect(await kioskHours()).toEqual(UNIT_HOURS);
    expect((await put(`/api/coordinator/opening-hours/kiosks/${kioskId}`, KIOSK_HOURS)).statusCode).toBe(204);
    expect(await kioskHours()).toEqual(KIOSK_HOURS);
    await put(`/api/coordinator/opening-hours/kiosks/${kioskId}`, null);
    expect(await kioskHours()).toEqual(UNIT_HOURS);
    await put(`/api/coordinator/opening-hours/units/${TEST_UNIT}`, null);
    expect(await kioskHours()).toBeNull();
  });

  it('lists the unit’s and each kiosk’s hours', async () => {
    await put(`/api/coordinator/opening-hours/units/${TEST_UNIT}`, UNIT_HOURS);
    const list = (await server.app.inject({ method: 'GET', url: '/api/coordinator/opening-hours', headers: { cookie } })).json();
    expect(list).toEqual({ units: [{ unit: TEST_UNIT, hours: UNIT_HOURS }], kiosks: [{ id: kioskId, name: 'Aula', unit: TEST_UNIT, hours: null }] });
  });

  it('refuses hours that overlap or close before they open, and keeps what was set', async () => {
    await put(`/api/coordinator/opening-hours/units/${TEST_UNIT}`, UNIT_HOURS);
    const overlapping = { week: { ...DEFAULT_WEEK, mon: [{ opens: '09:00', closes: '12:00' }, { opens: '11:00', closes: '15:00' }] }, exceptions: [] };
    const reply = await put(`/api/coordinator/opening-hours/units/${TEST_UNIT}`, overlapping);
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error).toMatch(/week\.mon/);
    expect((await put(`/api/coordinator/opening-hours/units/${TEST_UNIT}`, { week: { ...DEFAULT_WEEK, tue: [{ opens: '15:00', closes: '09:00' }] }, exceptions: [] })).statusCode).toBe(400);
    expect(await kioskHours()).toEqual(UNIT_HOURS);
    expect(await queryValue(server.db, "SELECT count(*) FROM audit_log WHERE action = 'opening-hours-saved'")).toBe(1);
  });
});
