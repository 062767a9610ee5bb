import { Kysely, Migrator, PostgresDialect, sql, type Migration } from 'kysely';
import pg from 'pg';
import type { Tables } from '../tables';
import initial from './001-initial';

// In order, named as their files. Each runs in a transaction of its own; Kysely's migrator holds a
// PostgreSQL advisory lock meanwhile, so several server instances starting at once apply each
// migration once.
const MIGRATIONS: [name: string, ddl: string][] = [['001-initial', initial]];

const asMigration = (ddl: string): Migration => ({
  up: async (db) => {
    await sql.raw(ddl).execute(db);
  },
});

/** The query layer on a PostgreSQL database (DATABASE_URL). */
export function openPostgres(url: string, { poolSize = 10 }: { poolSize?: number } = {}): Kysely<Tables> {
  return new Kysely<Tables>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: poolSize }) }) });
}

/** Brings the PostgreSQL database to this release's schema, or says which migration failed and why. */
export async function migratePostgres(db: Kysely<Tables>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => Object.fromEntries(MIGRATIONS.map(([name, ddl]) => [name, asMigration(ddl)])) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'a migration';
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`PostgreSQL migration ${failed} failed, so the server did not start: ${reason}`, { cause: error });
  }
}
