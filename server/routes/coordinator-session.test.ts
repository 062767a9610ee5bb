import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEntries } from '../db/audit-log';
import { buildApp } from '../app';
import {
  addTestCoordinator,
  anotherConnection,
  COORDINATOR_PASSWORD,
  queryRows,
  SAME_ORIGIN,
  signIn,
  startTestServer,
  type TestServer,
} from '../test-support';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
  await addTestCoordinator(server);
});
afterEach(() => server.close());

const signInWith = (payload: object, headers: Record<string, string> = SAME_ORIGIN) =>
  server.app.inject({ method: 'POST', url: '/api/coordinator/session', headers, payload });
const who = (cookie?: string) =>
  server.app.inject({ method: 'GET', url: '/api/coordinator/session', headers: cookie ? { cookie } : {} });
const actions = async () => (await auditEntries(server.db, 'all')).map((e) => `${e.actor}:${e.action}`);

describe('signing in', () => {
  it('gives an HttpOnly, SameSite=Strict session cookie with an expiry, and knows who is signed in', async () => {
    const reply = await signInWith({ username: 'aino', password: COORDINATOR_PASSWORD });
    expect(reply.statusCode).toBe(200);
    const cookie = reply.cookies.find((c) => c.name === 'coordinator_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 12 * 3600 });
    expect(cookie.secure).toBeFalsy();
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await who(`coordinator_session=${cookie.value}`);
    expect(me.json()).toEqual({ username: 'aino', role: 'admin', units: [{ id: 'paivakeskus', names: { fi: 'Päiväkeskus' } }] });
    // Only a hash of the session id is stored.
    expect(JSON.stringify(await server.db.q.selectFrom('sessions').selectAll().execute())).not.toContain(cookie.value);
    expect(await actions()).toEqual(['aino:sign-in']);
  });

  it('marks the cookie Secure when the request came over HTTPS through a trusted proxy', async () => {
    const behindProxy = await startTestServer({ trustProxy: true });
    try {
      await addTestCoordinator(behindProxy);
      const reply = await behindProxy.app.inject({
        method: 'POST',
        url: '/api/coordinator/session',
        headers: { ...SAME_ORIGIN, 'x-forwarded-proto': 'https' },
        payload: { username: 'aino', password: COORDINATOR_PASSWORD },
      });
      expect(reply.cookies.find((c) => c.name === 'coordinator_session')?.secure).toBe(true);
    } finally {
      await behindProxy.close();
    }
  });

  it('refuses a wrong password and an unknown user alike, and audits both', async () => {
    const wrong = await signInWith({ username: 'aino', password: 'not the password' });
    const unknown = await signInWith({ username: 'nobody', password: COORDINATOR_PASSWORD });
    for (const reply of [wrong, unknown]) {
      expect(reply.statusCode).toBe(401);
      expect(reply.json().error).toBe('The username or the password is wrong.');
      expect(reply.cookies).toHaveLength(0);
    }
    expect(await actions()).toEqual(['unknown username:sign-in-failed', 'aino:sign-in-failed']);
  });

  it('refuses a username with a null character as wrong, never with a 500 (PostgreSQL cannot store one)', async () => {
    const reply = await signInWith({ username: 'aino\u0000', password: COORDINATOR_PASSWORD });
    expect([400, 401]).toContain(reply.statusCode);
    expect(reply.cookies).toHaveLength(0);
  });

  it('refuses malformed sign-in requests with a reason', async () => {
    for (const payload of [{}, { username: 'aino' }, { username: '', password: 'x' }, { username: 'aino', password: 'x', extra: 1 }]) {
      const reply = await signInWith(payload);
      expect(reply.statusCode).toBe(400);
      expect(reply.json().error).toMatch(/not valid/);
    }
  });

  it('limits attempts per username: the eleventh in 15 minutes is refused even with the right password', async () => {
    for (let i = 0; i < 10; i++) expect((await signInWith({ username: 'aino', password: `wrong ${i}` })).statusCode).toBe(401);
    const eleventh = await signInWith({ username: 'aino', password: COORDINATOR_PASSWORD });
    expect(eleventh.statusCode).toBe(429);
    expect(Number(eleventh.headers['retry-after'])).toBeGreaterThan(0);
    expect(eleventh.json().error).toMatch(/Too many sign-in attempts/);
  });

  it('holds the limit and the sessions across server instances on one database, and keeps no address or name in the counts', async () => {
    const other = await anotherConnection(server.db);
    const second = await buildApp(other, { staticDir: null, logLevel: 'silent' });
    try {
      const instances = [server.app, second];
      for (let i = 0; i < 10; i++) {
        const reply = await instances[i % 2]!.inject({ method: 'POST', url: '/api/coordinator/session', headers: SAME_ORIGIN, payload: { username: 'aino', password: `wrong ${i}` } });
        expect(reply.statusCode).toBe(401);
      }
      for (const instance of instances) {
        const refused = await instance.inject({ method: 'POST', url: '/api/coordinator/session', headers: SAME_ORIGIN, payload: { username: 'aino', password: COORDINATOR_PASSWORD } });
        expect(refused.statusCode).toBe(429);
      }
      const counts = JSON.stringify(await queryRows(server.db, 'SELECT * FROM rate_limits'));
      expect(counts).not.toMatch(/127\.0\.0\.1|aino/);

      // Another coordinator signs in on one instance and is known on the other.
      await addTestCoordinator(server, 'eero');
      const cookie = await signIn(server, 'eero');
      const me = await second.inject({ method: 'GET', url: '/api/coordinator/session', headers: { cookie } });
      expect(me.json()).toEqual({ username: 'eero', role: 'admin', units: [{ id: 'paivakeskus', names: { fi: 'Päiväkeskus' } }] });
    } finally {
      await second.close();
      await other.close();
    }
  });
});

describe('cross-site requests', () => {
  it.each([
    ['Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }],
    ['Sec-Fetch-Site same-site (another subdomain)', { 'sec-fetch-site': 'same-site', origin: 'http://other.localhost' }],
    ['an Origin of another site', { origin: 'https://evil.example', host: 'localhost:80' }],
    ['no Origin and no Sec-Fetch-Site', { host: 'localhost:80' }],
  ])('refuses sign-in with %s', async (_name, headers) => {
    const reply = await signInWith({ username: 'aino', password: COORDINATOR_PASSWORD }, headers);
    expect(reply.statusCode).toBe(403);
    expect(reply.cookies).toHaveLength(0);
    expect(await actions()).toEqual([]);
  });

  it('refuses a day-log change a signed-in coordinator\u2019s browser was made to send from another site', async () => {
    const cookie = await signIn(server);
    const reply = await server.app.inject({
      method: 'PUT',
      url: '/api/coordinator/day-log/paivakeskus/2026-11-23',
      headers: { cookie, 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
      payload: { date: '2026-11-23', mealsServed: 1, professionals: [], note: '' },
    });
    expect(reply.statusCode).toBe(403);
    expect(await server.db.q.selectFrom('day_log').selectAll().execute()).toEqual([]);
  });
});

describe('who is signed in', () => {
  it('is nobody without a session or with a forged or ended one, answered 200 so the page logs no error', async () => {
    for (const cookie of [undefined, 'coordinator_session=forged']) {
      const reply = await server.app.inject({ method: 'GET', url: '/api/coordinator/whoami', headers: cookie ? { cookie } : {} });
      expect(reply.statusCode).toBe(200);
      expect(reply.json()).toEqual({ username: null });
    }
  });

  it('is the coordinator whose session the cookie carries', async () => {
    const cookie = await signIn(server);
    const reply = await server.app.inject({ method: 'GET', url: '/api/coordinator/whoami', headers: { cookie } });
    expect(reply.json()).toEqual({ username: 'aino' });
  });
});

describe('without a session', () => {
  it.each([
    ['GET', '/api/coordinator/session'],
    ['DELETE', '/api/coordinator/session'],
    ['PUT', '/api/coordinator/password'],
    ['GET', '/api/coordinator/day-log?from=2026-11-01&to=2026-11-30'],
    ['PUT', '/api/coordinator/day-log/paivakeskus/2026-11-23'],
    ['GET', '/api/coordinator/audit-log'],
  ])('%s %s answers 401', async (method, url) => {
    const reply = await server.app.inject({ method: method as 'GET', url, headers: { ...SAME_ORIGIN, cookie: 'coordinator_session=forged' } });
    expect(reply.statusCode).toBe(401);
    expect(reply.json().error).toMatch(/not signed in/);
  });
});

describe('a session ends', () => {
  it('at sign-out: the cookie is cleared and no longer works', async () => {
    const cookie = await signIn(server);
    const out = await server.app.inject({ method: 'DELETE', url: '/api/coordinator/session', headers: { ...SAME_ORIGIN, cookie } });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'coordinator_session')?.value).toBe('');
    expect((await who(cookie)).statusCode).toBe(401);
    expect(await actions()).toEqual(['aino:sign-out', 'aino:sign-in']);
  });

  it('after an hour untouched, and after twelve hours however busy', async () => {
    const idle = await signIn(server);
    await server.db.q.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 61 * 60_000).toISOString() }).execute();
    expect((await who(idle)).statusCode).toBe(401);

    const old = await signIn(server);
    await server.db.q.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute();
    expect((await who(old)).statusCode).toBe(401);
    expect(await server.db.q.selectFrom('sessions').selectAll().execute()).toEqual([]);
  });
});

describe('changing one\u2019s own password', () => {
  const change = (cookie: string, payload: object) =>
    server.app.inject({ method: 'PUT', url: '/api/coordinator/password', headers: { ...SAME_ORIGIN, cookie }, payload });

  it('needs the current password and a good new one, then signs out the other sessions', async () => {
    const here = await signIn(server);
    const elsewhere = await signIn(server);
    expect((await change(here, { currentPassword: 'wrong', newPassword: 'hiljaa hyvä tulee 7' })).statusCode).toBe(400);
    const common = await change(here, { currentPassword: COORDINATOR_PASSWORD, newPassword: 'Salasana2026!' });
    expect(common.json().error).toMatch(/common passwords/);
    expect((await change(here, { currentPassword: COORDINATOR_PASSWORD, newPassword: 'short' })).json().error).toMatch(/at least 12/);

    expect((await change(here, { currentPassword: COORDINATOR_PASSWORD, newPassword: 'hiljaa hyvä tulee 7' })).statusCode).toBe(204);
    expect((await who(here)).statusCode).toBe(200);
    expect((await who(elsewhere)).statusCode).toBe(401);
    expect((await signInWith({ username: 'aino', password: COORDINATOR_PASSWORD })).statusCode).toBe(401);
    expect((await signInWith({ username: 'aino', password: 'hiljaa hyvä tulee 7' })).statusCode).toBe(200);
    expect(await actions()).toContain('aino:password-changed');
  });
});

describe('the day log', () => {
  it('saves a day, scrubbed, shows it in its range, and can be edited afterwards', async () => {
    const cookie = await signIn(server);
    const save = (payload: object, date = '2026-11-23') =>
      server.app.inject({ method: 'PUT', url: `/api/coordinator/day-log/paivakeskus/${date}`, headers: { ...SAME_ORIGIN, cookie }, payload });
    const saved = await save({ date: '2026-11-23', mealsServed: 48, professionals: ['shelter-home', 'health-station'], note: 'Call 040 123 4567' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ date: '2026-11-23', mealsServed: 48, professionals: ['health-station', 'shelter-home'], note: 'Call [PHONE REMOVED]' });
    await save({ date: '2026-11-23', mealsServed: 51, professionals: ['health-station'], note: '' });
    await save({ date: '2026-12-01', mealsServed: 40, professionals: [], note: '' }, '2026-12-01');

    const november = await server.app.inject({ method: 'GET', url: '/api/coordinator/day-log?from=2026-11-01&to=2026-11-30', headers: { cookie } });
    expect(november.json()).toEqual({ days: [{ unit: 'paivakeskus', date: '2026-11-23', mealsServed: 51, professionals: ['health-station'], note: '' }] });
    expect((await actions()).filter((a) => a.endsWith('day-log-saved'))).toHaveLength(3);
  });

  it('refuses a bad entry or range with a reason and stores nothing', async () => {
    const cookie = await signIn(server);
    const put = (url: string, payload: object) => server.app.inject({ method: 'PUT', url, headers: { ...SAME_ORIGIN, cookie }, payload });
    const entry = { date: '2026-11-23', mealsServed: 5, professionals: [], note: '' };
    for (const [url, payload] of [
      ['/api/coordinator/day-log/paivakeskus/2026-11-24', entry],
      ['/api/coordinator/day-log/paivakeskus/2026-11-23', { ...entry, mealsServed: -3 }],
      ['/api/coordinator/day-log/paivakeskus/2026-11-23', { ...entry, professionals: ['dentist'] }],
      ['/api/coordinator/day-log/paivakeskus/not-a-date', entry],
    ] as const) {
      const reply = await put(url, payload);
      expect(reply.statusCode).toBe(400);
      expect(reply.json().error).toMatch(/\w{3,}/);
    }
    const backwards = await server.app.inject({ method: 'GET', url: '/api/coordinator/day-log?from=2026-12-01&to=2026-11-01', headers: { cookie } });
    expect(backwards.statusCode).toBe(400);
    expect(await server.db.q.selectFrom('day_log').selectAll().execute()).toEqual([]);
  });
});

describe('the audit log', () => {
  it('shows coordinators who did what and when, newest first', async () => {
    await signInWith({ username: 'aino', password: 'wrong' });
    const cookie = await signIn(server);
    const reply = await server.app.inject({ method: 'GET', url: '/api/coordinator/audit-log', headers: { cookie } });
    expect(reply.statusCode).toBe(200);
    const entries = reply.json().entries as { actor: string; action: string; at: string }[];
    expect(entries.map((e) => `${e.actor}:${e.action}`)).toEqual(['aino:sign-in', 'aino:sign-in-failed']);
    expect(Date.parse(entries[0]!.at)).toBeGreaterThan(Date.now() - 60_000);
  });
});
