import type { Database } from '../db/database';

/**
 * A backup's file name says when it was made (UTC, to the second), of which database and whether
 * it is encrypted: feedback-2026-12-02T010000Z.sqlite (a SQLite file) or .pgdump (pg_dump's custom
 * format), each with .enc after it when encrypted. The name is what rotation and the age of the
 * last backup go by, so copying a file keeps its place.
 */
const NAME = /^feedback-(\d{4})-(\d{2})-(\d{2})T(\d{2})(\d{2})(\d{2})Z\.(sqlite|pgdump)(\.enc)?$/;

const EXTENSION: Record<Database['dialect'], string> = { sqlite: 'sqlite', postgres: 'pgdump' };

export interface BackupName {
  name: string;
  /** When the backup was made, to the second. */
  at: Date;
  /** The database it is a backup of. */
  dialect: Database['dialect'];
  encrypted: boolean;
}

export function backupFileName(at: Date, dialect: Database['dialect'], encrypted: boolean): string {
  const stamp = at.toISOString().slice(0, 19).replace(/:/g, '');
  return `feedback-${stamp}Z.${EXTENSION[dialect]}${encrypted ? '.enc' : ''}`;
}

/** The time and kind a backup's file name says, or null for a file that is not a backup. */
export function parseBackupName(name: string): BackupName | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const at = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const dialect = match[7] === 'pgdump' ? 'postgres' : 'sqlite';
  const encrypted = match[8] !== undefined;
  // A name such as feedback-2026-02-31T…: not a time this code writes.
  if (backupFileName(at, dialect, encrypted) !== name) return null;
  return { name, at, dialect, encrypted };
}
