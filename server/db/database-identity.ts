import { randomBytes } from 'node:crypto';
import { prepared, type Database } from './database';

/**
 * The database's random identity (22 base64url characters, 128 bits), sent with every sync
 * answer. It changes only when a backup is restored, which tells kiosks to send again what they
 * keep of the responses the server acknowledged.
 */
export function databaseId(db: Database): string {
  return prepared(db, 'SELECT id FROM database_identity WHERE only_row = 1').pluck().get() as string;
}

/** Gives the database a new random identity (after a restore) and returns it. */
export function renewDatabaseId(db: Database): string {
  const id = randomBytes(16).toString('base64url');
  db.prepare('INSERT INTO database_identity (only_row, id) VALUES (1, ?) ON CONFLICT (only_row) DO UPDATE SET id = excluded.id').run(id);
  return id;
}
