import { randomBytes } from 'node:crypto';
import type { SqliteConnection } from '../database';

/**
 * A random identity for this database, made once when the table is created. A restore gives the
 * database a new one, so a kiosk that sees the identity change in a sync answer knows the server
 * may have lost what it acknowledged since the backup, and sends its kept copies again. 128
 * random bits and nothing else: it says nothing about the server, the time or the place.
 */
// IF NOT EXISTS and OR IGNORE: applying it again (as the upgrade tests do) keeps the identity.
export default function databaseIdentity(db: SqliteConnection): void {
  db.exec(/* sql */ `
    CREATE TABLE IF NOT EXISTS database_identity (
      only_row  INTEGER PRIMARY KEY CHECK (only_row = 1),
      id        TEXT    NOT NULL
    );
  `);
  db.prepare('INSERT OR IGNORE INTO database_identity (only_row, id) VALUES (1, ?)').run(randomBytes(16).toString('base64url'));
}
