import { FIRST_UNIT_ID } from '../src/domain/units';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultForm } from '../src/domain/default-form';
import { outcomeOf, retryAfterMs } from '../src/sync/batch';
import { buildApp } from './app';
import { hashSecret, newDeviceToken } from './credentials';
import { countResponses } from './db/responses';
import { openDatabase, type Database } from './db/database';
import { ensureFormVersion } from './db/forms';
import { addPairingCode, enrollWithPairingCode } from './db/kiosks';
import { pressureLimits, processPressureLimits, type PressureLimits } from './load-shedding';
import { makeResponse, syncBody } from './test-support';

const MB = 1024 * 1024;

describe('pressureLimits', () => {
  it('sheds at 90% of the heap V8 may use, and at that heap plus room for SQLite and buffers', () => {
    // What V8 reports for --max-old-space-size=160.
    const limits = pressureLimits(208 * MB, null);
    expect(limits.maxHeapUsedBytes).toBe(Math.floor(208 * MB * 0.9));
    expect(limits.maxRssBytes).toBe(400 * MB);
    expect(limits.maxEventLoopDelayMs).toBe(1000);
    expect(limits.retryAfterS).toBeGreaterThan(0);
  });

  it('keeps under a smaller memory limit the system sets', () => {
    expect(pressureLimits(208 * MB, 256 * MB).maxRssBytes).toBe(Math.floor(256 * MB * 0.9));
    expect(pressureLimits(208 * MB, 4096 * MB).maxRssBytes).toBe(400 * MB);
  });

  it("are this process's own by default, with room above what a test process uses now", () => {
    const limits = processPressureLimits();
    expect(limits.maxHeapUsedBytes).toBeGreaterThan(process.memoryUsage().heapUsed);
    expect(limits.maxRssBytes).toBeGreaterThan(0);
  });
});

describe('shedding load', () => {
  let app: FastifyInstance;
  let db: Database;
  let dir: string;
  afterEach(async () => {
    await app.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** An app that is under pressure from the first measurement on: any heap is over 1 byte. */
  async function startUnderPressure(): Promise<{ token: string }> {
    dir = mkdtempSync(join(tmpdir(), 'feedback-pressure-'));
    db = openDatabase(join(dir, 'data'));
    await ensureFormVersion(db, defaultForm, true);
    // Enrolled straight in the database: under pressure the enrollment request would be shed too.
    const token = newDeviceToken();
    await addPairingCode(db, hashSecret('CODE'), 'Aula', FIRST_UNIT_ID, new Date(Date.now() + 60_000));
    await enrollWithPairingCode(db, { codeHash: hashSecret('CODE'), kioskId: randomUUID(), tokenHash: hashSecret(token), now: new Date() });
    const pressure: PressureLimits = { maxEventLoopDelayMs: 60_000, maxHeapUsedBytes: 1, maxRssBytes: 64 * 1024 * MB, sampleIntervalMs: 10, retryAfterS: 7 };
    app = await buildApp(db, { staticDir: null, logLevel: 'silent', pressure });
    await app.ready();
    const deadline = Date.now() + 5000;
    while (!app.isUnderPressure() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(app.isUnderPressure()).toBe(true);
    return { token };
  }

  it('answers a kiosk 503 with Retry-After and a JSON error, stores nothing, and the kiosk waits as asked', async () => {
    const { token } = await startUnderPressure();
    const reply = await app.inject({ method: 'POST', url: '/api/kiosk/sync', headers: { authorization: `Bearer ${token}` }, payload: syncBody([makeResponse()]) });
    expect(reply.statusCode).toBe(503);
    expect(reply.headers['retry-after']).toBe('7');
    expect(reply.json()).toEqual({ error: expect.stringMatching(/too busy.*Nothing was stored/) });
    expect(await countResponses(db)).toBe(0);
    // What the kiosk makes of it: the server cannot take anything now; keep it all, come back after 7 s.
    const wait = retryAfterMs(String(reply.headers['retry-after']), new Date());
    expect(outcomeOf([makeResponse()], reply.statusCode, reply.json(), wait)).toEqual({
      kind: 'retry',
      message: 'The server cannot be reached (503).',
      unreachable: true,
      retryAfterMs: 7000,
    });
  });

  it('still answers the liveness check and the metrics, which count what was shed', async () => {
    await startUnderPressure();
    expect((await app.inject({ method: 'GET', url: '/api/kiosk/form' })).statusCode).toBe(503);
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ alive: true });
    const metrics = await app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toContain('feedback_http_requests_total{method="GET",route="/api/kiosk/form",status_code="503"} 1');
  });

  it('over real HTTP, a kiosk still uploading a large batch gets the 503 whole, not a reset', async () => {
    const { token } = await startUnderPressure();
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const batch = Array.from({ length: 500 }, () => makeResponse({ answers: { day: '4', 'anything-else': 'x'.repeat(900) } }));
    const response = await fetch(`${url}/api/kiosk/sync`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(syncBody(batch)),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await response.json()).toEqual({ error: expect.any(String) });
    expect(await countResponses(db)).toBe(0);
  });
});
