import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Tables } from './tables';
import initial from './migrations/001-initial';
import coordinatorArea from './migrations/002-coordinator-area';
import answerCounts from './migrations/003-answer-counts';
import responsesByDate from './migrations/004-responses-by-date';
import formDrafts from './migrations/005-form-drafts';
import previewLinkMaker from './migrations/006-preview-link-maker';
import responseIdOnce from './migrations/007-response-id-once';
import commentsWithoutOrder from './migrations/008-comments-without-order';
import publishedAgeGroups from './migrations/009-published-age-groups';
import databaseIdentity from './migrations/010-database-identity';
import madeReceivedCounts from './migrations/011-made-received-counts';
import sharedByInstances from './migrations/012-shared-by-instances';
import units from './migrations/013-units';
import noticesAndHours from './migrations/014-notices-and-hours';

/** A SQLite file's own connection: for its pragmas, migrations, backups and copies. */
export type SqliteConnection = BetterSqlite3.Database;

/**
 * The server's database, SQLite or PostgreSQL, as every function in server/db takes it. Queries
 * go through `q`, the query layer (Kysely), the same on both; inside `inTransaction` it is the
 * transaction's. Functions run in the caller's transaction when there is one.
 */
export interface Database {
  readonly dialect: 'sqlite' | 'postgres';
  readonly q: Kysely<Tables>;
  /** Whether `q` is a transaction's. */
  readonly inTransaction: boolean;
  /** SQLite: the file's connection and its path; null on PostgreSQL. */
  readonly sqlite: { connection: SqliteConnection; file: string } | null;
  /** PostgreSQL: the connection URL (for pg_dump and pg_restore); null on SQLite. */
  readonly url: string | null;
  /** Closes the connection or the pool; the transaction's view of a database does not close it. */
  close(): Promise<void>;
}

/** The database's file in the data folder. */
export const DATABASE_FILE = 'feedback.sqlite';

// In order, named as their files; the database's user_version says how many have been applied.
// A migration is SQL, or a function for one that must also compute (a backfill).
const MIGRATIONS: [name: string, migration: string | ((db: SqliteConnection, context: MigrationContext) => void)][] = [
  ['001-initial', initial],
  ['002-coordinator-area', coordinatorArea],
  ['003-answer-counts', answerCounts],
  ['004-responses-by-date', responsesByDate],
  ['005-form-drafts', formDrafts],
  ['006-preview-link-maker', previewLinkMaker],
  ['007-response-id-once', responseIdOnce],
  ['008-comments-without-order', commentsWithoutOrder],
  ['009-published-age-groups', publishedAgeGroups],
  ['010-database-identity', databaseIdentity],
  ['011-made-received-counts', madeReceivedCounts],
  ['012-shared-by-instances', sharedByInstances],
  ['013-units', units],
  ['014-notices-and-hours', noticesAndHours],
];

/** What a migration may need from the configuration. */
export interface MigrationContext {
  /** The name of the unit a database from before units (or a new one) starts with (UNIT_NAME). */
  firstUnitName?: string | undefined;
}

/** The schema version this release brings a database to: how many migrations it knows. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Opens (or creates) the SQLite file in dataDir, in WAL mode so readers never block the
 * writer, and applies the migrations it has not had yet, each in its own transaction.
 */
export function openDatabase(dataDir: string, fileName = DATABASE_FILE, context: MigrationContext = {}): Database {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, fileName);
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  // FULL: every commit is on disk before the kiosk hears "accepted" and deletes its copy, so
  // not even a power cut loses an acknowledged response (NORMAL would survive only crashes).
  db.pragma('synchronous = FULL');
  // Checkpoint every ~40 MB of WAL rather than 4 MB: fewer fsyncs of the main file, and
  // random-key inserts dirty many pages.
  db.pragma('wal_autocheckpoint = 10000');
  // 64 MB of page cache (the default is 2 MB): the random-keyed responses table and its id
  // index stay in memory for a welfare area's years of data, so an insert seldom reads.
  db.pragma('cache_size = -65536');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  try {
    migrate(db, context);
  } catch (error) {
    db.close();
    throw error;
  }
  return sqliteDatabase(db, file);
}

/**
 * The server's database as configured: PostgreSQL when a URL is given (brought to this release's
 * schema), else the SQLite file in dataDir.
 */
export async function openConfiguredDatabase(dataDir: string, postgres: { url: string; poolSize: number } | null, context: MigrationContext = {}): Promise<Database> {
  if (!postgres) return openDatabase(dataDir, DATABASE_FILE, context);
  // Loaded only when asked for: a server on SQLite never loads the PostgreSQL driver.
  const { openPostgresDatabase } = await import('./postgres/migrate');
  return openPostgresDatabase(postgres.url, { poolSize: postgres.poolSize, ...context });
}

/**
 * The query layer on an open SQLite connection. Kysely runs one query at a time on it, and a
 * transaction holds it until it ends, so no other request's statement can land inside another's
 * transaction. Statements are prepared once per connection (the hot paths run them per request).
 */
export function sqliteDatabase(connection: SqliteConnection, file: string): Database {
  const q = new Kysely<Tables>({
    dialect: new SqliteDialect({ database: { close: () => connection.close(), prepare: (text: string) => statementFor(connection, text) } }),
  });
  // Kysely closes the connection only if it has used it; a database opened and closed unused is closed here.
  const close = async () => {
    await q.destroy();
    if (connection.open) connection.close();
  };
  return { dialect: 'sqlite', q, inTransaction: false, sqlite: { connection, file }, url: null, close };
}

// Some faults (a full disk, an I/O error, a failed commit) make SQLite roll a transaction back by
// itself: the ROLLBACK that Kysely then sends would fail and hide the fault (the answer would be
// a 500, not a 503), so it does nothing there.
const NOTHING_TO_ROLL_BACK = { reader: false, run: () => ({ changes: 0, lastInsertRowid: 0 }) };
const statementFor = (connection: SqliteConnection, text: string) =>
  text === 'rollback' && !connection.inTransaction ? (NOTHING_TO_ROLL_BACK as unknown as BetterSqlite3.Statement) : prepared(connection, text);

/**
 * Runs `work` in a transaction, committed when it resolves and rolled back when it throws. In a
 * transaction already, `work` joins it: the outer one commits or rolls back the whole.
 */
export async function inTransaction<T>(db: Database, work: (trx: Database) => Promise<T>): Promise<T> {
  if (db.inTransaction) return work(db);
  return db.q.transaction().execute((trx) => work({ ...db, q: trx, inTransaction: true, close: async () => {} }));
}

/**
 * In a transaction on PostgreSQL, waits until no other transaction holds this key, and holds it
 * until the end of this one: a check-then-write by two server instances at once is then one after
 * the other. On SQLite one connection writes at a time, which already is so.
 */
export async function holdUntilCommit(trx: Database, key: string): Promise<void> {
  if (!trx.inTransaction) throw new Error('holdUntilCommit needs a transaction');
  if (trx.dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(hashtext(${`day-centre-feedback:${key}`}))`.execute(trx.q);
}

const statements = new WeakMap<SqliteConnection, Map<string, BetterSqlite3.Statement>>();

/** A prepared statement, prepared once per connection: the hot paths run them per request. */
export function prepared(db: SqliteConnection, sql: string): BetterSqlite3.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}

/**
 * Whether an error says the database cannot store anything for now: a full disk (or a size
 * limit), a read-only file, an I/O fault, a lock held too long. A caller answers "try again
 * later": nothing was stored, and it can be, once the operator has put it right.
 */
export function storageUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    if (/^SQLITE_(FULL|READONLY|IOERR|BUSY|LOCKED|CANTOPEN)/.test(code)) return true;
    // PostgreSQL: no connection (08), out of disk or memory (53), shutting down or starting (57P),
    // a read-only standby (25006); and the network's own faults on the way to it.
    if (/^(08|53|57P0[1-3]|25006)/.test(code)) return true;
    if (/^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EPIPE|EAI_AGAIN)$/.test(code)) return true;
  }
  // node-postgres says these in words: a pool with no connection to give, a connection cut.
  const message = error instanceof Error ? error.message : '';
  return /timeout exceeded when trying to connect|Connection terminated|connection not available|Client has encountered a connection error/i.test(message);
}

/** Whether every migration this release knows has been applied to the database. */
export function migrationsApplied(db: SqliteConnection): boolean {
  return db.pragma('user_version', { simple: true }) === MIGRATIONS.length;
}

/**
 * Why the database does not take a write now, or null when it does: rewrites its schema version
 * with the value it has, a real write transaction through the WAL to disk that changes nothing.
 * Fails on a read-only file, a full disk or a lock held too long.
 */
export function writeProblem(db: SqliteConnection): string | null {
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    db.pragma(`user_version = ${version}`);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Why the database does not take a write now, or null when it does. SQLite: a real write that
 * changes nothing (writeProblem). PostgreSQL: asks the server, which answers only if it can be
 * reached, and says whether it takes writes (a read-only standby, or a database set read-only,
 * does not).
 */
export async function databaseWriteProblem(db: Database): Promise<string | null> {
  if (db.sqlite) return writeProblem(db.sqlite.connection);
  try {
    const { rows } = await sql<{ writable: boolean }>`SELECT NOT pg_is_in_recovery() AND current_setting('transaction_read_only') = 'off' AS writable`.execute(db.q);
    return rows[0]?.writable ? null : 'the PostgreSQL database is read-only';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Applies the migrations the database has not had, each in its own transaction with the schema
 * version it brings: one that fails is rolled back whole, the database stays as the last good
 * one left it, and the server does not start, saying which migration failed and why.
 */
function migrate(db: SqliteConnection, context: MigrationContext): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  if (applied > MIGRATIONS.length) {
    throw new Error(`The database has schema version ${applied}, newer than this server knows (${MIGRATIONS.length}).`);
  }
  MIGRATIONS.slice(applied).forEach(([name, migration], i) => {
    try {
      db.transaction(() => {
        if (typeof migration === 'string') db.exec(migration);
        else migration(db, context);
        db.pragma(`user_version = ${applied + i + 1}`);
      })();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Migration ${name} failed, so the server did not start: ${reason}. The database is as it was before it (schema version ${applied + i}).`, { cause: error });
    }
  });
}
