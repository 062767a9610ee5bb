import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { defaultForm } from '../src/domain/default-form';
import { sampleResponse } from '../src/domain/sample-response';
import type { FeedbackResponse } from '../src/domain/response';
import { buildApp } from './app';
import { hashSecret, newPairingCode, normalisePairingCode } from './credentials';
import { openDatabase, type Database } from './db/database';
import { ensureFormVersion } from './db/forms';
import { addPairingCode } from './db/kiosks';
import { addCoordinator } from './db/coordinators';
import { hashPassword } from './passwords';

export interface TestServer {
  app: FastifyInstance;
  db: Database;
  dir: string;
  logs: () => string;
  close: () => Promise<void>;
}

/** A real app on a real SQLite file in a fresh temp folder, with a tiny built app to serve. */
export interface TestServerOptions {
  trustProxy?: boolean;
  clock?: () => Date;
  keepSentDays?: number;
  /** When the last backup was made; left out, the server makes no backups to look at. */
  lastBackupAt?: () => Date | null;
  minFreeDiskBytes?: number;
  /** More files of the built app (path under it: content), there before the server starts, as a build's are. */
  staticFiles?: Record<string, string | Buffer>;
}

export async function startTestServer({ trustProxy = false, clock, keepSentDays, lastBackupAt, minFreeDiskBytes, staticFiles = {} }: TestServerOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'feedback-server-'));
  const staticDir = join(dir, 'dist');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(join(staticDir, 'coordinator.html'), '<!doctype html><title>coordinator</title>');
  writeFileSync(join(staticDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(staticDir, 'assets', 'index-abc123.js'), 'console.log(1);');
  for (const [path, content] of Object.entries(staticFiles)) writeFileSync(join(staticDir, path), content);
  const db = openDatabase(join(dir, 'data'));
  ensureFormVersion(db, defaultForm, true);
  let logged = '';
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logged += String(chunk);
      done();
    },
  });
  const app = await buildApp(db, {
    staticDir,
    logStream,
    logLevel: 'info',
    trustProxy,
    ...(clock ? { clock } : {}),
    ...(keepSentDays !== undefined ? { keepSentDays } : {}),
    ...(lastBackupAt ? { lastBackupAt } : {}),
    ...(minFreeDiskBytes !== undefined ? { minFreeDiskBytes } : {}),
  });
  return {
    app,
    db,
    dir,
    logs: () => logged,
    close: async () => {
      await app.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function enrollKiosk(server: TestServer, name = 'Test kiosk'): Promise<{ token: string; kioskId: string }> {
  const code = newPairingCode();
  addPairingCode(server.db, hashSecret(normalisePairingCode(code)), name, new Date(Date.now() + 60_000));
  const reply = await server.app.inject({ method: 'POST', url: '/api/kiosk/enroll', payload: { pairingCode: code } });
  if (reply.statusCode !== 201) throw new Error(`Enrollment failed: ${reply.body}`);
  return reply.json();
}

export function makeResponse(overrides: Partial<FeedbackResponse> = {}): FeedbackResponse {
  return sampleResponse({ answers: { day: '4', needs: ['food'] }, ...overrides });
}

export function syncBody(responses: unknown[], extra: Record<string, unknown> = {}) {
  return { appVersion: '0.1.0', waiting: responses.length, abandoned: {}, responses, ...extra };
}

export const COORDINATOR_PASSWORD = 'kahvia ja pullaa aamulla';

/** Adds a coordinator straight in the database, as the command line does. */
export async function addTestCoordinator(server: TestServer, username = 'aino'): Promise<void> {
  addCoordinator(server.db, username, await hashPassword(COORDINATOR_PASSWORD), new Date());
}

/** The headers a browser sends with a same-origin fetch from the coordinator's pages. */
export const SAME_ORIGIN = { 'sec-fetch-site': 'same-origin', origin: 'http://localhost:80', host: 'localhost:80' };

/** Signs in through the API and returns the session cookie as a Cookie header value. */
export async function signIn(server: TestServer, username = 'aino', password = COORDINATOR_PASSWORD): Promise<string> {
  const reply = await server.app.inject({
    method: 'POST',
    url: '/api/coordinator/session',
    headers: SAME_ORIGIN,
    payload: { username, password },
  });
  if (reply.statusCode !== 200) throw new Error(`Sign-in failed: ${reply.body}`);
  const cookie = reply.cookies.find((c) => c.name === 'coordinator_session');
  return `coordinator_session=${cookie!.value}`;
}

/** A test server with a coordinator signed in: the cookie to send with coordinator requests. */
export async function startSignedInServer(options: TestServerOptions = {}): Promise<{ server: TestServer; cookie: string }> {
  const server = await startTestServer(options);
  await addTestCoordinator(server);
  return { server, cookie: await signIn(server) };
}

/** Sends responses as a freshly enrolled kiosk would, and fails the test if they are not stored. */
export async function syncFromKiosk(server: TestServer, responses: FeedbackResponse[], extra: Record<string, unknown> = {}): Promise<void> {
  const { token } = await enrollKiosk(server);
  const reply = await server.app.inject({
    method: 'POST',
    url: '/api/kiosk/sync',
    headers: { authorization: `Bearer ${token}` },
    payload: syncBody(responses, extra),
  });
  if (reply.statusCode !== 200) throw new Error(`Sync failed: ${reply.body}`);
}
