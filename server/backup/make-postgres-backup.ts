import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupFileName } from './backup-name';
import type { BackupSettings, MadeBackup } from './make-backup';
import { partialPath, placeBackup } from './place-backup';
import { runPostgresTool } from './postgres-tools';

/**
 * Backs up the PostgreSQL database at `url` into the backup folder as makeBackup does a SQLite
 * file: pg_dump --format=custom (one consistent snapshot, while the servers keep writing), checked
 * by pg_restore --list, encrypted when there is a passphrase, and only then given its name
 * (feedback-<time>Z.pgdump, or .pgdump.enc), by a rename. Mode 0600 in a 0700 folder. A backup
 * that fails leaves no file behind and throws.
 */
export async function makePostgresBackup(url: string, { backupDir, passphrase }: BackupSettings, now: Date): Promise<MadeBackup> {
  mkdirSync(backupDir, { recursive: true, mode: 0o700 });
  const encrypted = passphrase !== null;
  const name = backupFileName(now, 'postgres', encrypted);
  // A dump to be encrypted is written to a private temporary folder, never to the backup folder:
  // that may be a network share or snapshotted, and must only ever hold encrypted files.
  const privateDir = encrypted ? mkdtempSync(join(tmpdir(), 'feedback-dump-')) : null;
  const dump = partialPath(privateDir ?? backupDir, name, 'dump');
  const sealed = encrypted ? partialPath(backupDir, name, 'sealed') : dump;
  try {
    // Made first with the owner's rights alone: pg_dump writes into it and keeps its mode.
    closeSync(openSync(dump, 'wx', 0o600));
    await runPostgresTool('pg_dump', ['--format=custom', `--file=${dump}`], url);
    await listPostgresDump(dump);
    return await placeBackup(dump, sealed, { backupDir, name, passphrase, now });
  } catch (error) {
    rmSync(sealed, { force: true });
    throw error;
  } finally {
    rmSync(privateDir ?? dump, { recursive: true, force: true });
  }
}

/**
 * The table of contents of a pg_dump archive, as pg_restore --list gives it: reading it checks
 * that the archive is whole enough to restore from. Throws when pg_restore cannot read it.
 */
export function listPostgresDump(file: string): Promise<string> {
  return runPostgresTool('pg_restore', ['--list', file], null);
}
