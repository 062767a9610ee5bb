import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
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

  it('sends the brotli or gzip copy the build made to a browser that takes it, the original to one that does not', async () => {
    const script = 'console.log("the start screen");'.repeat(50);
    await server.close();
    server = await startTestServer({
      staticFiles: { 'assets/start-abc123.js': script, 'assets/start-abc123.js.br': brotliCompressSync(script), 'assets/start-abc123.js.gz': gzipSync(script) },
    });
    const fetch = (encoding?: string) =>
      server.app.inject({ method: 'GET', url: '/assets/start-abc123.js', headers: encoding ? { 'accept-encoding': encoding } : {} });

    const brotli = await fetch('gzip, deflate, br, zstd');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(script);
    const gzip = await fetch('gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(script);
    const plain = await fetch();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    for (const reply of [brotli, gzip, plain]) {
      expect(String(reply.headers.vary)).toMatch(/accept-encoding/i);
      expect(reply.headers['content-type']).toMatch(/javascript/);
      expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    // Each representation has its own ETag, so a cache never answers one with the other.
    expect(new Set([brotli, gzip, plain].map((reply) => reply.headers.etag)).size).toBe(3);
  });

  it('sends the pages precompressed too, still never cached without a check', async () => {
    await server.close();
    server = await startTestServer({ staticFiles: { 'index.html.br': brotliCompressSync('<!doctype html><title>kiosk</title>') } });
    for (const url of ['/', '/some/deep/link']) {
      const reply = await server.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
      expect(reply.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(reply.rawPayload).toString(), url).toContain('<title>kiosk</title>');
      expect(reply.headers['cache-control'], url).toBe('no-cache');
    }
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

  it('allows the page’s own inline stylesheet by its hash, and no other inline style', async () => {
    await server.close();
    const css = '.start{display:flex}';
    server = await startTestServer({ staticFiles: { 'index.html': `<!doctype html><style>${css}</style><title>kiosk</title>` } });
    const csp = String((await get('/')).headers['content-security-policy']);
    const styleSrc = /style-src ([^;]*)/.exec(csp)![1]!.split(' ');
    expect(styleSrc).toEqual(["'self'", `'sha256-${createHash('sha256').update(css).digest('base64')}'`]);
    expect(csp).not.toContain('unsafe-inline');
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
