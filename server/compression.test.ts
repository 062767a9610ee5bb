import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrollKiosk, makeResponse, startSignedInServer, syncBody, syncFromKiosk, type TestServer } from './test-support';

let server: TestServer;
let cookie: string;
beforeEach(async () => {
  ({ server, cookie } = await startSignedInServer());
  // Enough responses for answers of some size.
  await syncFromKiosk(server, Array.from({ length: 60 }, (_, i) => makeResponse({ date: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}` })));
});
afterEach(() => server.close());

const get = (url: string, encoding: string | null, headers: Record<string, string> = { cookie }) =>
  server.app.inject({ method: 'GET', url, headers: { ...headers, ...(encoding ? { 'accept-encoding': encoding } : {}) } });

describe('compressed answers', () => {
  it('a CSV download goes as brotli or gzip, as the browser takes it, and reads back the same', async () => {
    const url = '/api/coordinator/exports/responses.csv?form=todays-feedback&from=2026-11-01&to=2026-11-30';
    const plain = await get(url, null);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);

    const brotli = await get(url, 'gzip, deflate, br');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.rawPayload)).toEqual(plain.rawPayload);
    expect(brotli.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);

    const gzip = await get(url, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload)).toEqual(plain.rawPayload);
    for (const reply of [plain, brotli, gzip]) expect(String(reply.headers.vary)).toMatch(/accept-encoding/i);
  });

  it("the dashboard's JSON and the kiosk's form go compressed", async () => {
    const dashboard = await get('/api/coordinator/dashboard?form=todays-feedback&from=2026-11-01&to=2026-11-30', 'br');
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(dashboard.rawPayload).toString())).toHaveProperty('dashboard');

    const { token } = await enrollKiosk(server);
    const form = await get('/api/kiosk/form', 'gzip, br', { authorization: `Bearer ${token}` });
    expect(form.statusCode).toBe(200);
    expect(form.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(form.rawPayload).toString())).toHaveProperty('questions');
  });

  it('leaves every other answer as it is: a sync answer, the session, the pairing code that carries a secret', async () => {
    const { token } = await enrollKiosk(server);
    const sync = await server.app.inject({
      method: 'POST',
      url: '/api/kiosk/sync',
      headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'br' },
      payload: syncBody(Array.from({ length: 40 }, () => makeResponse())),
    });
    expect(sync.statusCode).toBe(200);
    expect(sync.rawPayload.length).toBeGreaterThan(1024);
    expect(sync.headers['content-encoding']).toBeUndefined();
    expect((await get('/api/coordinator/session', 'br')).headers['content-encoding']).toBeUndefined();
  });
});
