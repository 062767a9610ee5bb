import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAME_ORIGIN, startSignedInServer, type TestServer } from '../test-support';

let server: TestServer;
let cookie: string;
beforeEach(async () => {
  ({ server, cookie } = await startSignedInServer());
});
afterEach(() => server.close());

const links = '/api/coordinator/forms/todays-feedback/draft/preview-links';
const post = (url: string, headers: Record<string, string> = { ...SAME_ORIGIN, cookie }) => server.app.inject({ method: 'POST', url, headers });
const preview = (token: string) => server.app.inject({ method: 'GET', url: `/api/preview/${token}` });

describe('preview links', () => {
  it('open the draft without an account until revoked, and the token is stored and logged nowhere', async () => {
    expect((await post(links)).statusCode).toBe(404); // no draft yet
    await post('/api/coordinator/forms/todays-feedback/draft');
    const made = await post(links);
    expect(made.statusCode).toBe(201);
    const { token, path } = made.json();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(path).toBe(`/preview/${token}`);

    const opened = await preview(token);
    expect(opened.statusCode).toBe(200);
    expect(opened.headers['cache-control']).toBe('no-store');
    expect(opened.json()).toMatchObject({ definition: { id: 'todays-feedback' }, check: { canPublish: true } });

    const [link] = (await server.app.inject({ method: 'GET', url: links, headers: { cookie } })).json().links;
    expect(link).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{64}$/), revokedAt: null });
    expect(JSON.stringify(await server.db.q.selectFrom('preview_links').selectAll().execute())).not.toContain(token);
    // The page the link opens is the kiosk's, served for /preview/TOKEN: its log line too is bare.
    const page = await server.app.inject({ method: 'GET', url: path });
    expect(page.body).toContain('<title>kiosk</title>');
    expect(server.logs()).toContain('/preview/:token');
    expect(server.logs()).not.toContain(token);

    expect((await post(`${links}/${link.id}/revoke`)).statusCode).toBe(204);
    const revoked = await preview(token);
    expect(revoked.statusCode).toBe(404);
    expect(revoked.json()).toMatchObject({ reason: 'ended', error: expect.stringMatching(/revoked/) });
  });

  it('stop working when the draft is published', async () => {
    await post('/api/coordinator/forms/todays-feedback/draft');
    const { token } = (await post(links)).json();
    expect((await post('/api/coordinator/forms/todays-feedback/draft/publish')).statusCode).toBe(201);
    const ended = await preview(token);
    expect(ended.statusCode).toBe(404);
    expect(ended.json().reason).toBe('ended');
  });

  it('refuse a made-up or malformed token, and making one without a session or from another site', async () => {
    // A mistyped link is told apart from an ended one: "check the link, or ask for a new one".
    const unknown = await preview('A'.repeat(43));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ reason: 'unknown', error: expect.stringMatching(/check the link/) });
    expect((await preview('short')).statusCode).toBe(400);
    await post('/api/coordinator/forms/todays-feedback/draft');
    expect((await post(links, SAME_ORIGIN)).statusCode).toBe(401);
    expect((await post(links, { cookie, 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
  });
});
