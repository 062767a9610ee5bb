import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Database } from '../db/database';

/**
 * For a test file: fresh temp folders, and databases to close, all cleaned up after each test.
 * `open` is the list to push a test's open databases on.
 */
export function testFolders(prefix: string): { folder(): string; open: Database[] } {
  const dirs: string[] = [];
  const open: Database[] = [];
  afterEach(async () => {
    // Closing one a test closed already does nothing.
    for (const db of open.splice(0)) await db.close();
    dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
  });
  return {
    folder() {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
    open,
  };
}
