import { FIRST_UNIT_ID } from '../../src/domain/units';
import { randomUUID } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Migrator, sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultForm } from '../../src/domain/default-form';
import { openDatabase, type Database } from '../db/database';
import { databaseId } from '../db/database-identity';
import { ensureFormVersion } from '../db/forms';
import { openPostgres, openPostgresDatabase, POSTGRES_MIGRATIONS } from '../db/postgres/migrate';
import { countResponses, storeResponses } from '../db/responses';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../test-postgres';
import { makeResponse } from '../test-support';
import { ALL_PAGES, makeBackup } from './make-backup';
import { makePostgresBackup } from './make-postgres-backup';
import { restoreBackup } from './restore-backup';
import { restorePostgresBackup } from './restore-postgres-backup';
import { testFolders } from './test-folders';

const { folder, open } = testFolders('feedback-pg-restore-');

let cluster: ThrowawayPostgres;
beforeAll(async () => {
  cluster = await startThrowawayPostgres();
});
afterAll(() => cluster.stop());

const newDatabase = () => cluster.createDatabase(`restore_${randomUUID().replace(/-/g, '')}`);

/** A server's PostgreSQL database with responses in it; the caller closes it (or the test does). */
async function serverDatabase(responses: number, url?: string): Promise<Database> {
  const db = await openPostgresDatabase(url ?? (await newDatabase()), { poolSize: 2 });
  open.push(db);
  await ensureFormVersion(db, defaultForm, true);
  await storeResponses(db, Array.from({ length: responses }, () => makeResponse()), () => defaultForm, FIRST_UNIT_ID);
  return db;
}

const idsIn = async (db: Database) => new Set((await db.q.selectFrom('responses').select('id').execute()).map((row) => row.id));

/** What the database holds, in a new connection that is closed again (a restore refuses while one is open). */
async function contents(url: string): Promise<{ ids: Set<string>; identity: string; migrations: string[] }> {
  const db = await openPostgresDatabase(url, { poolSize: 1 });
  try {
    const migrations = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db.q);
    return { ids: await idsIn(db), identity: await databaseId(db), migrations: migrations.rows.map((row) => row.name) };
  } finally {
    await db.close();
  }
}

const NOW = new Date('2026-12-02T01:00:00Z');
const PASSPHRASE = 'pitkä ja salainen';

describe('restorePostgresBackup', () => {
  it('brings back what was deleted after the backup, drops what came after it, and gives the database a new identity', async () => {
    const db = await serverDatabase(30);
    const url = db.url!;
    const backedUp = await idsIn(db);
    const identity = await databaseId(db);
    const { file } = await makePostgresBackup(url, { backupDir: join(folder(), 'backups'), passphrase: PASSPHRASE }, NOW);
    await db.q.deleteFrom('responses').where('id', 'in', [...backedUp].slice(0, 10)).execute();
    await storeResponses(db, Array.from({ length: 5 }, () => makeResponse()), () => defaultForm, FIRST_UNIT_ID);
    expect(await countResponses(db)).toBe(25);
    await db.close();

    const outcome = await restorePostgresBackup(file, { url, passphrase: PASSPHRASE });
    expect(outcome).toMatchObject({ restored: true, schemaVersion: POSTGRES_MIGRATIONS.length, droppedTables: [] });
    const after = await contents(url);
    expect(after.ids).toEqual(backedUp);
    expect(after.identity).toMatch(/^[\w-]{22}$/);
    expect(after.identity).not.toBe(identity);
    expect(outcome.restored && outcome.databaseId).toBe(after.identity);
  });

  it('refuses while another connection is open, and changes nothing', async () => {
    const db = await serverDatabase(5);
    const { file } = await makePostgresBackup(db.url!, { backupDir: join(folder(), 'backups'), passphrase: null }, NOW);
    await db.q.deleteFrom('responses').execute();
    const before = await idsIn(db);
    // db's pool keeps its connection open, as a running server instance does.
    const outcome = await restorePostgresBackup(file, { url: db.url!, passphrase: null });
    expect(outcome).toMatchObject({ restored: false, refusal: 'in-use' });
    expect(!outcome.restored && outcome.message).toMatch(/in use by 1 other connection .*stop every server instance/);
    expect(await idsIn(db)).toEqual(before);
    expect(before.size).toBe(0);
  });

  it('refuses a backup of a SQLite database, and a SQLite restore refuses an archive of PostgreSQL', async () => {
    const dir = folder();
    const sqlite = openDatabase(join(dir, 'sqlite'));
    open.push(sqlite);
    const { file: sqliteBackup } = await makeBackup(sqlite, { backupDir: join(dir, 'backups'), passphrase: PASSPHRASE }, NOW, ALL_PAGES);
    const db = await serverDatabase(3);
    const { file: archive } = await makePostgresBackup(db.url!, { backupDir: join(dir, 'backups'), passphrase: PASSPHRASE }, new Date(NOW.getTime() + 1000));
    await db.close();

    const intoPostgres = await restorePostgresBackup(sqliteBackup, { url: db.url!, passphrase: PASSPHRASE });
    expect(intoPostgres).toMatchObject({ restored: false, refusal: 'wrong-database' });
    expect(!intoPostgres.restored && intoPostgres.message).toMatch(/is a backup of a SQLite database: restore it with DATABASE_URL unset/);

    const dataDir = join(dir, 'data');
    const intoSqlite = await restoreBackup(archive, { dataDir, passphrase: PASSPHRASE }, NOW);
    expect(intoSqlite).toMatchObject({ restored: false, refusal: 'wrong-database' });
    expect(!intoSqlite.restored && intoSqlite.message).toMatch(/is a backup of a PostgreSQL database \(pg_dump\): restore it with DATABASE_URL set/);
    expect(readdirSync(dir).sort()).toEqual(['backups', 'sqlite']);
  });

  it.each([
    ['an encrypted backup without a passphrase', null, 'passphrase-missing', /is encrypted: set BACKUP_PASSPHRASE/],
    ['an encrypted backup with the wrong passphrase', 'väärä', 'passphrase-wrong', /cannot be decrypted: The passphrase is wrong/],
  ])('refuses %s, and changes nothing', async (_name, passphrase, refusal, message) => {
    const db = await serverDatabase(5);
    const url = db.url!;
    const { file } = await makePostgresBackup(url, { backupDir: join(folder(), 'backups'), passphrase: PASSPHRASE }, NOW);
    await db.q.deleteFrom('responses').execute();
    await db.close();
    const outcome = await restorePostgresBackup(file, { url, passphrase });
    expect(outcome).toMatchObject({ restored: false, refusal });
    expect(!outcome.restored && outcome.message).toMatch(message);
    expect((await contents(url)).ids.size).toBe(0);
  });

  it('refuses a file that is no pg_dump archive, or a damaged one', async () => {
    const dir = folder();
    const url = await newDatabase();
    writeFileSync(join(dir, 'notes.txt'), 'ei varmuuskopio');
    writeFileSync(join(dir, 'damaged.pgdump'), Buffer.concat([Buffer.from('PGDMP'), Buffer.alloc(200, 0x5a)]));
    expect(await restorePostgresBackup(join(dir, 'notes.txt'), { url, passphrase: null })).toMatchObject({
      restored: false,
      refusal: 'damaged',
      message: 'notes.txt is not an archive made by pg_dump --format=custom.',
    });
    const damaged = await restorePostgresBackup(join(dir, 'damaged.pgdump'), { url, passphrase: null });
    expect(damaged).toMatchObject({ restored: false, refusal: 'damaged' });
    expect(!damaged.restored && damaged.message).toMatch(/damaged\.pgdump cannot be read: pg_restore failed/);
    expect(await restorePostgresBackup(join(dir, 'none.pgdump'), { url, passphrase: null })).toMatchObject({ restored: false, refusal: 'not-found' });
  });

  it('refuses an archive from a newer release, and changes nothing', async () => {
    const db = await serverDatabase(5);
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('999-from-a-later-release', '2027-01-01T00:00:00.000Z')`.execute(db.q);
    const { file } = await makePostgresBackup(db.url!, { backupDir: join(folder(), 'backups'), passphrase: null }, NOW);
    await sql`DELETE FROM kysely_migration WHERE name = '999-from-a-later-release'`.execute(db.q);
    await db.q.deleteFrom('responses').execute();
    await db.close();
    const outcome = await restorePostgresBackup(file, { url: db.url!, passphrase: null });
    expect(outcome).toMatchObject({ restored: false, refusal: 'schema-too-new' });
    expect(!outcome.restored && outcome.message).toMatch(/comes from a newer release: .*\(999-from-a-later-release\)/);
    expect((await contents(db.url!)).ids.size).toBe(0);
  });

  it("brings an archive of an older release up to date: the later migration's tables are made again", async () => {
    // A database of the release before units (two migrations and more ago), with responses in it.
    const previous = '002-shared-by-instances';
    expect(POSTGRES_MIGRATIONS.map(([name]) => name)).toContain(previous);
    const olderUrl = await newDatabase();
    const q = openPostgres(olderUrl, { poolSize: 1 });
    const older: Database = { dialect: 'postgres', q, inTransaction: false, sqlite: null, url: olderUrl, close: () => q.destroy() };
    open.push(older);
    const provider = { getMigrations: async () => Object.fromEntries(POSTGRES_MIGRATIONS.map(([name, ddl]) => [name, { up: async (db: Kysely<unknown>) => void (await sql.raw(ddl({})).execute(db)) }])) };
    expect((await new Migrator({ db: q, provider }).migrateTo(previous)).error).toBeUndefined();
    await ensureFormVersion(older, defaultForm, true);
    // Stored in that release's shape (no unit yet), as its server stored them.
    for (const r of Array.from({ length: 4 }, () => makeResponse())) {
      await sql`INSERT INTO responses (id, form_id, form_version, language, date, part_of_day, answers)
        VALUES (${r.id}, ${r.formId}, ${r.formVersion}, ${r.language}, ${r.date}, ${r.partOfDay}, ${JSON.stringify(r.answers)})`.execute(q);
    }
    const olderTables = await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`.execute(q);
    await older.close();
    const { file } = await makePostgresBackup(olderUrl, { backupDir: join(folder(), 'backups'), passphrase: null }, NOW);

    // Restored into a database of this release, which has the later migration's tables.
    const db = await serverDatabase(2);
    const url = db.url!;
    const tables = await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`.execute(db.q);
    const later = tables.rows.map((row) => row.name).filter((name) => !olderTables.rows.some((row) => row.name === name));
    expect(later.length).toBeGreaterThan(0);
    await db.close();

    const outcome = await restorePostgresBackup(file, { url, passphrase: null });
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ restored: true, droppedTables: later.sort() });
    const after = await contents(url);
    expect(after.migrations).toEqual(POSTGRES_MIGRATIONS.map(([name]) => name).sort());
    expect(after.ids.size).toBe(4);
  });
});
