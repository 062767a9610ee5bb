import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const get = (url: string) => server.app.inject({ method: 'GET', url });

describe('static files', () => {
  it('never lets the HTTP cache keep the page or the service worker', async () => {
    for (const url of ['/', '/index.html', '/sw.js', '/some/deep/link']) {
      const reply = await get(url);
      expect(reply.statusCode, url).toBe(200);
      expect(reply.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('serves the coordinator’s page under /coordinator and the kiosk everywhere else', async () => {
    for (const url of ['/coordinator', '/coordinator/day-log', '/coordinator?x=1']) {
      const reply = await get(url);
      expect(reply.body, url).toContain('<title>coordinator</title>');
      expect(reply.headers['cache-control'], url).toBe('no-cache');
    }
    for (const url of ['/coordinators', '/day-log', '/']) expect((await get(url)).body, url).toContain('<title>kiosk</title>');
  });

  it('keeps hashed assets for a year', async () => {
    const reply = await get('/assets/index-abc123.js');
    expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends a strict content security policy with no inline script', async () => {
    const csp = String((await get('/')).headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const reply = await get('/api/nothing');
    expect(reply.statusCode).toBe(404);
    expect(reply.json().error).toMatch(/There is no GET \/api\/nothing here/);
  });
});

describe('logs', () => {
  it('hold no IP address, user agent or body of kiosk requests', async () => {
    await server.app.inject({
      method: 'POST',
      url: '/api/kiosk/sync',
      remoteAddress: '203.0.113.77',
      headers: { 'user-agent': 'Mozilla/5.0 (Linux; Android 14; Tab S9) KioskTablet/7', authorization: 'Bearer nope-nope-nope-nope-nope' },
      payload: { responses: [{ answers: { 'anything-else': 'secret words' } }] },
    });
    const logs = server.logs();
    expect(logs).toContain('"route":"/api/kiosk/sync"');
    expect(logs).not.toContain('203.0.113.77');
    expect(logs).not.toMatch(/Mozilla|Android|KioskTablet/);
    expect(logs).not.toContain('secret words');
    expect(logs).not.toMatch(/remoteAddress|user-agent|userAgent/i);
  });
});
