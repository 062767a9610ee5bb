import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import type { SqliteConnection } from './database';

/**
 * A database file as a whole, for backups and restores: copied live, checked, and tested for
 * being in use. A server's own connection comes from openDatabase; these open files beside it.
 */

/**
 * Copies a database with SQLite's online backup API, never a copy of its files: the copy is
 * one consistent moment of it, with what is still in the WAL, while the server goes on writing.
 * `pagesPerStep` pages are copied at a time between other work; when another process writes
 * meanwhile, SQLite starts the copy again, so a process other than the server copies all at
 * once (its read transaction does not hold up the server's writes in WAL mode). The copy is
 * left in rollback-journal mode, so it opens read-only without -wal and -shm files beside it.
 */
export async function copyDatabase(db: SqliteConnection, file: string, pagesPerStep: number): Promise<void> {
  await db.backup(file, { progress: () => pagesPerStep });
  useRollbackJournal(file);
}

/** Opens an existing database file to copy it, without changing it; throws when there is none. */
export function openToCopy(file: string): SqliteConnection {
  const db = new BetterSqlite3(file, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

export type FileCheck = { problem: string; schemaVersion: null } | { problem: null; schemaVersion: number };

/**
 * What `PRAGMA integrity_check` finds in a database file (opened read-only, so it is not changed)
 * and, when it finds nothing, the schema version: how many migrations it has had.
 */
export function checkDatabaseFile(file: string): FileCheck {
  let db: SqliteConnection | undefined;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    const found = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    if (found.length !== 1 || found[0] !== 'ok') return { problem: found.slice(0, 5).join('; '), schemaVersion: null };
    return { problem: null, schemaVersion: db.pragma('user_version', { simple: true }) as number };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error), schemaVersion: null };
  } finally {
    db?.close();
  }
}

/**
 * Puts a database file that may be in WAL mode (a copy of a live one) in rollback-journal mode,
 * so that checking it read-only leaves no -wal and -shm files. Throws for a file that is not a
 * database.
 */
export function useRollbackJournal(file: string): void {
  const db = new BetterSqlite3(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/**
 * Whether another connection (a running server, a command) has the database open: it takes an
 * exclusive lock without waiting, which SQLite refuses while any connection holds the file in
 * WAL mode, and writes nothing. A file that is missing, or not a database, is in nobody's use
 * that matters. Closing the probe, as the last connection, folds a crashed server's WAL into
 * the file.
 */
export function databaseInUse(file: string): boolean {
  if (!existsSync(file)) return false;
  const db = new BetterSqlite3(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('ROLLBACK');
    return false;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
  } finally {
    db.close();
  }
}
