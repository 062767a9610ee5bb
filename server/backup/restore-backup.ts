import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, copyFileSync, constants, existsSync, linkSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { syncFolder } from './sync-folder';
import { basename, join } from 'node:path';
import { DATABASE_FILE, openDatabase, SCHEMA_VERSION } from '../db/database';
import { checkDatabaseFile, databaseInUse, useRollbackJournal } from '../db/database-file';
import { renewDatabaseId } from '../db/database-identity';
import { BackupDecryptError, decryptFile, isEncryptedBackup } from './backup-encryption';
import { backupDialect } from './backup-contents';
import { PARTIAL_SUFFIX } from './backup-folder';

/** Why a backup was not restored; in every case nothing in the data folder (or the PostgreSQL database) was changed. */
export type RestoreRefusal =
  | 'not-found'
  | 'wrong-database'
  | 'passphrase-missing'
  | 'passphrase-wrong'
  | 'unknown-format'
  | 'damaged'
  | 'schema-too-new'
  | 'cannot-upgrade'
  | 'in-use'
  | 'restore-failed';

export type RestoreOutcome =
  | { restored: true; databaseFile: string; replacedKeptAs: string | null; schemaVersion: number; databaseId: string }
  | { restored: false; refusal: RestoreRefusal; message: string };

/** A refusal, thrown on the way and returned as the outcome. */
export class RestoreRefused extends Error {
  constructor(
    readonly refusal: RestoreRefusal,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Restores a backup into the data folder of a stopped server. The backup is decrypted (or
 * copied) into a new file in the data folder, checked with PRAGMA integrity_check, refused if
 * its schema is newer than this release's, brought up to this release's schema and given a new
 * database identity (so kiosks know to send again what they kept). Only then, and only if no
 * server has the database open, it takes the database's name in one rename. The database it
 * replaces is kept beside it as feedback.sqlite.before-restore-<time>, with its WAL if it had
 * one. A refusal changes nothing in the data folder.
 */
export async function restoreBackup(
  file: string,
  { dataDir, passphrase, firstUnitName }: { dataDir: string; passphrase: string | null; firstUnitName?: string | undefined },
  now: Date,
): Promise<RestoreOutcome> {
  if (!existsSync(file) || !statSync(file).isFile()) return { restored: false, refusal: 'not-found', message: `There is no file ${file}.` };
  const databaseFile = join(dataDir, DATABASE_FILE);
  const tempName = `${DATABASE_FILE}.restore-${randomBytes(6).toString('hex')}${PARTIAL_SUFFIX}`;
  const temp = join(dataDir, tempName);
  // The first folder this made, when the data folder did not exist (a new disk): gone again on a refusal.
  let madeFolder: string | undefined;
  try {
    const encrypted = await isEncryptedBackup(file);
    if (encrypted && passphrase === null) {
      throw new RestoreRefused('passphrase-missing', `${basename(file)} is encrypted: set BACKUP_PASSPHRASE to the passphrase it was made with.`);
    }
    madeFolder = mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (encrypted) await decryptTo(file, temp, passphrase!);
    else {
      copyFileSync(file, temp, constants.COPYFILE_EXCL);
      chmodSync(temp, 0o600);
    }
    if ((await backupDialect(temp)) === 'postgres') {
      throw new RestoreRefused('wrong-database', `${basename(file)} is a backup of a PostgreSQL database (pg_dump): restore it with DATABASE_URL set to that database.`);
    }
    const schemaVersion = checkedSchemaVersion(temp, basename(file));
    const databaseId = await upgradeAndRenew(dataDir, tempName, basename(file), firstUnitName);
    if (databaseInUse(databaseFile)) {
      throw new RestoreRefused('in-use', `The database in ${dataDir} is in use: stop the server (and any other command using it) first.`);
    }
    const replacedKeptAs = existsSync(databaseFile) ? keepReplaced(databaseFile, now) : null;
    giveOwnerOf(existsSync(databaseFile) ? databaseFile : dataDir, temp);
    renameSync(temp, databaseFile);
    syncFolder(dataDir);
    return { restored: true, databaseFile, replacedKeptAs, schemaVersion, databaseId };
  } catch (error) {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${temp}${suffix}`, { force: true });
    if (madeFolder) rmSync(madeFolder, { recursive: true, force: true });
    if (error instanceof RestoreRefused) return { restored: false, refusal: error.refusal, message: error.message };
    throw error;
  }
}

/** Decrypts a backup into `temp`, or refuses: a file of an unknown format, a wrong passphrase, a changed or cut-off file. */
export async function decryptTo(file: string, temp: string, passphrase: string): Promise<void> {
  try {
    await decryptFile(file, temp, passphrase);
  } catch (error) {
    if (!(error instanceof BackupDecryptError)) throw error;
    const refusal = error.problem === 'unknown-format' ? 'unknown-format' : 'passphrase-wrong';
    throw new RestoreRefused(refusal, `${basename(file)} cannot be decrypted: ${error.message}`);
  }
}

/** The schema version of a sound database file that this release can take, or a refusal. */
function checkedSchemaVersion(temp: string, name: string): number {
  try {
    // A copy of a WAL database says so in its header; checked read-only, it would leave -wal and -shm files.
    useRollbackJournal(temp);
  } catch (error) {
    throw new RestoreRefused('damaged', `${name} is not a sound SQLite database: ${error instanceof Error ? error.message : String(error)}.`);
  }
  const check = checkDatabaseFile(temp);
  if (check.problem !== null) throw new RestoreRefused('damaged', `${name} fails the integrity check: ${check.problem}.`);
  if (check.schemaVersion > SCHEMA_VERSION) {
    throw new RestoreRefused(
      'schema-too-new',
      `${name} comes from a newer release: its schema version is ${check.schemaVersion}, and this release knows up to ${SCHEMA_VERSION}. Restore it with that release or a later one.`,
    );
  }
  return check.schemaVersion;
}

/**
 * Brings the restored copy up to this release's schema, as the server would when it starts (so
 * a migration that fails on it is a refusal, not a server that does not start), and gives it a
 * new random identity. Returns the identity.
 */
async function upgradeAndRenew(dataDir: string, tempName: string, name: string, firstUnitName: string | undefined): Promise<string> {
  let restored;
  try {
    // A backup from before units gets its unit named as the server's own database would.
    restored = openDatabase(dataDir, tempName, { firstUnitName });
  } catch (error) {
    throw new RestoreRefused('cannot-upgrade', `${name} cannot be brought up to this release: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return await renewDatabaseId(restored);
  } finally {
    await restored.close();
  }
}

/**
 * Keeps the database about to be replaced as <name>.before-restore-<time> (a second name for the
 * same file, so the database's own name is never missing), with its WAL if it has one; its
 * -shm index goes, and SQLite makes it again.
 */
function keepReplaced(databaseFile: string, now: Date): string {
  const stamp = `${databaseFile}.before-restore-${now.toISOString().slice(0, 19).replace(/:/g, '')}Z`;
  let kept = stamp;
  for (let n = 2; existsSync(kept); n++) kept = `${stamp}-${n}`;
  const secondName = (from: string, to: string) => {
    try {
      linkSync(from, to);
    } catch (error) {
      // A file system without hard links: a copy does as well, at the cost of the space.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
      copyFileSync(from, to, constants.COPYFILE_EXCL);
    }
  };
  secondName(databaseFile, kept);
  if (existsSync(`${databaseFile}-wal`)) {
    if (statSync(`${databaseFile}-wal`).size > 0) secondName(`${databaseFile}-wal`, `${kept}-wal`);
    rmSync(`${databaseFile}-wal`);
  }
  rmSync(`${databaseFile}-shm`, { force: true });
  return kept;
}

/** A restore run as root gives the database to whoever owns the one it replaces (or the data folder), so the service can open it. */
function giveOwnerOf(model: string, file: string): void {
  if (process.getuid?.() !== 0) return;
  const { uid, gid } = statSync(model);
  chownSync(file, uid, gid);
}
