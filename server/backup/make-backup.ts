import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { syncFolder } from './sync-folder';
import { dirname, join } from 'node:path';
import type { Database } from '../db/database';
import { checkDatabaseFile, copyDatabase } from '../db/database-file';
import { PARTIAL_SUFFIX } from './backup-folder';
import { encryptFile } from './backup-encryption';
import { backupFileName } from './backup-name';
import { makePostgresBackup } from './make-postgres-backup';

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
  const partial = (folder: string, kind: string) => join(folder, `${name}.${kind}-${randomBytes(6).toString('hex')}${PARTIAL_SUFFIX}`);
  // A copy to be encrypted is made beside the database, never in the backup folder: that may be
  // a network share or snapshotted, and must only ever hold encrypted files.
  const copy = partial(encrypted ? dirname(databaseFile) : backupDir, 'copy');
  const sealed = encrypted ? partial(backupDir, 'sealed') : copy;
  try {
    // Made first with the owner's rights alone: SQLite writes into it and keeps its mode.
    closeSync(openSync(copy, 'wx', 0o600));
    await copyDatabase(connection, copy, pagesPerStep);
    const check = checkDatabaseFile(copy);
    if (check.problem !== null) throw new Error(`The copy failed its integrity check: ${check.problem}`);
    if (encrypted) {
      await encryptFile(copy, sealed, passphrase);
      rmSync(copy);
    } else {
      const fd = openSync(copy, 'r+');
      fsyncSync(fd);
      closeSync(fd);
    }
    chmodSync(sealed, 0o600);
    const file = join(backupDir, name);
    renameSync(sealed, file);
    syncFolder(backupDir);
    return { file, at: now, bytes: statSync(file).size, encrypted };
  } catch (error) {
    for (const path of new Set([copy, `${copy}-journal`, sealed])) rmSync(path, { force: true });
    throw error;
  }
}
