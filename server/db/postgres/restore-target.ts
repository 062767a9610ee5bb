import { sql } from 'kysely';
import type { Database } from '../database';
import { renewDatabaseId } from '../database-identity';
import { openPostgres, POSTGRES_MIGRATIONS } from './migrate';

/**
 * The other client connections to the database at `url` (not this one's, nor PostgreSQL's own
 * workers): a server instance, a psql, a second restore. Each is given by its application name
 * and address as far as this role may see them.
 */
export async function otherConnections(url: string): Promise<string[]> {
  const q = openPostgres(url, { poolSize: 1 });
  try {
    const { rows } = await sql<{ who: string }>`
      SELECT coalesce(nullif(application_name, ''), 'a client') || coalesce(' from ' || host(client_addr), '') AS who
      FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid()
        -- Another role's sessions show no backend_type to a role without pg_read_all_stats;
        -- PostgreSQL's own workers (autovacuum) have no role.
        AND coalesce(backend_type, 'client backend') = 'client backend' AND usesysid IS NOT NULL
      ORDER BY pid`.execute(q);
    return rows.map((row) => row.who);
  } finally {
    await q.destroy();
  }
}

/** The tables this release's migrations make, by the names in their CREATE TABLE statements. */
export function tablesOfMigrations(): Set<string> {
  const created = POSTGRES_MIGRATIONS.flatMap(([, ddl]) => [...ddl({}).matchAll(/\bCREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?"?(\w+)"?/gi)].map((match) => match[1]!));
  return new Set(created);
}

/**
 * Takes off the foreign keys of the tables of later migrations than the archive's: pg_restore
 * --clean drops and makes again the tables they point at, which a foreign key would stop. The
 * tables themselves go after the restore (dropTablesNotInArchive); should the restore fail, they
 * are only without those keys.
 */
export async function loosenTablesNotInArchive(url: string, archiveTables: ReadonlySet<string>): Promise<void> {
  const ours = tablesOfMigrations();
  const q = openPostgres(url, { poolSize: 1 });
  try {
    const { rows } = await sql<{ table_name: string; constraint_name: string }>`
      SELECT c.conrelid::regclass::text AS table_name, c.conname AS constraint_name
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = current_schema()`.execute(q);
    for (const row of rows) {
      if (!ours.has(row.table_name) || archiveTables.has(row.table_name)) continue;
      await sql`ALTER TABLE ${sql.id(row.table_name)} DROP CONSTRAINT ${sql.id(row.constraint_name)}`.execute(q);
    }
  } finally {
    await q.destroy();
  }
}

/**
 * After pg_restore --clean of an archive made before a later migration: drops the tables of this
 * release's migrations that the archive does not have. pg_restore replaced only what the archive
 * holds, so these are the later migrations' tables, still with what they held before the
 * restore; the migrations make them again, empty, as they were at the backup's time. Tables no
 * migration of ours makes are left alone. Returns the names dropped.
 */
export async function dropTablesNotInArchive(url: string, archiveTables: ReadonlySet<string>): Promise<string[]> {
  const ours = tablesOfMigrations();
  const q = openPostgres(url, { poolSize: 1 });
  try {
    const { rows } = await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`.execute(q);
    const left = rows.map((row) => row.name).filter((name) => ours.has(name) && !archiveTables.has(name));
    if (left.length > 0) await sql`DROP TABLE ${sql.join(left.map((name) => sql.id(name)))} CASCADE`.execute(q);
    return left;
  } finally {
    await q.destroy();
  }
}

/**
 * Gives the restored database a new identity (which tells kiosks to send again what they keep)
 * before its migrations run: a restore whose migrations then fail has told kiosks all the same.
 */
export async function renewRestoredIdentity(url: string): Promise<string> {
  const q = openPostgres(url, { poolSize: 1 });
  const restored: Database = { dialect: 'postgres', q, inTransaction: false, sqlite: null, url, close: () => q.destroy() };
  try {
    return await renewDatabaseId(restored);
  } finally {
    await restored.close();
  }
}
