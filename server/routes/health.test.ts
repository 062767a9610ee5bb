import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import BetterSqlite3 from 'better-sqlite3';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { openDatabase, sqliteDatabase, type Database } from '../db/database';
import { openPostgresDatabase } from '../db/postgres/migrate';
import { startThrowawayPostgres } from '../test-postgres';
import { healthRoutes } from './health';

const dirs: string[] = [];
const open: { close(): unknown }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
  dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

/** A real app on a real SQLite file, with the free-space threshold the test gives, and its log lines. */
async function appOn(db: Database, minFreeDiskBytes: number) {
  let logged = '';
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logged += String(chunk);
      done();
    },
  });
  const app = await buildApp(db, { staticDir: null, logStream, logLevel: 'info', minFreeDiskBytes });
  open.push(app);
  return { app, logs: () => logged };
}

function freshDatabase(): Database {
  const dir = mkdtempSync(join(tmpdir(), 'feedback-health-'));
  dirs.push(dir);
  const db = openDatabase(dir);
  open.push(db);
  return db;
}

const allGood = { databaseWritable: true, migrationsApplied: true, diskSpace: true };

describe('health and readiness', () => {
  it('says the process is alive, and ready when the database takes writes, is migrated and has room; no log line for either', async () => {
    const { app, logs } = await appOn(freshDatabase(), 1);
    const alive = await app.inject({ method: 'GET', url: '/api/health' });
    expect(alive.statusCode).toBe(200);
    expect(alive.json()).toEqual({ alive: true });
    const ready = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ ready: true, checks: allGood });
    expect(logs()).toBe('');
  });

  it('is not ready (503) on a database that takes no writes, and says which check failed', async () => {
    const db = freshDatabase();
    const file = db.sqlite!.file;
    const readOnly = sqliteDatabase(new BetterSqlite3(file, { readonly: true }), file);
    open.push(readOnly);
    const { app, logs } = await appOn(readOnly, 1);
    const ready = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ ready: false, checks: { ...allGood, databaseWritable: false } });
    expect(logs()).toContain('the database does not take writes');
    expect(logs()).toContain('readonly');
  });

  it('is not ready when a migration is missing or when the disk has less free space than the threshold', async () => {
    const db = freshDatabase();
    const { app } = await appOn(db, 1);
    db.sqlite!.connection.pragma('user_version = 3');
    expect((await app.inject({ method: 'GET', url: '/api/ready' })).json()).toEqual({ ready: false, checks: { ...allGood, migrationsApplied: false } });

    const { app: full } = await appOn(freshDatabase(), Number.MAX_SAFE_INTEGER);
    const ready = await full.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ ready: false, checks: { ...allGood, diskSpace: false } });
  });
});

describe('readiness on PostgreSQL', () => {
  /** The readiness routes alone on a throwaway PostgreSQL, which the test may stop. */
  async function readinessOnPostgres() {
    const cluster = await startThrowawayPostgres();
    open.push({ close: () => cluster.stop() });
    const db = await openPostgresDatabase(cluster.url, { poolSize: 2 });
    open.push(db);
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    // Far more free space than any disk has: the database's disk is the database server's, not checked here.
    healthRoutes(app, db, Number.MAX_SAFE_INTEGER);
    open.push(app);
    return { app, cluster };
  }

  it('is ready while the database server answers, with no disk here to check', async () => {
    const { app } = await readinessOnPostgres();
    const ready = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ ready: true, checks: allGood });
  });

  it('is not ready (503) once the database server is gone', async () => {
    const { app, cluster } = await readinessOnPostgres();
    expect((await app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
    await cluster.stop();
    const gone = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(gone.statusCode).toBe(503);
    expect(gone.json()).toEqual({ ready: false, checks: { ...allGood, databaseWritable: false } });
  });
});
