import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { openPostgresDatabase, POSTGRES_MIGRATIONS } from '../db/postgres/migrate';
import { dropTablesNotInArchive, loosenTablesNotInArchive, otherConnections, renewRestoredIdentity } from '../db/postgres/restore-target';
import { backupDialect } from './backup-contents';
import { isEncryptedBackup } from './backup-encryption';
import { listPostgresDump } from './make-postgres-backup';
import { runPostgresTool } from './postgres-tools';
import { decryptTo, RestoreRefused, type RestoreRefusal } from './restore-backup';

export type PostgresRestoreOutcome =
  | {
      restored: true;
      /** How many of this release's migrations the database has now: all of them. */
      schemaVersion: number;
      databaseId: string;
      /** Tables of later migrations than the archive's, dropped and made again empty. */
      droppedTables: string[];
    }
  | { restored: false; refusal: RestoreRefusal; message: string };

/**
 * Restores a backup made by makePostgresBackup into the PostgreSQL database at `url`, which no
 * server instance may be using. The archive is decrypted (into a private temporary folder) when it
 * is encrypted, read with pg_restore --list, refused if it is not of this server's database or
 * comes from a newer release, and refused while another client is connected to the database.
 * Then pg_restore --clean --single-transaction replaces the database's tables with the archive's
 * in one transaction: a restore that fails there changes nothing. Afterwards the database gets a
 * new identity (so kiosks send again what they kept) and this release's migrations, so an archive
 * of an older release is brought up to date. A refusal changes nothing; an error after the
 * restore says so.
 */
export async function restorePostgresBackup(
  file: string,
  { url, passphrase, firstUnitName }: { url: string; passphrase: string | null; firstUnitName?: string | undefined },
): Promise<PostgresRestoreOutcome> {
  if (!existsSync(file) || !statSync(file).isFile()) return { restored: false, refusal: 'not-found', message: `There is no file ${file}.` };
  const name = basename(file);
  const privateDir = mkdtempSync(join(tmpdir(), 'feedback-restore-'));
  try {
    const encrypted = await isEncryptedBackup(file);
    if (encrypted && passphrase === null) {
      throw new RestoreRefused('passphrase-missing', `${name} is encrypted: set BACKUP_PASSPHRASE to the passphrase it was made with.`);
    }
    const archive = encrypted ? join(privateDir, 'archive.pgdump') : file;
    if (encrypted) await decryptTo(file, archive, passphrase!);
    const tables = await checkedArchiveTables(archive, name);
    const others = await otherConnections(url);
    if (others.length > 0) {
      throw new RestoreRefused(
        'in-use',
        `The database is in use by ${others.length} other connection${others.length > 1 ? 's' : ''} (${others.join(', ')}): stop every server instance, and any other program connected to it, first.`,
      );
    }
    await loosenTablesNotInArchive(url, tables);
    try {
      await runPostgresTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', archive], url);
    } catch (error) {
      throw new RestoreRefused('restore-failed', `${name} could not be restored, and its single transaction was undone: ${error instanceof Error ? error.message : String(error)}`);
    }
    try {
      const droppedTables = await dropTablesNotInArchive(url, tables);
      const databaseId = await renewRestoredIdentity(url);
      const restored = await openPostgresDatabase(url, { poolSize: 1, firstUnitName });
      await restored.close();
      return { restored: true, schemaVersion: POSTGRES_MIGRATIONS.length, databaseId, droppedTables };
    } catch (error) {
      throw new Error(`${name} was restored, but not brought up to this release: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  } catch (error) {
    if (error instanceof RestoreRefused) return { restored: false, refusal: error.refusal, message: error.message };
    throw error;
  } finally {
    rmSync(privateDir, { recursive: true, force: true });
  }
}

/**
 * The tables in a plain backup that this release can restore into PostgreSQL, or a refusal: a
 * SQLite backup, a file pg_restore cannot read, an archive of some other database, or one from a
 * release with migrations this one does not know.
 */
async function checkedArchiveTables(archive: string, name: string): Promise<Set<string>> {
  const dialect = await backupDialect(archive);
  if (dialect === 'sqlite') {
    throw new RestoreRefused(
      'wrong-database',
      `${name} is a backup of a SQLite database: restore it with DATABASE_URL unset (into DATA_DIR), then npm run move-to-postgres moves it into PostgreSQL.`,
    );
  }
  if (dialect !== 'postgres') throw new RestoreRefused('damaged', `${name} is not an archive made by pg_dump --format=custom.`);
  let list: string;
  let migrations: string;
  try {
    list = await listPostgresDump(archive);
    migrations = await runPostgresTool('pg_restore', ['--data-only', '--table=kysely_migration', '--file=-', archive], null);
  } catch (error) {
    throw new RestoreRefused('damaged', `${name} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  // Lines such as "227; 1259 16489 TABLE public responses postgres".
  const tables = new Set([...list.matchAll(/^\d+; \d+ \d+ TABLE \S+ (\S+) /gm)].map((match) => match[1]!));
  if (!tables.has('responses') || !tables.has('kysely_migration')) {
    throw new RestoreRefused('unknown-format', `${name} is a pg_dump archive, but not of this server's database: it has no responses or kysely_migration table.`);
  }
  const known = new Set(POSTGRES_MIGRATIONS.map(([migration]) => migration));
  const unknown = migrationsIn(migrations).filter((migration) => !known.has(migration));
  if (unknown.length > 0) {
    throw new RestoreRefused(
      'schema-too-new',
      `${name} comes from a newer release: its database has migrations this release does not know (${unknown.join(', ')}). Restore it with that release or a later one.`,
    );
  }
  return tables;
}

/** The names of the applied migrations in pg_restore's SQL for the kysely_migration table's rows. */
function migrationsIn(script: string): string[] {
  const rows = /^COPY \S+ \(.*\) FROM stdin;\n([\s\S]*?)^\\\.$/m.exec(script)?.[1] ?? '';
  return rows
    .split('\n')
    .filter((row) => row !== '')
    .map((row) => row.split('\t')[0]!);
}
