import { sql, type Kysely } from 'kysely';
import type { Database, SqliteConnection } from './database';
import type { Tables } from './tables';

// The jobs of each SQLite file, one after another.
const jobsRunning = new WeakMap<SqliteConnection, Promise<unknown>>();

export type JobOutcome = 'ran' | 'ran-today-already' | 'running-elsewhere';

/**
 * Runs a daily job (the backup, retention) at most once per date however many server instances
 * share the database: the first to get to it runs it, and records the date it ran for.
 * - PostgreSQL: the instance holds an advisory lock while it runs the job, on a connection of
 *   its own (released with it, also when the process dies); another instance that tries
 *   meanwhile skips, and one that comes later the same day finds the date recorded.
 * - SQLite: one server process owns the file; its jobs run one after another, and the recorded
 *   date is the rule.
 * A job that fails records nothing, so the next try runs it again.
 */
export async function runOncePerDay(db: Database, job: string, date: string, work: () => Promise<void>): Promise<JobOutcome> {
  if (db.sqlite) {
    const { connection } = db.sqlite;
    const turn = (jobsRunning.get(connection) ?? Promise.resolve()).then(() => runIfNotRun(db.q, job, date, work));
    jobsRunning.set(connection, turn.catch(() => {}));
    return turn;
  }
  return db.q.connection().execute(async (connection) => {
    const lock = sql`hashtext(${`day-centre-feedback:${job}`})`;
    const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_lock(${lock}) AS locked`.execute(connection);
    if (!rows[0]?.locked) return 'running-elsewhere';
    try {
      return await runIfNotRun(connection, job, date, work);
    } finally {
      await sql`SELECT pg_advisory_unlock(${lock})`.execute(connection);
    }
  });
}

async function runIfNotRun(q: Kysely<Tables>, job: string, date: string, work: () => Promise<void>): Promise<JobOutcome> {
  const last = await q.selectFrom('job_runs').select('ran_on').where('job', '=', job).executeTakeFirst();
  if (last && last.ran_on >= date) return 'ran-today-already';
  await work();
  await q
    .insertInto('job_runs')
    .values({ job, ran_on: date })
    .onConflict((oc) => oc.column('job').doUpdateSet({ ran_on: date }))
    .execute();
  return 'ran';
}
