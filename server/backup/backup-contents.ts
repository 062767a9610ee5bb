import { open } from 'node:fs/promises';
import type { Database } from '../db/database';

// How each kind of backup starts: a SQLite database file, and an archive of pg_dump --format=custom.
const STARTS: [Database['dialect'], Buffer][] = [
  ['sqlite', Buffer.from('SQLite format 3\0', 'latin1')],
  ['postgres', Buffer.from('PGDMP', 'latin1')],
];

/**
 * Which database a plain (not encrypted) backup is of, by how the file starts rather than by its
 * name, or null when it is neither kind.
 */
export async function backupDialect(file: string): Promise<Database['dialect'] | null> {
  const handle = await open(file, 'r');
  try {
    const start = Buffer.alloc(16);
    const { bytesRead } = await handle.read(start, 0, start.length, 0);
    const found = STARTS.find(([, magic]) => bytesRead >= magic.length && start.subarray(0, magic.length).equals(magic));
    return found ? found[0] : null;
  } finally {
    await handle.close();
  }
}
