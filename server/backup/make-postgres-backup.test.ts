import { FIRST_UNIT_ID } from '../../src/domain/units';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultForm } from '../../src/domain/default-form';
import type { Database } from '../db/database';
import { ensureFormVersion } from '../db/forms';
import { openPostgresDatabase } from '../db/postgres/migrate';
import { storeResponses } from '../db/responses';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../test-postgres';
import { makeResponse } from '../test-support';
import { BackupDecryptError, decryptFile } from './backup-encryption';
import { ALL_PAGES, makeBackup } from './make-backup';
import { listPostgresDump, makePostgresBackup } from './make-postgres-backup';
import { testFolders } from './test-folders';

const { folder, open } = testFolders('feedback-pg-backup-');

let cluster: ThrowawayPostgres;
beforeAll(async () => {
  cluster = await startThrowawayPostgres();
});
afterAll(() => cluster.stop());

/** A server's PostgreSQL database of its own, with responses in it. */
async function databaseWith(responses: number): Promise<Database> {
  const db = await openPostgresDatabase(await cluster.createDatabase(`backup_${randomUUID().replace(/-/g, '')}`), { poolSize: 2 });
  open.push(db);
  await ensureFormVersion(db, defaultForm, true);
  await storeResponses(db, Array.from({ length: responses }, () => makeResponse()), () => defaultForm, FIRST_UNIT_ID);
  return db;
}

const AT = new Date('2026-12-02T01:00:00Z');
const PASSPHRASE = 'pitkä ja salainen';

describe('makeBackup of a PostgreSQL database', () => {
  it('writes a pg_dump archive that pg_restore can read, readable by its owner only', async () => {
    const db = await databaseWith(40);
    const backupDir = join(folder(), 'backups');
    // As the nightly run calls it: the same function as for SQLite.
    const made = await makeBackup(db, { backupDir, passphrase: null }, AT, ALL_PAGES);
    expect(made).toMatchObject({ file: join(backupDir, 'feedback-2026-12-02T010000Z.pgdump'), encrypted: false, at: AT });
    expect(readdirSync(backupDir)).toEqual(['feedback-2026-12-02T010000Z.pgdump']);
    expect(statSync(backupDir).mode & 0o777).toBe(0o700);
    expect(statSync(made.file).mode & 0o777).toBe(0o600);
    expect(made.bytes).toBe(statSync(made.file).size);
    expect(readFileSync(made.file).subarray(0, 5).toString('latin1')).toBe('PGDMP');
    const list = await listPostgresDump(made.file);
    expect(list).toMatch(/^\d+; \d+ \d+ TABLE DATA public responses /m);
    expect(list).toMatch(/^\d+; \d+ \d+ TABLE DATA public database_identity /m);
  });

  it('encrypts the checked archive when there is a passphrase, and leaves nothing readable beside it', async () => {
    const db = await databaseWith(10);
    const dir = folder();
    const backupDir = join(dir, 'backups');
    const privateFolders = () => readdirSync(tmpdir()).filter((name) => name.startsWith('feedback-dump-'));
    const before = privateFolders();
    const made = await makePostgresBackup(db.url!, { backupDir, passphrase: PASSPHRASE }, AT);
    // The plain archive was written to a private folder of its own, gone now.
    expect(privateFolders()).toEqual(before);
    expect(made).toMatchObject({ file: join(backupDir, 'feedback-2026-12-02T010000Z.pgdump.enc'), encrypted: true });
    expect(readdirSync(backupDir)).toEqual(['feedback-2026-12-02T010000Z.pgdump.enc']);
    expect(statSync(made.file).mode & 0o777).toBe(0o600);
    expect(readFileSync(made.file).includes(Buffer.from('PGDMP'))).toBe(false);
    expect(readFileSync(made.file).includes(Buffer.from('form_versions'))).toBe(false);
    await expect(listPostgresDump(made.file)).rejects.toThrow(/pg_restore failed/);
    await expect(decryptFile(made.file, join(dir, 'wrong.pgdump'), 'väärä')).rejects.toThrow(BackupDecryptError);
    await decryptFile(made.file, join(dir, 'plain.pgdump'), PASSPHRASE);
    expect(await listPostgresDump(join(dir, 'plain.pgdump'))).toMatch(/TABLE DATA public responses /);
  });

  it('leaves no file behind when pg_dump fails, says why, and never says the password', async () => {
    const backupDir = join(folder(), 'backups');
    const url = cluster.base.replace('postgres@', 'postgres:salainen-sana@') + '/no_such_database';
    const failed = makePostgresBackup(url, { backupDir, passphrase: null }, AT);
    await expect(failed).rejects.toThrow(/pg_dump failed .*database "no_such_database" does not exist/s);
    await expect(failed).rejects.not.toThrow(/salainen/);
    expect(readdirSync(backupDir)).toEqual([]);
  });

  it('says how to get pg_dump when it is not there, and leaves no file', async () => {
    const db = await databaseWith(0);
    const backupDir = join(folder(), 'backups');
    const before = process.env.PG_BIN;
    process.env.PG_BIN = join(folder(), 'no-postgresql-here');
    try {
      await expect(makePostgresBackup(db.url!, { backupDir, passphrase: PASSPHRASE }, AT)).rejects.toThrow(
        'pg_dump was not found: install the PostgreSQL client (postgresql-client) or set PG_BIN',
      );
    } finally {
      if (before === undefined) delete process.env.PG_BIN;
      else process.env.PG_BIN = before;
    }
    expect(readdirSync(backupDir)).toEqual([]);
  });
});
