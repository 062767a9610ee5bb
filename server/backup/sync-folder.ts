import { closeSync, fsyncSync, openSync } from 'node:fs';

/** Makes a rename in `dir` durable: the folder's entry is on disk, not only the file's bytes. */
export function syncFolder(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
