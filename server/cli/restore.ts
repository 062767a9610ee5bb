/**
 * Restores a backup into the data folder of a stopped server:
 *   npm run restore -- FILE
 * An encrypted backup needs BACKUP_PASSPHRASE. A file that fails its check, is encrypted with
 * another passphrase, or comes from a newer release is refused, and nothing is changed. With
 * DATABASE_URL set it restores a pg_dump backup into that PostgreSQL database instead, once every
 * server instance using it is stopped.
 */
import { resolve } from 'node:path';
import { restoreBackup } from '../backup/restore-backup';
import { restorePostgresBackup } from '../backup/restore-postgres-backup';
import { readConfig } from '../config';

const [file, extra] = process.argv.slice(2);
if (!file || extra !== undefined) {
  console.error('Usage: npm run restore -- FILE   (a backup from BACKUP_DIR; stop the server first, every instance of it)');
  process.exit(2);
}
const config = readConfig();

async function restoreIntoPostgres(url: string): Promise<void> {
  console.log('Restoring into the PostgreSQL database of DATABASE_URL. Every server instance that uses it must be stopped first: a restore refuses while another connection is open.');
  let outcome;
  try {
    outcome = await restorePostgresBackup(resolve(file!), { url, passphrase: config.backup.passphrase, firstUnitName: config.firstUnitName });
  } catch (error) {
    console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  if (!outcome.restored) {
    console.error(`Not restored: ${outcome.message}\nNothing in the database was changed.`);
    process.exit(1);
  }
  console.log(`Restored ${file} into the PostgreSQL database (schema version ${outcome.schemaVersion}).`);
  if (outcome.droppedTables.length > 0) console.log(`Tables made by a later release than the backup's were emptied: ${outcome.droppedTables.join(', ')}.`);
  console.log('The database has a new identity, which kiosks see at their next sync. Start the server instances.');
}

async function restoreIntoDataFolder(): Promise<void> {
  const outcome = await restoreBackup(resolve(file!), { dataDir: config.dataDir, passphrase: config.backup.passphrase, firstUnitName: config.firstUnitName }, new Date());
  if (!outcome.restored) {
    console.error(`Not restored: ${outcome.message}\nNothing in ${config.dataDir} was changed.`);
    process.exit(1);
  }
  console.log(`Restored ${file} into ${outcome.databaseFile} (schema version ${outcome.schemaVersion}).`);
  if (outcome.replacedKeptAs) console.log(`The database it replaced is kept as ${outcome.replacedKeptAs}; delete it once the restore is confirmed.`);
  console.log('The database has a new identity, which kiosks see at their next sync. Start the server.');
}

await (config.database ? restoreIntoPostgres(config.database.url) : restoreIntoDataFolder());
