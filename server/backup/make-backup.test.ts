import { FIRST_UNIT_ID } from '../../src/domain/units';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultForm } from '../../src/domain/default-form';
import { openDatabase, SCHEMA_VERSION, type Database } from '../db/database';
import { checkDatabaseFile } from '../db/database-file';
import { databaseId } from '../db/database-identity';
import { ensureFormVersion } from '../db/forms';
import { countResponses, storeResponses } from '../db/responses';
import { makeResponse } from '../test-support';
import { testFolders } from './test-folders';
import { decryptFile } from './backup-encryption';
import { ALL_PAGES, makeBackup, SERVER_PAGES_PER_STEP } from './make-backup';

const { folder, open } = testFolders('feedback-backup-');

/** A server's database with responses in it, some still only in the WAL. */
async function databaseWith(responses: number): Promise<{ db: Database; dir: string }> {
  const dir = folder();
  const db = openDatabase(join(dir, 'data'));
  open.push(db);
  await ensureFormVersion(db, defaultForm, true);
  for (let i = 0; i < responses; i += 50) await storeResponses(db, Array.from({ length: Math.min(50, responses - i) }, () => makeResponse()), () => defaultForm, FIRST_UNIT_ID);
  return { db, dir };
}

const AT = new Date('2026-12-02T01:00:00Z');

describe('makeBackup', () => {
  it('writes a checked copy of the live database, with what is still in its WAL, readable by its owner only', async () => {
    const { db, dir } = await databaseWith(500);
    expect(statSync(join(dir, 'data', 'feedback.sqlite-wal')).size).toBeGreaterThan(0);
    const backupDir = join(dir, 'backups');
    const made = await makeBackup(db, { backupDir, passphrase: null }, AT, SERVER_PAGES_PER_STEP);
    expect(made).toMatchObject({ file: join(backupDir, 'feedback-2026-12-02T010000Z.sqlite'), encrypted: false, at: AT });
    expect(readdirSync(backupDir)).toEqual(['feedback-2026-12-02T010000Z.sqlite']);
    expect(statSync(backupDir).mode & 0o777).toBe(0o700);
    expect(statSync(made.file).mode & 0o777).toBe(0o600);
    expect(checkDatabaseFile(made.file)).toEqual({ problem: null, schemaVersion: SCHEMA_VERSION });
    const copy = openDatabase(backupDir, 'feedback-2026-12-02T010000Z.sqlite');
    open.push(copy);
    expect(await countResponses(copy)).toBe(500);
    expect(await databaseId(copy)).toBe(await databaseId(db));
  });

  it('copies one moment of the database while the server writes during the copy', async () => {
    const { db, dir } = await databaseWith(2000);
    const backupDir = join(dir, 'backups');
    // Writes through the same connection between the copy's steps: SQLite updates the copy.
    const writes: Promise<unknown>[] = [];
    const backup = makeBackup(db, { backupDir, passphrase: null }, AT, 4);
    const writer = setInterval(() => writes.push(storeResponses(db, [makeResponse()], () => defaultForm, FIRST_UNIT_ID)), 0);
    const made = await backup.finally(() => clearInterval(writer));
    await Promise.all(writes);
    const written = writes.length;
    expect(written).toBeGreaterThan(0);
    const copy = openDatabase(backupDir, 'feedback-2026-12-02T010000Z.sqlite');
    open.push(copy);
    expect(checkDatabaseFile(made.file).problem).toBeNull();
    expect(await countResponses(copy)).toBeGreaterThanOrEqual(2000);
    expect(await countResponses(copy)).toBeLessThanOrEqual(2000 + written);
  });

  it('encrypts the checked copy when there is a passphrase, and leaves nothing readable beside it', async () => {
    const { db, dir } = await databaseWith(50);
    const backupDir = join(dir, 'backups');
    const made = await makeBackup(db, { backupDir, passphrase: 'pitkä ja salainen' }, AT, ALL_PAGES);
    expect(made.file).toBe(join(backupDir, 'feedback-2026-12-02T010000Z.sqlite.enc'));
    expect(readdirSync(backupDir)).toEqual(['feedback-2026-12-02T010000Z.sqlite.enc']);
    expect(statSync(made.file).mode & 0o777).toBe(0o600);
    expect(readFileSync(made.file).includes(Buffer.from('SQLite format 3'))).toBe(false);
    await decryptFile(made.file, join(dir, 'plain.sqlite'), 'pitkä ja salainen');
    expect(checkDatabaseFile(join(dir, 'plain.sqlite'))).toEqual({ problem: null, schemaVersion: SCHEMA_VERSION });
  });

  it('leaves no file behind when it fails, and says why', async () => {
    const { db, dir } = await databaseWith(10);
    const backupDir = join(dir, 'backups');
    await db.close();
    await expect(makeBackup(db, { backupDir, passphrase: null }, AT, ALL_PAGES)).rejects.toThrow(/not open/);
    expect(readdirSync(backupDir)).toEqual([]);
  });


  it('leaves no file behind when the folder cannot take the finished backup', async () => {
    const { db, dir } = await databaseWith(10);
    const backupDir = join(dir, 'backups');
    await makeBackup(db, { backupDir, passphrase: null }, new Date('2026-12-01T01:00:00Z'), ALL_PAGES);
    // A folder already holds the new backup's name: copied, checked and encrypted, it fails at the rename.
    const blocker = join(backupDir, 'feedback-2026-12-02T010000Z.sqlite.enc');
    mkdirSync(join(blocker, 'inside'), { recursive: true });
    await expect(makeBackup(db, { backupDir, passphrase: 'pitkä ja salainen' }, AT, ALL_PAGES)).rejects.toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(readdirSync(backupDir).sort()).toEqual(['feedback-2026-12-01T010000Z.sqlite', 'feedback-2026-12-02T010000Z.sqlite.enc']);
    expect(readdirSync(blocker)).toEqual(['inside']);
  });
});
