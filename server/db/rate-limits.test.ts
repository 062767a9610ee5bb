import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { anotherConnection, onPostgres, openTestDatabase, queryRows } from '../test-support';
import type { Database } from './database';
import { countAttempt, removeEndedAttempts } from './rate-limits';

let dir: string;
let db: Database;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'feedback-rate-'));
  db = await openTestDatabase(dir);
});
afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const WINDOW = 15 * 60_000;
const at = (minutes: number) => new Date(Date.UTC(2026, 11, 2, 10, minutes));

it('counts every attempt of a window, from any instance, starts again after it, and deletes ended windows', async () => {
  const other = onPostgres ? await anotherConnection(db) : db;
  try {
    // Twenty attempts at once, half through each instance: each is counted.
    const counts = await Promise.all(Array.from({ length: 20 }, (_, i) => countAttempt(i % 2 ? other : db, 'user:aino|127.0.0.1', WINDOW, at(1))));
    expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await countAttempt(db, 'user:aino|127.0.0.1', WINDOW, at(10))).toEqual({ count: 21, msLeft: 6 * 60_000 });
    // The window began with the first attempt: a new one begins after it.
    expect(await countAttempt(db, 'user:aino|127.0.0.1', WINDOW, at(16))).toEqual({ count: 1, msLeft: WINDOW });
    await countAttempt(db, 'someone else', WINDOW, at(2));
    await removeEndedAttempts(db, at(20));
    const left = await queryRows(db, 'SELECT key_hash, count FROM rate_limits');
    expect(left).toEqual([{ key_hash: expect.stringMatching(/^[\w-]{43}$/), count: 1 }]);
    expect(JSON.stringify(left)).not.toMatch(/aino|127\.0\.0\.1/);
  } finally {
    if (other !== db) await other.close();
  }
});
