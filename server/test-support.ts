import { FIRST_UNIT_ID, type Role } from '../src/domain/units';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { defaultForm } from '../src/domain/default-form';
import { sampleResponse } from '../src/domain/sample-response';
import type { FeedbackResponse } from '../src/domain/response';
import { buildApp } from './app';
import { hashSecret, newPairingCode, normalisePairingCode } from './credentials';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from './db/database';
import { openPostgresDatabase } from './db/postgres/migrate';
import { ensureFormVersion } from './db/forms';
import { addPairingCode } from './db/kiosks';
import { addCoordinator } from './db/coordinators';
import { hashPassword } from './passwords';

/** The database the server tests run on: PostgreSQL in vitest's `postgres` project, else SQLite. */
export const onPostgres = process.env.TEST_DATABASE === 'postgres';

async function onCluster(base: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/**
 * A fresh database with this release's schema: a SQLite file in dataDir, or on PostgreSQL a copy
 * of the run's template database in the throwaway cluster (test-postgres-setup.ts), dropped when
 * closed.
 */
export async function openTestDatabase(dataDir: string): Promise<Database> {
  if (!onPostgres) return openDatabase(dataDir);
  const { base, template } = inject('postgres');
  const name = `test_${randomUUID().replace(/-/g, '')}`;
  await onCluster(base, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  const db = await openPostgresDatabase(`${base}/${name}`, { poolSize: 4 });
  return {
    ...db,
    close: async () => {
      await db.close();
      await onCluster(base, `DROP DATABASE ${name} WITH (FORCE)`);
    },
  };
}

/** A connection of its own to the same database, as another server instance or the command line has. */
export async function anotherConnection(db: Database): Promise<Database> {
  if (db.sqlite) return openDatabase(dirname(db.sqlite.file), basename(db.sqlite.file));
  return openPostgresDatabase(db.url!, { poolSize: 2 });
}

export interface TestServer {
  app: FastifyInstance;
  db: Database;
  dir: string;
  logs: () => string;
  close: () => Promise<void>;
}

/** A real app on a real database (see openTestDatabase) in a fresh temp folder, with a tiny built app to serve. */
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
  const db = await openTestDatabase(join(dir, 'data'));
  await ensureFormVersion(db, defaultForm, true);
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
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The unit every test database starts with. */
export const TEST_UNIT = FIRST_UNIT_ID;

export async function enrollKiosk(server: TestServer, name = 'Test kiosk', unit = TEST_UNIT): Promise<{ token: string; kioskId: string }> {
  const code = newPairingCode();
  await addPairingCode(server.db, hashSecret(normalisePairingCode(code)), name, unit, new Date(Date.now() + 60_000));
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

/** Adds a coordinator straight in the database, as the command line does: an area administrator unless told otherwise. */
export async function addTestCoordinator(server: TestServer, username = 'aino', access: { role: Role; units: string[] } = { role: 'admin', units: [] }): Promise<void> {
  await addCoordinator(server.db, username, await hashPassword(COORDINATOR_PASSWORD), new Date(), access);
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
export async function syncFromKiosk(server: TestServer, responses: FeedbackResponse[], extra: Record<string, unknown> = {}, unit = TEST_UNIT): Promise<void> {
  const { token } = await enrollKiosk(server, 'Test kiosk', unit);
  const reply = await server.app.inject({
    method: 'POST',
    url: '/api/kiosk/sync',
    headers: { authorization: `Bearer ${token}` },
    payload: syncBody(responses, extra),
  });
  if (reply.statusCode !== 200) throw new Error(`Sync failed: ${reply.body}`);
}

/** SQL with `?` for each value, on either database: for tests that look into the tables. */
function rawQuery(text: string, values: unknown[]) {
  const parts = text.split('?');
  if (parts.length !== values.length + 1) throw new Error(`The query has ${parts.length - 1} placeholders for ${values.length} values: ${text}`);
  return parts.slice(1).reduce((query, part, i) => sql`${query}${values[i]}${sql.raw(part)}`, sql.raw(parts[0]!));
}

/** The rows a query gives, on either database. */
export async function queryRows(db: Database, text: string, ...values: unknown[]): Promise<Record<string, unknown>[]> {
  return (await rawQuery(text, values).execute(db.q)).rows as Record<string, unknown>[];
}

/** The first column of a query's first row (undefined with no rows), on either database. */
export async function queryValue(db: Database, text: string, ...values: unknown[]): Promise<unknown> {
  const [row] = await queryRows(db, text, ...values);
  return row === undefined ? undefined : Object.values(row)[0];
}
