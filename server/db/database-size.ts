import { statSync } from 'node:fs';
import type { Database } from './database';

/**
 * The bytes the database takes on disk: its file and its write-ahead log, which holds recent
 * commits until a checkpoint writes them back (and can grow large if one cannot run).
 */
export function databaseSizeBytes(db: Database): number {
  return [db.name, `${db.name}-wal`].reduce((total, file) => total + (statSync(file, { throwIfNoEntry: false })?.size ?? 0), 0);
}
