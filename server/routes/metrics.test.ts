import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultForm } from '../../src/domain/default-form';
import type { FeedbackResponse } from '../../src/domain/response';
import { buildApp, type AppOptions } from '../app';
import { openDatabase } from '../db/database';
import { ensureFormVersion } from '../db/forms';
import { createAppMetrics } from '../metrics/app-metrics';
import { addTestCoordinator, enrollKiosk, makeResponse, SAME_ORIGIN, signIn, syncBody, type TestServer } from '../test-support';

const TOKEN = 'metrics-token-for-the-test-0123456789';
const servers: TestServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/** A real app on a real SQLite file in a fresh temp folder, with the metrics options a test gives. */
async function start(options: Partial<AppOptions> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'feedback-metrics-'));
  const db = openDatabase(join(dir, 'data'));
  await ensureFormVersion(db, defaultForm, true);
  const app = await buildApp(db, { staticDir: null, logLevel: 'silent', ...options });
  const server: TestServer = {
    app,
    db,
    dir,
    logs: () => '',
    close: async () => {
      await app.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  servers.push(server);
  return server;
}

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a Prometheus text exposition. */
function samples(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`Not a sample: ${line}`);
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
      return { name: match[1]!, labels, value: match[3] === '+Inf' ? Infinity : Number(match[3]) };
    });
}

async function scrape(server: TestServer): Promise<{ text: string; value: (name: string, labels?: Record<string, string>) => number | undefined }> {
  const reply = await server.app.inject({ method: 'GET', url: '/metrics' });
  expect(reply.statusCode, reply.body).toBe(200);
  const all = samples(reply.body);
  return {
    text: reply.body,
    value: (name, labels = {}) =>
      all.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v) && Object.keys(s.labels).length === Object.keys(labels).length)?.value,
  };
}

const sync = (server: TestServer, token: string, responses: unknown[]) =>
  server.app.inject({ method: 'POST', url: '/api/kiosk/sync', headers: { authorization: `Bearer ${token}` }, payload: syncBody(responses) });

describe('GET /metrics: who may read it', () => {
  it('answers this machine with the Prometheus text format, event-loop lag included', async () => {
    const server = await start();
    const reply = await server.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '::1' });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(reply.body).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
    expect(reply.body).toContain('# TYPE feedback_http_requests_total counter');
  });

  it('refuses another machine, and a request a proxy on this machine passed on, with no figures', async () => {
    const server = await start({ trustProxy: true });
    for (const request of [
      { remoteAddress: '10.1.2.3', headers: {} },
      { remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '127.0.0.1' } },
      { remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '10.1.2.3' } },
      { remoteAddress: '10.1.2.3', headers: { authorization: `Bearer ${TOKEN}` } },
    ]) {
      const reply = await server.app.inject({ method: 'GET', url: '/metrics', ...request });
      expect(reply.statusCode).toBe(403);
      expect(reply.json()).toEqual({ error: expect.stringMatching(/only to the server machine itself/) });
      expect(reply.body).not.toContain('feedback_');
    }
  });

  it('answers anyone with METRICS_TOKEN, and nobody with another token', async () => {
    const server = await start({ metricsToken: TOKEN });
    const asRemote = (authorization: string) => server.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.1.2.3', headers: { authorization } });
    expect((await asRemote(`Bearer ${TOKEN}`)).statusCode).toBe(200);
    expect((await asRemote(`Bearer ${TOKEN.slice(0, -1)}`)).statusCode).toBe(403);
    expect((await asRemote(`Basic ${TOKEN}`)).statusCode).toBe(403);
  });

  it('over real HTTP: the connection from this machine is let in, the same connection passed on by a trusted proxy is not', async () => {
    const server = await start({ trustProxy: true });
    const url = await server.app.listen({ port: 0, host: '127.0.0.1' });
    expect((await fetch(`${url}/metrics`)).status).toBe(200);
    const proxied = await fetch(`${url}/metrics`, { headers: { 'x-forwarded-for': '127.0.0.1', 'x-forwarded-proto': 'https' } });
    expect(proxied.status).toBe(403);
  });
});

describe('GET /metrics: what it says', () => {
  it('counts sync batches and their responses by outcome', async () => {
    const server = await start();
    const { token } = await enrollKiosk(server);
    const first = [makeResponse(), makeResponse(), makeResponse()];
    expect((await sync(server, token, first)).statusCode).toBe(200);
    expect((await sync(server, token, [first[0], makeResponse()])).statusCode).toBe(200);
    const tooLate = makeResponse({ date: '2999-01-01' });
    const broken = { ...makeResponse(), answers: { day: 'not-a-face' } };
    expect((await sync(server, token, [makeResponse(), tooLate, broken, makeResponse()])).statusCode).toBe(422);
    // The database cannot store anything: the kiosk hears 503 and keeps its responses.
    server.db.sqlite!.connection.pragma('query_only = ON');
    expect((await sync(server, token, [makeResponse(), makeResponse()])).statusCode).toBe(503);
    server.db.sqlite!.connection.pragma('query_only = OFF');

    const { value } = await scrape(server);
    expect(value('feedback_sync_batches_total', { outcome: 'stored' })).toBe(2);
    expect(value('feedback_sync_batches_total', { outcome: 'rejected' })).toBe(1);
    expect(value('feedback_sync_batches_total', { outcome: 'unavailable' })).toBe(1);
    expect(value('feedback_sync_batches_total', { outcome: 'failed' })).toBe(0);
    expect(value('feedback_sync_responses_total', { outcome: 'accepted' })).toBe(4);
    expect(value('feedback_sync_responses_total', { outcome: 'duplicate' })).toBe(1);
    expect(value('feedback_sync_responses_total', { outcome: 'rejected_clock' })).toBe(1);
    expect(value('feedback_sync_responses_total', { outcome: 'rejected_invalid' })).toBe(1);
    expect(value('feedback_sync_responses_total', { outcome: 'rejected_unknown_version' })).toBe(0);
    expect(value('feedback_sync_responses_total', { outcome: 'not_stored' })).toBe(2);
    expect(value('feedback_sync_responses_total', { outcome: 'unavailable' })).toBe(2);
    expect(value('feedback_http_requests_total', { method: 'POST', route: '/api/kiosk/sync', status_code: '200' })).toBe(2);
    expect(value('feedback_http_requests_total', { method: 'POST', route: '/api/kiosk/sync', status_code: '503' })).toBe(1);
  });

  it('labels requests by route pattern, never by a path with a token in it, and counts neither comments nor scrapes', async () => {
    const server = await start();
    await addTestCoordinator(server);
    const cookie = await signIn(server);
    const draft = '/api/coordinator/forms/todays-feedback/draft';
    await server.app.inject({ method: 'POST', url: draft, headers: { ...SAME_ORIGIN, cookie } });
    const previewToken = (await server.app.inject({ method: 'POST', url: `${draft}/preview-links`, headers: { ...SAME_ORIGIN, cookie } })).json().token as string;
    expect((await server.app.inject({ method: 'GET', url: `/api/preview/${previewToken}` })).statusCode).toBe(200);
    await server.app.inject({ method: 'GET', url: `/preview/${previewToken}` });
    const comment = { id: randomUUID(), question: 'day', language: 'fi', text: 'Selkeä kysymys.' };
    expect((await server.app.inject({ method: 'POST', url: `/api/preview/${previewToken}/comments`, payload: { comments: [comment] } })).statusCode).toBe(200);
    await scrape(server);

    const { text, value } = await scrape(server);
    expect(text).not.toContain(previewToken);
    expect(value('feedback_http_requests_total', { method: 'GET', route: '/api/preview/:token', status_code: '200' })).toBe(1);
    expect(value('feedback_http_requests_total', { method: 'GET', route: 'other', status_code: '404' })).toBe(1);
    // Sent the moment a reviewer writes it: its time is not kept, not even as a count.
    expect(text).not.toContain('/comments');
    expect(text).not.toContain('route="/metrics"');
  });

  it('counts kiosks in use by the time since their last sync, on the app clock', async () => {
    let now = new Date('2026-11-23T10:00:00Z');
    const server = await start({ clock: () => now });
    const synced = await enrollKiosk(server, 'Aula');
    await enrollKiosk(server, 'Never synced');
    const revoked = await enrollKiosk(server, 'Gone');
    expect((await sync(server, synced.token, [makeResponse()])).statusCode).toBe(200);
    expect((await sync(server, revoked.token, [makeResponse()])).statusCode).toBe(200);
    server.db.sqlite!.connection.prepare('UPDATE kiosks SET revoked_at = ? WHERE id = ?').run(now.toISOString(), revoked.kioskId);

    let { value } = await scrape(server);
    expect(value('feedback_kiosks', { last_contact: 'under_1h' })).toBe(1);
    expect(value('feedback_kiosks', { last_contact: 'never' })).toBe(1);
    expect(value('feedback_kiosks', { last_contact: 'older' })).toBe(0);

    now = new Date('2026-11-25T10:00:00Z');
    ({ value } = await scrape(server));
    expect(value('feedback_kiosks', { last_contact: 'under_1h' })).toBe(0);
    expect(value('feedback_kiosks', { last_contact: 'under_7d' })).toBe(1);
  });

  it('gives the database size and the age of the last backup, +Inf when there is none', async () => {
    const now = new Date('2026-11-23T10:00:00Z');
    let lastBackup: Date | null = new Date('2026-11-23T07:00:00Z');
    const server = await start({ clock: () => now, lastBackupAt: () => lastBackup });
    const before = await scrape(server);
    expect(before.value('feedback_database_size_bytes')).toBeGreaterThan(4096);
    expect(before.value('feedback_last_backup_age_seconds')).toBe(3 * 3600);
    lastBackup = null;
    const none = await scrape(server);
    expect(none.value('feedback_last_backup_age_seconds')).toBe(Infinity);
    expect(none.text).toContain('feedback_last_backup_age_seconds +Inf');

    const withoutBackups = await start();
    expect((await scrape(withoutBackups)).text).not.toContain('feedback_last_backup_age_seconds');
  });

  it('gives no database size on PostgreSQL, whose files are the database server\u2019s, rather than a 0', async () => {
    const server = await start();
    const metrics = createAppMetrics({ db: { ...server.db, dialect: 'postgres', sqlite: null }, clock: () => new Date() });
    const text = await metrics.registry.metrics();
    expect(text).toContain('# TYPE feedback_database_size_bytes gauge');
    expect(samples(text).filter((s) => s.name === 'feedback_database_size_bytes')).toEqual([]);
  });

  it('says nothing of when anyone answered: the same batches with other dates and parts of day give the same figures', async () => {
    const figures = async (dated: (response: FeedbackResponse, i: number) => FeedbackResponse) => {
      const server = await start({ clock: () => new Date('2026-11-23T10:00:00Z') });
      const { token } = await enrollKiosk(server);
      const batch = Array.from({ length: 6 }, (_, i) => dated(makeResponse({ answers: { day: String((i % 5) + 1) } }), i));
      expect((await sync(server, token, batch)).statusCode).toBe(200);
      const { text } = await scrape(server);
      // Timings and the file size vary run to run whatever was sent.
      return samples(text).filter((s) => s.name.startsWith('feedback_') && !/duration|size_bytes/.test(s.name));
    };
    const morning = await figures((r) => ({ ...r, date: '2026-11-23', partOfDay: 'morning' }));
    const spread = await figures((r, i) => ({ ...r, date: `2026-11-${String(10 + i).padStart(2, '0')}`, partOfDay: i % 2 ? 'afternoon' : 'morning' }));
    expect(spread).toEqual(morning);
  });
});
