/**
 * The PostgreSQL the benchmarks compare with SQLite: a throwaway cluster (server/test-postgres.ts)
 * kept as durable as SQLite's synchronous=FULL (fsync and synchronous_commit stay on: a commit is
 * on disk before a kiosk hears "accepted"), with the cache a small dedicated server would give it.
 */
import pg from 'pg';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../server/test-postgres';

const SETTINGS = { shared_buffers: '256MB', max_connections: '200' };

export interface BenchmarkPostgres extends ThrowawayPostgres {
  /** What it runs with, read back from the cluster, for the benchmark's output. */
  description: string;
}

async function query<Row>(url: string, text: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row & pg.QueryResultRow>(text)).rows;
  } finally {
    await client.end();
  }
}

export async function startBenchmarkPostgres(): Promise<BenchmarkPostgres> {
  const cluster = await startThrowawayPostgres({ settings: SETTINGS });
  try {
    const names = ['server_version', 'fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'max_connections'];
    const rows = await query<{ name: string; setting: string }>(
      cluster.url,
      `SELECT name, current_setting(name) AS setting FROM pg_settings WHERE name IN (${names.map((n) => `'${n}'`).join(', ')})`,
    );
    const setting = new Map(rows.map((row) => [row.name, row.setting]));
    const description =
      `PostgreSQL ${setting.get('server_version')} on loopback with ` +
      names.slice(1).map((name) => `${name}=${setting.get(name)}`).join(', ') +
      ', the rest as the package ships it';
    return { ...cluster, description };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

/**
 * VACUUM ANALYZE after a bulk fill: what autovacuum does by itself a minute after a load, done at
 * once so it neither runs in the middle of a measurement nor leaves the planner without statistics.
 */
export async function vacuumAnalyze(url: string): Promise<void> {
  await query(url, 'VACUUM (ANALYZE)');
}
