import { FIRST_UNIT_ID } from '../../src/domain/units';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultForm } from '../../src/domain/default-form';
import { databaseId } from '../db/database-identity';
import { ensureFormVersion } from '../db/forms';
import { openPostgresDatabase } from '../db/postgres/migrate';
import { storeResponses } from '../db/responses';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../test-postgres';
import { makeResponse } from '../test-support';

const PASSPHRASE = 'kolme pientä porsasta ja susi';

let cluster: ThrowawayPostgres;
let url: string;
let folder: string;
let backupDir: string;
beforeAll(async () => {
  cluster = await startThrowawayPostgres();
  url = await cluster.createDatabase('centre');
  folder = mkdtempSync(join(tmpdir(), 'feedback-pg-cli-'));
  backupDir = join(folder, 'backups');
});
afterAll(async () => {
  await cluster.stop();
  rmSync(folder, { recursive: true, force: true });
});

/** Runs npm run backup or restore as a process of its own, as an operator would, on the PostgreSQL database. */
function run(tool: 'backup' | 'restore', args: string[] = []): Promise<{ status: number | null; out: string; err: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, DATA_DIR: join(folder, 'data'), BACKUP_DIR: backupDir, BACKUP_PASSPHRASE: PASSPHRASE, LOG_LEVEL: 'warn' };
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(`server/cli/${tool}.ts`), ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (status) => done({ status, out, err }));
  });
}

async function withDatabase<T>(use: (db: Awaited<ReturnType<typeof openPostgresDatabase>>) => Promise<T>): Promise<T> {
  const db = await openPostgresDatabase(url, { poolSize: 1 });
  try {
    return await use(db);
  } finally {
    await db.close();
  }
}
const ids = () => withDatabase(async (db) => new Set((await db.q.selectFrom('responses').select('id').execute()).map((row) => row.id)));

describe('npm run backup and npm run restore with DATABASE_URL', () => {
  let backup = '';
  let backedUp = new Set<string>();
  let identity = '';

  it('backs up the PostgreSQL database with pg_dump, encrypted', async () => {
    await withDatabase(async (db) => {
      await ensureFormVersion(db, defaultForm, true);
      await storeResponses(db, Array.from({ length: 40 }, () => makeResponse()), () => defaultForm, FIRST_UNIT_ID);
      identity = await databaseId(db);
    });
    backedUp = await ids();
    const made = await run('backup');
    expect(made.err).toBe('');
    expect(made.status).toBe(0);
    const [name] = readdirSync(backupDir);
    expect(name).toMatch(/^feedback-\d{4}-\d{2}-\d{2}T\d{6}Z\.pgdump\.enc$/);
    backup = join(backupDir, name!);
    expect(made.out).toContain(`Backup written and checked: ${backup}`);
    expect(made.out).toContain('encrypted');
    expect(statSync(backup).mode & 0o777).toBe(0o600);
  });

  it('refuses to restore while another connection is open, and says to stop every instance', async () => {
    const db = await openPostgresDatabase(url, { poolSize: 1 });
    try {
      await db.q.deleteFrom('responses').execute();
      const refused = await run('restore', [backup]);
      expect(refused.status).toBe(1);
      expect(refused.out).toContain('Every server instance that uses it must be stopped first');
      expect(refused.err).toMatch(/Not restored: The database is in use by 1 other connection/);
      expect(refused.err).toContain('Nothing in the database was changed.');
    } finally {
      await db.close();
    }
    expect((await ids()).size).toBe(0);
  });

  it('refuses a SQLite backup', async () => {
    const refused = await run('restore', [resolve('server/db/fixtures/release-0.1.0.sqlite')]);
    expect(refused.status).toBe(1);
    expect(refused.err).toMatch(/release-0\.1\.0\.sqlite is a backup of a SQLite database/);
  });

  it('restores the backup once nothing else is connected, with a new identity', async () => {
    const restored = await run('restore', [backup]);
    expect(restored.err).toBe('');
    expect(restored.status).toBe(0);
    expect(restored.out).toContain('into the PostgreSQL database');
    expect(restored.out).toContain('new identity');
    expect(await ids()).toEqual(backedUp);
    const renewed = await withDatabase((db) => databaseId(db));
    expect(renewed).not.toBe(identity);
  });
});
