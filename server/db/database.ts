import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
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

export type Database = BetterSqlite3.Database;

/** The database's file in the data folder. */
export const DATABASE_FILE = 'feedback.sqlite';

// In order, named as their files; the database's user_version says how many have been applied.
// A migration is SQL, or a function for one that must also compute (a backfill).
const MIGRATIONS: [name: string, migration: string | ((db: Database) => void)][] = [
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
];

/** The schema version this release brings a database to: how many migrations it knows. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Opens (or creates) the SQLite file in dataDir, in WAL mode so readers never block the
 * writer, and applies the migrations it has not had yet, each in its own transaction.
 */
export function openDatabase(dataDir: string, fileName = DATABASE_FILE): Database {
  mkdirSync(dataDir, { recursive: true });
  const db = new BetterSqlite3(join(dataDir, fileName));
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
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

const statements = new WeakMap<Database, Map<string, BetterSqlite3.Statement>>();

/** A prepared statement, prepared once per connection: the hot paths run them per request. */
export function prepared(db: Database, sql: string): BetterSqlite3.Statement {
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
  return typeof code === 'string' && /^SQLITE_(FULL|READONLY|IOERR|BUSY|LOCKED|CANTOPEN)/.test(code);
}

/** Whether every migration this release knows has been applied to the database. */
export function migrationsApplied(db: Database): boolean {
  return db.pragma('user_version', { simple: true }) === MIGRATIONS.length;
}

/**
 * Why the database does not take a write now, or null when it does: rewrites its schema version
 * with the value it has, a real write transaction through the WAL to disk that changes nothing.
 * Fails on a read-only file, a full disk or a lock held too long.
 */
export function writeProblem(db: Database): string | null {
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    db.pragma(`user_version = ${version}`);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Applies the migrations the database has not had, each in its own transaction with the schema
 * version it brings: one that fails is rolled back whole, the database stays as the last good
 * one left it, and the server does not start, saying which migration failed and why.
 */
function migrate(db: Database): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  if (applied > MIGRATIONS.length) {
    throw new Error(`The database has schema version ${applied}, newer than this server knows (${MIGRATIONS.length}).`);
  }
  MIGRATIONS.slice(applied).forEach(([name, migration], i) => {
    try {
      db.transaction(() => {
        if (typeof migration === 'string') db.exec(migration);
        else migration(db);
        db.pragma(`user_version = ${applied + i + 1}`);
      })();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Migration ${name} failed, so the server did not start: ${reason}. The database is as it was before it (schema version ${applied + i}).`, { cause: error });
    }
  });
}
