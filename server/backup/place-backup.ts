import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { encryptFile } from './backup-encryption';
import { PARTIAL_SUFFIX } from './backup-folder';
import type { MadeBackup } from './make-backup';
import { syncFolder } from './sync-folder';

/** A file of a backup under way in `folder`: a random name the backup folder's readers pass over. */
export function partialPath(folder: string, name: string, kind: string): string {
  return join(folder, `${name}.${kind}-${randomBytes(6).toString('hex')}${PARTIAL_SUFFIX}`);
}

/**
 * The last steps of every backup, SQLite's and PostgreSQL's alike, once its plain copy is made and
 * checked: encrypted into `sealed` when there is a passphrase (the plain copy then removed), else
 * the copy itself (`sealed` is `plain`) flushed to disk; readable by its owner only; and only then
 * given its name in the backup folder, by a rename, with the folder flushed too.
 */
export async function placeBackup(
  plain: string,
  sealed: string,
  { backupDir, name, passphrase, now }: { backupDir: string; name: string; passphrase: string | null; now: Date },
): Promise<MadeBackup> {
  if (passphrase !== null) {
    await encryptFile(plain, sealed, passphrase);
    rmSync(plain);
  } else {
    const fd = openSync(plain, 'r+');
    fsyncSync(fd);
    closeSync(fd);
  }
  chmodSync(sealed, 0o600);
  const file = join(backupDir, name);
  renameSync(sealed, file);
  syncFolder(backupDir);
  return { file, at: now, bytes: statSync(file).size, encrypted: passphrase !== null };
}
