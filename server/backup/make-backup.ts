import { closeSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from '../db/database';
import { checkDatabaseFile, copyDatabase } from '../db/database-file';
import { backupFileName } from './backup-name';
import { makePostgresBackup } from './make-postgres-backup';
import { partialPath, placeBackup } from './place-backup';

export interface BackupSettings {
  backupDir: string;
  /** Encrypt each backup with a key derived from this; null writes plain files (SQLite, or pg_dump's archive). */
  passphrase: string | null;
}

export interface MadeBackup {
  file: string;
  at: Date;
  bytes: number;
  encrypted: boolean;
}

/** Copy this many pages (4 KiB each) between other work when the server backs up its own SQLite database. */
export const SERVER_PAGES_PER_STEP = 1024;
/** All at once: see copyDatabase. */
export const ALL_PAGES = 0x7fffffff;

/**
 * Backs up the database into the backup folder: copied with SQLite's online backup API, checked
 * with PRAGMA integrity_check, encrypted when there is a passphrase, and only then given its
 * name, by a rename. The folder is made readable by its owner only, and so is every file in it.
 * A backup that fails leaves no file behind and throws. A PostgreSQL database is backed up with
 * pg_dump instead (see makePostgresBackup).
 */
export async function makeBackup(db: Database, settings: BackupSettings, now: Date, pagesPerStep: number): Promise<MadeBackup> {
  if (db.url !== null) return makePostgresBackup(db.url, settings, now);
  if (!db.sqlite) throw new Error('The database is neither a SQLite file nor a PostgreSQL URL');
  const { backupDir, passphrase } = settings;
  const { connection, file: databaseFile } = db.sqlite;
  mkdirSync(backupDir, { recursive: true, mode: 0o700 });
  const encrypted = passphrase !== null;
  const name = backupFileName(now, 'sqlite', encrypted);
  // A copy to be encrypted is made beside the database, never in the backup folder: that may be
  // a network share or snapshotted, and must only ever hold encrypted files.
  const copy = partialPath(encrypted ? dirname(databaseFile) : backupDir, name, 'copy');
  const sealed = encrypted ? partialPath(backupDir, name, 'sealed') : copy;
  try {
    // Made first with the owner's rights alone: SQLite writes into it and keeps its mode.
    closeSync(openSync(copy, 'wx', 0o600));
    await copyDatabase(connection, copy, pagesPerStep);
    const check = checkDatabaseFile(copy);
    if (check.problem !== null) throw new Error(`The copy failed its integrity check: ${check.problem}`);
    return await placeBackup(copy, sealed, { backupDir, name, passphrase, now });
  } catch (error) {
    for (const path of new Set([copy, `${copy}-journal`, sealed])) rmSync(path, { force: true });
    throw error;
  }
}
