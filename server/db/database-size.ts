import { statSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Database } from './database';

/**
 * The bytes the database takes on disk: its file and its write-ahead log, which holds recent
 * commits until a checkpoint writes them back (and can grow large if one cannot run).
 */
export function databaseSizeBytes(db: Database): number {
  return [db.name, `${db.name}-wal`].reduce((total, file) => total + (statSync(file, { throwIfNoEntry: false })?.size ?? 0), 0);
}

/** The bytes free to this process on the disk the database is on, or null when that cannot be read. */
export async function freeDiskBytes(db: Database): Promise<number | null> {
  return statfs(dirname(db.name)).then(
    (disk) => disk.bavail * disk.bsize,
    () => null,
  );
}
