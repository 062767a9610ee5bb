/**
 * A backup now, as the server makes every night (same BACKUP_* settings), also while the server
 * runs: SQLite's online backup API copies one consistent moment of the database, and on
 * PostgreSQL (DATABASE_URL set) pg_dump does.
 *   npm run backup
 * It deletes no older backup: a backup made before an upgrade stays until the server's nightly
 * rotation, which keeps the newest of each day.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_PAGES, makeBackup, type MadeBackup } from '../backup/make-backup';
import { makePostgresBackup } from '../backup/make-postgres-backup';
import { readConfig } from '../config';
import { DATABASE_FILE, sqliteDatabase } from '../db/database';
import { openToCopy } from '../db/database-file';

const config = readConfig();

async function backUpSqlite(): Promise<MadeBackup> {
  const file = join(config.dataDir, DATABASE_FILE);
  if (!existsSync(file)) {
    console.error(`There is no database at ${file}: check DATA_DIR.`);
    process.exit(2);
  }
  const connection = openToCopy(file);
  try {
    return await makeBackup(sqliteDatabase(connection, file), config.backup, new Date(), ALL_PAGES);
  } finally {
    connection.close();
  }
}

try {
  const made = config.database ? await makePostgresBackup(config.database.url, config.backup, new Date()) : await backUpSqlite();
  console.log(`Backup written and checked: ${made.file} (${made.bytes} bytes, ${made.encrypted ? 'encrypted' : 'not encrypted: BACKUP_PASSPHRASE is not set'}).`);
} catch (error) {
  console.error(`Backup failed, and no backup file was left: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
