import { FIRST_UNIT_ID } from '../../src/domain/units';
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultForm } from '../../src/domain/default-form';
import { openDatabase, SCHEMA_VERSION, type Database } from '../db/database';
import { databaseId } from '../db/database-identity';
import { ensureFormVersion } from '../db/forms';
import { countResponses, storeResponses } from '../db/responses';
import { makeResponse } from '../test-support';
import { testFolders } from './test-folders';
import { ALL_PAGES, makeBackup } from './make-backup';
import { restoreBackup } from './restore-backup';

const { folder, open } = testFolders('feedback-restore-');

async function serverDatabase(dir: string, responses: number): Promise<Database> {
  const db = openDatabase(dir);
  open.push(db);
  await ensureFormVersion(db, defaultForm, true);
  await storeResponses(db, Array.from({ length: responses }, () => makeResponse()), () => defaultForm, FIRST_UNIT_ID);
  return db;
}

const NOW = new Date('2026-12-02T10:30:00Z');

describe('restoreBackup', () => {
  it('keeps what a crashed server left in its WAL with the database it replaces', async () => {
    const dir = folder();
    const live = await serverDatabase(join(dir, 'live'), 30);
    const { file } = await makeBackup(live, { backupDir: join(dir, 'backups'), passphrase: null }, NOW, ALL_PAGES);
    await storeResponses(live, Array.from({ length: 20 }, () => makeResponse()), () => defaultForm, FIRST_UNIT_ID);
    // The files as a server killed now leaves them: 20 responses only in the WAL.
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir);
    for (const suffix of ['', '-wal']) copyFileSync(join(dir, 'live', `feedback.sqlite${suffix}`), join(dataDir, `feedback.sqlite${suffix}`));
    expect(statSync(join(dataDir, 'feedback.sqlite-wal')).size).toBeGreaterThan(0);

    const outcome = await restoreBackup(file, { dataDir, passphrase: null }, NOW);
    expect(outcome).toMatchObject({ restored: true, replacedKeptAs: join(dataDir, 'feedback.sqlite.before-restore-2026-12-02T103000Z'), schemaVersion: SCHEMA_VERSION });
    expect(readdirSync(dataDir).sort()).toEqual(['feedback.sqlite', 'feedback.sqlite.before-restore-2026-12-02T103000Z']);
    const kept = openDatabase(dataDir, 'feedback.sqlite.before-restore-2026-12-02T103000Z');
    open.push(kept);
    expect(await countResponses(kept)).toBe(50);
    const restored = openDatabase(dataDir);
    open.push(restored);
    expect(await countResponses(restored)).toBe(30);
    expect(await databaseId(restored)).not.toBe(await databaseId(live));
  });

  it('restored twice in a second, keeps each database it replaced', async () => {
    const dir = folder();
    const live = await serverDatabase(join(dir, 'live'), 5);
    const { file } = await makeBackup(live, { backupDir: join(dir, 'backups'), passphrase: null }, NOW, ALL_PAGES);
    await live.close();
    const dataDir = join(dir, 'live');
    const first = await restoreBackup(file, { dataDir, passphrase: null }, NOW);
    const second = await restoreBackup(file, { dataDir, passphrase: null }, NOW);
    expect(first).toMatchObject({ restored: true, replacedKeptAs: expect.stringMatching(/before-restore-2026-12-02T103000Z$/) });
    expect(second).toMatchObject({ restored: true, replacedKeptAs: expect.stringMatching(/before-restore-2026-12-02T103000Z-2$/) });
    expect(first.restored && second.restored && first.databaseId !== second.databaseId).toBe(true);
  });

  it('refuses a backup that a migration of this release fails on, and changes nothing', async () => {
    const dir = folder();
    const old = await serverDatabase(join(dir, 'old'), 5);
    // As a database at schema 7 on which something already holds the name migration 008 needs.
    old.sqlite!.connection.pragma('user_version = 7');
    old.sqlite!.connection.exec('CREATE TABLE draft_comments_by_id (x)');
    const { file } = await makeBackup(old, { backupDir: join(dir, 'backups'), passphrase: null }, NOW, ALL_PAGES);
    const dataDir = join(dir, 'data');
    await (await serverDatabase(dataDir, 3)).close();
    const before = readdirSync(dataDir);
    const outcome = await restoreBackup(file, { dataDir, passphrase: null }, NOW);
    expect(outcome).toEqual({ restored: false, refusal: 'cannot-upgrade', message: expect.stringMatching(/cannot be brought up to this release: Migration 008-comments-without-order failed/) });
    expect(readdirSync(dataDir)).toEqual(before);
  });

  it('leaves no data folder behind when it refuses to restore into one that did not exist', async () => {
    const dir = folder();
    const dataDir = join(dir, 'new', 'data');
    const outcome = await restoreBackup(join(dir, 'missing.sqlite'), { dataDir, passphrase: null }, NOW);
    expect(outcome).toMatchObject({ restored: false, refusal: 'not-found' });
    const copy = join(dir, 'no-database.sqlite');
    copyFileSync(import.meta.filename, copy);
    expect(await restoreBackup(copy, { dataDir, passphrase: null }, NOW)).toMatchObject({ restored: false, refusal: 'damaged' });
    expect(readdirSync(dir)).toEqual(['no-database.sqlite']);
  });
});
