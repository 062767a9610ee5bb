import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseBackupName, type BackupName } from './backup-name';
import { backupsToKeep, type Rotation } from './backup-rotation';

/**
 * A file being written ends so (or so and -journal, SQLite's while it copies); it gets its
 * backup name only once it is complete and checked.
 */
export const PARTIAL_SUFFIX = '.partial';
const PARTIAL = /\.partial(-journal)?$/;
// A partial file this old was left by a process that was killed while writing it.
const STALE_PARTIAL_MS = 6 * 60 * 60 * 1000;

export interface BackupFile extends BackupName {
  path: string;
}

/** The backups in a folder, newest first; files with other names are not backups. */
export function listBackups(backupDir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(backupDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .map((name) => parseBackupName(name))
    .filter((backup) => backup !== null)
    .map((backup) => ({ ...backup, path: join(backupDir, backup.name) }))
    .sort((a, b) => b.at.getTime() - a.at.getTime());
}

/**
 * When the last good backup was made, or null when there is none: a file gets its backup name
 * only after it was written and checked, so the newest name is the last backup that worked.
 */
export function lastBackupAt(backupDir: string): Date | null {
  return listBackups(backupDir)[0]?.at ?? null;
}

/** Reads the last backup's time; a folder that cannot be read counts as holding none, with a log line. */
export function lastBackupOrNone(read: () => Date | null, log: { warn(details: object, message: string): void }): Date | null {
  try {
    return read();
  } catch (error) {
    log.warn({ err: { message: error instanceof Error ? error.message : String(error) } }, 'the backup folder cannot be read');
    return null;
  }
}

/** Deletes the backups the rotation does not keep, and partial files left by a killed process; returns the names deleted. */
export function pruneBackups(backupDir: string, rotation: Rotation, now: Date): string[] {
  const backups = listBackups(backupDir);
  const kept = new Set(backupsToKeep(backups, rotation));
  const removed = backups.filter((backup) => !kept.has(backup)).map((backup) => backup.name);
  for (const name of readdirSync(backupDir)) {
    if (PARTIAL.test(name) && now.getTime() - statSync(join(backupDir, name)).mtimeMs > STALE_PARTIAL_MS) removed.push(name);
  }
  for (const name of removed) rmSync(join(backupDir, name), { force: true });
  return removed;
}
