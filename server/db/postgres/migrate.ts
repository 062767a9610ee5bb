import { randomBytes } from 'node:crypto';
import { Kysely, Migrator, PostgresDialect, sql, type Migration } from 'kysely';
import pg from 'pg';
import type { Database, MigrationContext } from '../database';
import type { Tables } from '../tables';
import initial from './001-initial';
import sharedByInstances from './002-shared-by-instances';
import units from './003-units';
import noticesAndHours from './004-notices-and-hours';

// In order, named as their files. Each runs in a transaction of its own; Kysely's migrator holds a
// PostgreSQL advisory lock meanwhile, so several server instances starting at once apply each
// migration once.
// Each is its SQL, made with what it may need from the configuration.
export const POSTGRES_MIGRATIONS: [name: string, ddl: (context: MigrationContext) => string][] = [
  ['001-initial', () => initial],
  ['002-shared-by-instances', () => sharedByInstances],
  ['003-units', units],
  ['004-notices-and-hours', () => noticesAndHours],
];

const asMigration = (ddl: string): Migration => ({
  up: async (db) => {
    await sql.raw(ddl).execute(db);
  },
});

// Sums and counts come back as bigint (int8) or numeric, which node-postgres gives as text to keep
// every digit; ours stay far below 2^53, so they are numbers, as on SQLite.
const asNumber = (text: string) => Number(text);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC ? asNumber : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** A pool of connections to a PostgreSQL database (DATABASE_URL), that gives numbers as numbers. */
export function postgresPool(url: string, { poolSize = 10 }: { poolSize?: number } = {}): pg.Pool {
  // A query waits at most this long for a connection: an unreachable database is an error the
  // caller can answer (503), not a request that hangs.
  // TCP keep-alive: a connection to a database server that vanished without closing it is found
  // dead by the operating system, rather than waited on for good.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types, connectionTimeoutMillis: 5000, keepAlive: true });
  // An idle connection that PostgreSQL ends (a restart, a failover, a network fault) is dropped from
  // the pool, and the next query opens a new one; without a listener the process would stop here.
  pool.on('error', () => {});
  // The same for a connection that is lent out when it is cut: the query on it fails (and is
  // answered as such), and the pool does not take the broken connection back.
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

/** The query layer on a PostgreSQL database (DATABASE_URL). */
export function openPostgres(url: string, options: { poolSize?: number } = {}): Kysely<Tables> {
  return new Kysely<Tables>({ dialect: new PostgresDialect({ pool: postgresPool(url, options) }) });
}

/** The server's database on PostgreSQL, brought to this release's schema. */
export async function openPostgresDatabase(url: string, options: { poolSize?: number } & MigrationContext = {}): Promise<Database> {
  const q = openPostgres(url, options);
  try {
    await migratePostgres(q, options);
    // A new database gets its identity here, as SQLite's migration 010 gives one (see database-identity.ts).
    await q
      .insertInto('database_identity')
      .values({ only_row: 1, id: randomBytes(16).toString('base64url') })
      .onConflict((oc) => oc.doNothing())
      .execute();
  } catch (error) {
    await q.destroy();
    throw error;
  }
  return { dialect: 'postgres', q, inTransaction: false, sqlite: null, url, close: () => q.destroy() };
}

/** Brings the PostgreSQL database to this release's schema, or says which migration failed and why. */
export async function migratePostgres(db: Kysely<Tables>, context: MigrationContext = {}): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => Object.fromEntries(POSTGRES_MIGRATIONS.map(([name, ddl]) => [name, asMigration(ddl(context))])) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'a migration';
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`PostgreSQL migration ${failed} failed, so the server did not start: ${reason}`, { cause: error });
  }
}
