import { statSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Database } from './database';

/**
 * The bytes the database takes on disk: its file and its write-ahead log, which holds recent
 * commits until a checkpoint writes them back (and can grow large if one cannot run). Null on
 * PostgreSQL, whose files are the database server's, not this one's.
 */
export function databaseSizeBytes(db: Database): number | null {
  const file = db.sqlite?.file;
  if (!file) return null;
  return [file, `${file}-wal`].reduce((total, path) => total + (statSync(path, { throwIfNoEntry: false })?.size ?? 0), 0);
}

/**
 * The bytes free to this process on the disk the database is on, or null when that cannot be
 * read, and on PostgreSQL, whose disk is the database server's, not this one's.
 */
export async function freeDiskBytes(db: Database): Promise<number | null> {
  const file = db.sqlite?.file;
  if (!file) return null;
  return statfs(dirname(file)).then(
    (disk) => disk.bavail * disk.bsize,
    () => null,
  );
}
