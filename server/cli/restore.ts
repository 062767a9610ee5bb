/**
 * Restores a backup into the data folder of a stopped server:
 *   npm run restore -- FILE
 * An encrypted backup needs BACKUP_PASSPHRASE. A file that fails its check, is encrypted with
 * another passphrase, or comes from a newer release is refused, and nothing is changed.
 */
import { resolve } from 'node:path';
import { restoreBackup } from '../backup/restore-backup';
import { readConfig } from '../config';

const [file, extra] = process.argv.slice(2);
if (!file || extra !== undefined) {
  console.error('Usage: npm run restore -- FILE   (a backup from BACKUP_DIR; stop the server first)');
  process.exit(2);
}
const config = readConfig();
const outcome = await restoreBackup(resolve(file), { dataDir: config.dataDir, passphrase: config.backup.passphrase }, new Date());
if (!outcome.restored) {
  console.error(`Not restored: ${outcome.message}\nNothing in ${config.dataDir} was changed.`);
  process.exit(1);
}
console.log(`Restored ${file} into ${outcome.databaseFile} (schema version ${outcome.schemaVersion}).`);
if (outcome.replacedKeptAs) console.log(`The database it replaced is kept as ${outcome.replacedKeptAs}; delete it once the restore is confirmed.`);
console.log('The database has a new identity, which kiosks see at their next sync. Start the server.');
