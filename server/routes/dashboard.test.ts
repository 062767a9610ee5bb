import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeResponse, SAME_ORIGIN, startSignedInServer, syncFromKiosk, type TestServer } from '../test-support';

let server: TestServer;
let cookie: string;
beforeEach(async () => {
  ({ server, cookie } = await startSignedInServer());
  const responses = [
    makeResponse({ date: '2026-11-23', answers: { day: '5', met: ['health-station'], 'got-help': 'yes' } }),
    makeResponse({ date: '2026-11-23', answers: { day: '4' } }),
    makeResponse({ date: '2026-11-24', language: 'sv', answers: { day: '2', needs: ['food', 'housing'] } }),
  ];
  await syncFromKiosk(server, responses, { abandoned: { '2026-11-23': 2 } });
  await server.app.inject({
    method: 'PUT',
    url: '/api/coordinator/day-log/paivakeskus/2026-11-23',
    headers: { ...SAME_ORIGIN, cookie },
    payload: { date: '2026-11-23', mealsServed: 40, professionals: ['health-station'], note: '' },
  });
  await server.app.inject({
    method: 'PUT',
    url: '/api/coordinator/day-log/paivakeskus/2026-11-24',
    headers: { ...SAME_ORIGIN, cookie },
    payload: { date: '2026-11-24', mealsServed: 20, professionals: [], note: '' },
  });
});
afterEach(() => server.close());

const dashboard = (query: string, withCookie = true) =>
  server.app.inject({ method: 'GET', url: `/api/coordinator/dashboard?${query}`, headers: withCookie ? { cookie } : {} });

describe('GET /api/coordinator/dashboard', () => {
  it('counts what kiosks sent, against the day log, with the form versions for labels', async () => {
    const reply = await dashboard('form=todays-feedback&from=2026-11-23&to=2026-11-29');
    expect(reply.statusCode).toBe(200);
    const { dashboard: d, versions } = reply.json();
    expect(versions.map((v: { version: number }) => v.version)).toEqual([1]);
    expect(d).toMatchObject({ responses: 3, mealsServed: 60, responseRate: 3 / 60, abandoned: 2 });
    expect(d.days.slice(0, 2)).toEqual([
      { date: '2026-11-23', responses: 2, mealsServed: 40, abandoned: 2 },
      { date: '2026-11-24', responses: 1, mealsServed: 20, abandoned: 0 },
    ]);
    const faces = d.questions.find((q: { question: string }) => q.question === 'day');
    expect(faces.options.map((o: { count: number }) => o.count)).toEqual([0, 1, 0, 1, 1]);
    const health = d.byProfessional.find((p: { professional: string }) => p.professional === 'health-station');
    expect(health.present).toMatchObject({ days: 1, responses: 2 });
    expect(health.absent).toMatchObject({ days: 1, responses: 1 });
  });

  it('narrows to one language', async () => {
    const { dashboard: d } = (await dashboard('form=todays-feedback&from=2026-11-23&to=2026-11-29&language=sv')).json();
    expect(d.responses).toBe(1);
  });

  it('says nothing about free texts, not even for a single day of 3 responses, one language or one version', async () => {
    await syncFromKiosk(server, [
      makeResponse({ date: '2026-10-05', answers: { day: '4', 'anything-else': 'Kiitos kahvista' } }),
      makeResponse({ date: '2026-10-05', answers: { day: '3' } }),
      makeResponse({ date: '2026-10-05', answers: { day: '5' } }),
    ]);
    for (const query of ['', '&language=fi', '&version=1', '&language=fi&version=1']) {
      const reply = await dashboard(`form=todays-feedback&from=2026-10-05&to=2026-10-05${query}`);
      expect(reply.statusCode).toBe(200);
      const { dashboard: d } = reply.json();
      expect(d.responses).toBe(3);
      expect(JSON.stringify(d), query).not.toContain('anything-else');
    }
  });

  it.each([
    ['form=todays-feedback&from=2026-11-30&to=2026-11-01', 400],
    ['form=todays-feedback&from=2024-01-01&to=2026-11-01', 400],
    ['form=todays-feedback&from=2026-11-01', 400],
    ['form=nope&from=2026-11-01&to=2026-11-02', 404],
  ])('refuses %s with %i', async (query, status) => {
    const reply = await dashboard(query);
    expect(reply.statusCode).toBe(status);
    expect(reply.json().error).toMatch(/\w{3,}/);
  });

  it('answers 401 without a session', async () => {
    expect((await dashboard('form=todays-feedback&from=2026-11-23&to=2026-11-29', false)).statusCode).toBe(401);
    expect((await server.app.inject({ method: 'GET', url: '/api/coordinator/forms' })).statusCode).toBe(401);
  });

  it('lists the forms to choose from', async () => {
    const reply = await server.app.inject({ method: 'GET', url: '/api/coordinator/forms', headers: { cookie } });
    expect(reply.json().forms).toEqual([{ id: 'todays-feedback', title: expect.objectContaining({ fi: expect.any(String) }) }]);
  });
});
