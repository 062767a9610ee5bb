import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultForm } from '../../src/domain/default-form';
import { makeResponse } from '../test-support';
import { openDatabase, type Database } from './database';
import { ensureFormVersion } from './forms';
import { countResponses } from './responses';
import { createSyncBatchWriter, type SyncBatch } from './sync-batches';

const findForm = () => defaultForm;
let dir: string;
let db: Database;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'feedback-batches-'));
  db = openDatabase(dir);
  ensureFormVersion(db, defaultForm, true);
  db.prepare("INSERT INTO kiosks (id, name, token_hash, enrolled_at) VALUES ('k1', 'Hall', 'h1', '2026-11-01')").run();
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const batchOf = (size: number, kioskId = 'k1', abandoned: Record<string, number> = {}): SyncBatch => ({
  kioskId,
  responses: Array.from({ length: size }, () => makeResponse()),
  state: { at: new Date('2026-11-23T10:00:00Z'), waiting: size, appVersion: '1.0.0', abandoned },
});

/**
 * The same database, counting its outermost transactions (commits); with fail set, each of
 * them fails at its end, as a failed commit would, and SQLite rolls it back.
 */
function watchCommits(real: Database, { fail = false } = {}): { db: Database; commits: () => number } {
  let depth = 0;
  let commits = 0;
  const db = new Proxy(real, {
    get(target, key) {
      if (key !== 'transaction') {
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (fn: (...args: unknown[]) => unknown) =>
        target.transaction((...args: unknown[]) => {
          depth += 1;
          try {
            const result = fn(...args);
            if (depth === 1) {
              commits += 1;
              if (fail) throw new Error('disk I/O error');
            }
            return result;
          } finally {
            depth -= 1;
          }
        });
    },
  });
  return { db, commits: () => commits };
}

describe('createSyncBatchWriter', () => {
  it('stores batches that arrive together in one commit and answers each with its own outcomes', async () => {
    const watched = watchCommits(db);
    const store = createSyncBatchWriter(watched.db, findForm);
    const batches = [batchOf(3), batchOf(5), batchOf(2)];
    const outcomes = await Promise.all(batches.map(store));
    expect(watched.commits()).toBe(1);
    expect(outcomes.map((o) => o.length)).toEqual([3, 5, 2]);
    expect(outcomes.flat().every((o) => o === 'accepted')).toBe(true);
    expect(countResponses(db)).toBe(10);
    const resent = await store(batches[1]!);
    expect(resent).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
  });

  it('takes back only the batch that fails, and stores the others of its group', async () => {
    const store = createSyncBatchWriter(db, findForm);
    const good = batchOf(4);
    const bad = batchOf(3, 'no-such-kiosk', { '2026-11-23': 2 });
    const [first, second] = await Promise.allSettled([store(good), store(bad)]);
    expect(first).toMatchObject({ status: 'fulfilled', value: ['accepted', 'accepted', 'accepted', 'accepted'] });
    expect(second).toMatchObject({ status: 'rejected', reason: expect.objectContaining({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }) });
    expect(countResponses(db)).toBe(4);
  });

  it('fails every batch of a group whose commit fails, and stores none of them', async () => {
    const store = createSyncBatchWriter(watchCommits(db, { fail: true }).db, findForm);
    const results = await Promise.allSettled([store(batchOf(4)), store(batchOf(6))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(countResponses(db)).toBe(0);
    expect(db.prepare('SELECT last_sync_at FROM kiosks').pluck().get()).toBeNull();
  });

  it('fails the whole group, and stores nothing of it, when the disk fills in the middle of it', async () => {
    const store = createSyncBatchWriter(db, findForm);
    const big = (size: number): SyncBatch => ({ ...batchOf(size), responses: Array.from({ length: size }, () => makeResponse({ answers: { day: '4', 'anything-else': 'x'.repeat(400) } })) });
    // Room for a little more than the first batch: the second fills the file, and SQLite then
    // rolls back the whole group, the first batch with it; the third must not slip in alone.
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 8}`);
    const results = await Promise.allSettled([store(big(5)), store(big(300)), store(big(5))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(results[1]).toMatchObject({ reason: expect.objectContaining({ code: 'SQLITE_FULL' }) });
    expect(countResponses(db)).toBe(0);
    expect(db.prepare('SELECT count(*) FROM response_counts').pluck().get()).toBe(0);
    expect(db.prepare('SELECT last_sync_at FROM kiosks').pluck().get()).toBeNull();
  });

  it('stores a group of more than the largest group size without losing any batch', async () => {
    const watched = watchCommits(db);
    const store = createSyncBatchWriter(watched.db, findForm);
    const outcomes = await Promise.all(Array.from({ length: 40 }, () => store(batchOf(2))));
    expect(watched.commits()).toBe(3);
    expect(outcomes.flat()).toHaveLength(80);
    expect(countResponses(db)).toBe(80);
  });
});
