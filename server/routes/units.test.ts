import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEntries } from '../db/audit-log';
import {
  addTestCoordinator,
  makeResponse,
  queryRows,
  SAME_ORIGIN,
  signIn,
  startSignedInServer,
  syncBody,
  TEST_UNIT,
  type TestServer,
} from '../test-support';

/** Two units, each with a kiosk: what lands where, which form each kiosk gets, and what an area administrator does. */
let server: TestServer;
let cookie: string;
let other = '';
beforeEach(async () => {
  ({ server, cookie } = await startSignedInServer());
  const added = await call('POST', '/api/coordinator/admin/units', { names: { fi: 'Kemin päiväkeskus', sv: 'Kemi dagcenter' } });
  expect(added.statusCode).toBe(201);
  other = added.json().id;
});
afterEach(() => server.close());

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, as = cookie) =>
  server.app.inject({ method, url, headers: { ...SAME_ORIGIN, cookie: as }, ...(payload ? { payload } : {}) });

async function kioskOf(unit: string) {
  const reply = await call('POST', '/api/coordinator/kiosks/pairing-codes', { name: `Aula ${unit}`, unit });
  expect(reply.statusCode).toBe(201);
  expect(reply.json().unit).toBe(unit);
  const enrolled = await server.app.inject({ method: 'POST', url: '/api/kiosk/enroll', payload: { pairingCode: reply.json().code } });
  const token = enrolled.json().token as string;
  return {
    sync: (responses: unknown[]) => server.app.inject({ method: 'POST', url: '/api/kiosk/sync', headers: { authorization: `Bearer ${token}` }, payload: syncBody(responses) }),
    form: () => server.app.inject({ method: 'GET', url: '/api/kiosk/form', headers: { authorization: `Bearer ${token}` } }),
  };
}

describe('units', () => {
  it('are added by an area administrator with an id from the name, and listed for those who have them', async () => {
    expect(other).toBe('kemin-paivakeskus');
    const again = await call('POST', '/api/coordinator/admin/units', { names: { fi: 'Kemin päiväkeskus' } });
    expect(again.json().id).toBe('kemin-paivakeskus-2');
    expect((await call('GET', '/api/coordinator/units')).json().units.map((u: { id: string }) => u.id)).toEqual(['kemin-paivakeskus', 'kemin-paivakeskus-2', TEST_UNIT]);
    await addTestCoordinator(server, 'kaisa', { role: 'coordinator', units: [other] });
    const hers = await call('GET', '/api/coordinator/units', undefined, await signIn(server, 'kaisa'));
    expect(hers.json()).toEqual({ units: [{ id: other, names: { fi: 'Kemin päiväkeskus', sv: 'Kemi dagcenter' } }] });
    expect((await auditEntries(server.db, 'all')).map((e) => [e.action, e.units])).toContainEqual(['unit-added', [other]]);
  });

  it('keep their own responses: the server stores each kiosk\u2019s responses in the kiosk\u2019s unit, which the kiosk never sends', async () => {
    const [here, there] = [await kioskOf(TEST_UNIT), await kioskOf(other)];
    expect((await here.sync([makeResponse(), makeResponse()])).statusCode).toBe(200);
    expect((await there.sync([makeResponse()])).statusCode).toBe(200);
    expect(await queryRows(server.db, 'SELECT unit_id, count(*) AS n FROM responses GROUP BY unit_id ORDER BY unit_id')).toEqual([
      { unit_id: other, n: 1 },
      { unit_id: TEST_UNIT, n: 2 },
    ]);
    // A response that names a unit is refused as it would be with any unknown field.
    expect((await there.sync([{ ...makeResponse(), unitId: TEST_UNIT }])).statusCode).toBe(422);
    const [date] = [makeResponse().date];
    const dashboard = await call('GET', `/api/coordinator/dashboard?form=todays-feedback&from=${date}&to=${date}&compare=units`);
    expect(dashboard.json().dashboard.responses).toBe(3);
    expect(dashboard.json().byUnit.map((u: { unit: string; dashboard: { responses: number } }) => [u.unit, u.dashboard.responses])).toEqual([
      [other, 1],
      [TEST_UNIT, 2],
    ]);
    const onlyThere = await call('GET', `/api/coordinator/dashboard?form=todays-feedback&from=${date}&to=${date}&units=${other}`);
    expect(onlyThere.json().dashboard.responses).toBe(1);
  });

  it('get the form published to them: a form of one unit\u2019s own reaches only that unit\u2019s kiosks', async () => {
    const [here, there] = [await kioskOf(TEST_UNIT), await kioskOf(other)];
    const made = await call('POST', '/api/coordinator/forms', { id: 'kemin-palaute', copyOf: 'todays-feedback' });
    expect(made.statusCode).toBe(201);
    const { definition, updatedAt } = made.json();
    definition.title.fi = 'Kemin palaute';
    expect((await call('PUT', '/api/coordinator/forms/kemin-palaute/draft', { definition, basedOn: updatedAt })).statusCode).toBe(200);
    // A new form goes to the units it is published to, and must be given some.
    expect((await call('POST', '/api/coordinator/forms/kemin-palaute/draft/publish')).statusCode).toBe(400);
    const published = await call('POST', '/api/coordinator/forms/kemin-palaute/draft/publish', { units: [other] });
    expect(published.json()).toEqual({ version: 1, units: [other] });
    expect((await there.form()).json()).toMatchObject({ id: 'kemin-palaute', version: 1, title: { fi: 'Kemin palaute' } });
    expect((await here.form()).json()).toMatchObject({ id: 'todays-feedback' });
    // The other unit's answers to it are accepted and counted in that unit.
    expect((await there.sync([makeResponse({ formId: 'kemin-palaute', formVersion: 1 })])).statusCode).toBe(200);
    // A unit coordinator of the first unit sees neither the form nor its draft.
    await addTestCoordinator(server, 'kaisa', { role: 'coordinator', units: [TEST_UNIT] });
    const kaisa = await signIn(server, 'kaisa');
    expect((await call('GET', '/api/coordinator/forms', undefined, kaisa)).json().forms.map((f: { id: string }) => f.id)).toEqual(['todays-feedback']);
    expect((await call('POST', '/api/coordinator/forms/kemin-palaute/draft', undefined, kaisa)).statusCode).toBe(404);
  });

  it('share the default form until one has its own: a unit coordinator may not change a form another unit uses', async () => {
    await addTestCoordinator(server, 'kaisa', { role: 'coordinator', units: [TEST_UNIT] });
    const kaisa = await signIn(server, 'kaisa');
    expect((await call('POST', '/api/coordinator/forms/todays-feedback/draft', undefined, kaisa)).statusCode).toBe(404);
    // Once the other unit has a form of its own, the default is the first unit's alone.
    expect((await call('POST', '/api/coordinator/forms', { id: 'kemin-palaute', copyOf: 'todays-feedback' })).statusCode).toBe(201);
    expect((await call('POST', '/api/coordinator/forms/kemin-palaute/draft/publish', { units: [other] })).statusCode).toBe(201);
    expect((await call('POST', '/api/coordinator/forms/todays-feedback/draft', undefined, kaisa)).statusCode).toBe(201);
  });

  it('keep their own day log, and the audit log shows a unit coordinator only their units\u2019 entries', async () => {
    const entry = { date: '2026-11-23', mealsServed: 40, professionals: ['health-station'], note: '' };
    expect((await call('PUT', `/api/coordinator/day-log/${other}/2026-11-23`, entry)).statusCode).toBe(200);
    expect((await call('PUT', `/api/coordinator/day-log/${TEST_UNIT}/2026-11-23`, { ...entry, mealsServed: 55 })).statusCode).toBe(200);
    const both = await call('GET', '/api/coordinator/day-log?from=2026-11-01&to=2026-11-30');
    expect(both.json().days.map((d: { unit: string; mealsServed: number }) => [d.unit, d.mealsServed])).toEqual([
      [other, 40],
      [TEST_UNIT, 55],
    ]);
    await addTestCoordinator(server, 'kaisa', { role: 'coordinator', units: [other] });
    const kaisa = await signIn(server, 'kaisa');
    const entries = (await call('GET', '/api/coordinator/audit-log', undefined, kaisa)).json().entries as { action: string; units: string[] }[];
    expect(entries.filter((e) => e.action === 'day-log-saved').map((e) => e.units)).toEqual([[other]]);
    expect(entries.every((e) => e.units.includes(other))).toBe(true);
    const all = (await call('GET', '/api/coordinator/audit-log')).json().entries as { action: string }[];
    expect(all.filter((e) => e.action === 'day-log-saved')).toHaveLength(2);
  });

  it('an area administrator adds coordinators with a role and units, and changes them; a viewer then reaches dashboards and summaries only', async () => {
    const added = await call('POST', '/api/coordinator/admin/coordinators', { username: 'veikko', role: 'viewer', units: [other], password: 'kahvia ja pullaa aamulla' });
    expect(added.statusCode).toBe(201);
    expect((await call('POST', '/api/coordinator/admin/coordinators', { username: 'veikko', role: 'viewer', units: [other], password: 'kahvia ja pullaa aamulla' })).statusCode).toBe(409);
    expect((await call('POST', '/api/coordinator/admin/coordinators', { username: 'ville', role: 'viewer', units: [], password: 'kahvia ja pullaa aamulla' })).statusCode).toBe(400);
    expect((await call('POST', '/api/coordinator/admin/coordinators', { username: 'ville', role: 'viewer', units: ['nowhere'], password: 'kahvia ja pullaa aamulla' })).statusCode).toBe(400);
    const veikko = await signIn(server, 'veikko');
    const range = 'form=todays-feedback&from=2026-11-01&to=2026-11-30';
    expect((await call('GET', `/api/coordinator/dashboard?${range}`, undefined, veikko)).statusCode).toBe(200);
    expect((await call('GET', `/api/coordinator/exports/summary.csv?${range}`, undefined, veikko)).statusCode).toBe(200);
    for (const url of [`/api/coordinator/free-texts?${range}`, `/api/coordinator/exports/responses.csv?${range}`, `/api/coordinator/exports/free-texts.csv?${range}`, '/api/coordinator/kiosks', '/api/coordinator/audit-log']) {
      expect((await call('GET', url, undefined, veikko)).statusCode, url).toBe(403);
    }
    // Made a unit coordinator, the same session reaches the free texts at once.
    expect((await call('PUT', '/api/coordinator/admin/coordinators/veikko', { role: 'coordinator', units: [other] })).statusCode).toBe(200);
    expect((await call('GET', `/api/coordinator/free-texts?${range}`, undefined, veikko)).statusCode).toBe(200);
    // An administrator cannot take the role from themselves.
    expect((await call('PUT', '/api/coordinator/admin/coordinators/aino', { role: 'viewer', units: [other] })).statusCode).toBe(400);
    expect((await call('GET', '/api/coordinator/admin/coordinators')).json().coordinators).toEqual([
      { username: 'aino', role: 'admin', units: [] },
      { username: 'veikko', role: 'coordinator', units: [other] },
    ]);
  });
});
