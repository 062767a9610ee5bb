import { postgresBin } from '../../server/backup/postgres-tools';
import { NO_DURABILITY, startThrowawayPostgres } from '../../server/test-postgres';

/**
 * Starts the run's throwaway PostgreSQL cluster for the `postgres` project's servers (see
 * e2e/support/database.ts), and stops it after the run, also when tests fail. Without
 * PostgreSQL installed, only that project's tests fail, each saying so.
 */
export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  if (postgresBin('initdb') === null) return undefined;
  const cluster = await startThrowawayPostgres({ settings: NO_DURABILITY });
  // Workers inherit the environment global setup leaves.
  process.env.E2E_POSTGRES_BASE = cluster.base;
  return () => cluster.stop();
}
