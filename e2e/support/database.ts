import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { test } from '@playwright/test';
import { postgresBin } from '../../server/backup/postgres-tools';

/**
 * Where an end-to-end test's server keeps its data: the SQLite file in its data folder, or in the
 * `postgres` project (playwright.config.ts) a database of its own in the run's throwaway
 * PostgreSQL cluster (e2e/support/global-setup.ts), named after the data folder so a restarted
 * server finds its data again. Tests read and write it through these helpers, the same on both.
 */

/** Whether the running test is in the `postgres` project; benchmarks outside Playwright run on SQLite. */
function inPostgresProject(): boolean {
  try {
    return test.info().project.name === 'postgres';
  } catch {
    return false;
  }
}

// The database URL of each data folder whose server runs on PostgreSQL.
const urls = new Map<string, string>();

/** DATABASE_URL for a server on this data folder, or nothing for SQLite; makes the database when needed. */
export async function databaseEnvironment(dataDir: string): Promise<Record<string, string>> {
  if (!inPostgresProject()) return {};
  const base = process.env.E2E_POSTGRES_BASE;
  if (!base) throw new Error('The postgres project needs the PostgreSQL cluster of e2e/support/global-setup.ts (is PostgreSQL installed?)');
  const name = `e2e_${createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 24)}`;
  if (!urls.has(dataDir)) {
    const admin = new pg.Client({ connectionString: `${base}/postgres` });
    await admin.connect();
    try {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    urls.set(dataDir, `${base}/${name}`);
  }
  return { DATABASE_URL: urls.get(dataDir)! };
}

/** The environment for the command line on a server's data: its folder and, on PostgreSQL, its database. */
export function commandEnvironment(dataDir: string): NodeJS.ProcessEnv {
  const url = urls.get(dataDir);
  return { ...process.env, DATA_DIR: dataDir, ...(url ? { DATABASE_URL: url } : {}) };
}

const literal = (value: unknown) => (value === null ? 'NULL' : typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`);

/**
 * Runs SQL (with `?` for each value) on a server's database and gives the rows: SQLite directly,
 * PostgreSQL through psql, so the helpers stay synchronous for expect.poll and friends.
 */
export function querySync<Row>(dataDir: string, text: string, values: unknown[] = []): Row[] {
  const url = urls.get(dataDir);
  if (!url) {
    const db = new BetterSqlite3(resolve(dataDir, 'feedback.sqlite'));
    try {
      const statement = db.prepare(text);
      return statement.reader ? (statement.all(...values) as Row[]) : (statement.run(...values), []);
    } finally {
      db.close();
    }
  }
  let i = 0;
  const inlined = text.replace(/\?/g, () => literal(values[i++]));
  const bin = postgresBin('psql');
  const psql = bin ? join(bin, 'psql') : 'psql';
  const isQuery = /^\s*select/i.test(inlined);
  const command = isQuery ? `SELECT coalesce(json_agg(t), '[]') FROM (${inlined}) t` : inlined;
  const output = execFileSync(psql, ['--no-psqlrc', '-X', '-At', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', command], { encoding: 'utf8' });
  return isQuery ? (JSON.parse(output) as Row[]) : [];
}
