/**
 * A backup now, as the server makes every night (same BACKUP_* settings), also while the server
 * runs: SQLite's online backup API copies one consistent moment of the database.
 *   npm run backup
 * It deletes no older backup: a backup made before an upgrade stays until the server's nightly
 * rotation, which keeps the newest of each day.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_PAGES, makeBackup } from '../backup/make-backup';
import { readConfig } from '../config';
import { DATABASE_FILE, sqliteDatabase } from '../db/database';
import { openToCopy } from '../db/database-file';

const config = readConfig();
const file = join(config.dataDir, DATABASE_FILE);
if (!existsSync(file)) {
  console.error(`There is no database at ${file}: check DATA_DIR.`);
  process.exit(2);
}
const connection = openToCopy(file);
try {
  const made = await makeBackup(sqliteDatabase(connection, file), config.backup, new Date(), ALL_PAGES);
  console.log(`Backup written and checked: ${made.file} (${made.bytes} bytes, ${made.encrypted ? 'encrypted' : 'not encrypted: BACKUP_PASSPHRASE is not set'}).`);
} catch (error) {
  console.error(`Backup failed, and no backup file was left: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  connection.close();
}
