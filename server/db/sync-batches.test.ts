import { FIRST_UNIT_ID } from '../../src/domain/units';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultForm } from '../../src/domain/default-form';
import { makeResponse } from '../test-support';
import { openDatabase, sqliteDatabase, type Database } from './database';
import { ensureFormVersion } from './forms';
import { countResponses } from './responses';
import { createSyncBatchWriter, type SyncBatch } from './sync-batches';

const findForm = () => defaultForm;
let dir: string;
let db: Database;
const raw = () => db.sqlite!.connection;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'feedback-batches-'));
  db = openDatabase(dir);
  await ensureFormVersion(db, defaultForm, true);
  raw().prepare("INSERT INTO kiosks (id, name, token_hash, enrolled_at) VALUES ('k1', 'Hall', 'h1', '2026-11-01')").run();
});
afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const batchOf = (size: number, kioskId = 'k1', abandoned: Record<string, number> = {}): SyncBatch => ({
  kioskId,
  unitId: FIRST_UNIT_ID,
  responses: Array.from({ length: size }, () => makeResponse()),
  state: { at: new Date('2026-11-23T10:00:00Z'), waiting: size, appVersion: '1.0.0', abandoned },
});

/**
 * The same database file on a connection that counts its commits; with fail set, each commit
 * fails, as one that cannot reach the disk would, and SQLite rolls the transaction back.
 */
function watchCommits(real: Database, { fail = false } = {}): { db: Database; commits: () => number } {
  const connection = real.sqlite!.connection;
  let commits = 0;
  const watched = new Proxy(connection, {
    get(target, key) {
      if (key === 'prepare') {
        return (text: string) => {
          const statement = target.prepare(text);
          if (text.trim().toLowerCase() !== 'commit') return statement;
          return {
            reader: false,
            run: (...parameters: unknown[]) => {
              commits += 1;
              if (!fail) return statement.run(...parameters);
              target.exec('ROLLBACK');
              throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
            },
          };
        };
      }
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db: sqliteDatabase(watched, real.sqlite!.file), commits: () => commits };
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
    expect(await countResponses(db)).toBe(10);
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
    expect(await countResponses(db)).toBe(4);
  });

  it('fails every batch of a group whose commit fails, and stores none of them', async () => {
    const store = createSyncBatchWriter(watchCommits(db, { fail: true }).db, findForm);
    const results = await Promise.allSettled([store(batchOf(4)), store(batchOf(6))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    // The fault itself, not a failed rollback after it: the sync answers 503, not 500.
    for (const result of results) expect(result).toMatchObject({ reason: expect.objectContaining({ code: 'SQLITE_IOERR' }) });
    expect(await countResponses(db)).toBe(0);
    expect(raw().prepare('SELECT last_sync_at FROM kiosks').pluck().get()).toBeNull();
  });

  it('when the disk fills in the middle of a group, stores exactly what it acknowledges and nothing of the batch that did not fit', async () => {
    const store = createSyncBatchWriter(db, findForm);
    const big = (size: number): SyncBatch => ({ ...batchOf(size), responses: Array.from({ length: size }, () => makeResponse({ answers: { day: '4', 'anything-else': 'x'.repeat(400) } })) });
    // Room for a little more than the first batch: the second fills the file. SQLite takes back
    // either that statement or the whole group; either way, what a kiosk hears must be the truth.
    const pages = raw().pragma('page_count', { simple: true }) as number;
    raw().pragma(`max_page_count = ${pages + 8}`);
    const batches = [big(5), big(300), big(5)];
    const results = await Promise.allSettled(batches.map(store));
    expect(results[1]).toMatchObject({ status: 'rejected', reason: expect.objectContaining({ code: 'SQLITE_FULL' }) });
    const acknowledged = batches.filter((_, i) => results[i]!.status === 'fulfilled');
    const stored = acknowledged.reduce((sum, batch) => sum + batch.responses.length, 0);
    expect(await countResponses(db)).toBe(stored);
    expect(raw().prepare('SELECT coalesce(sum(count), 0) FROM response_counts').pluck().get()).toBe(stored);
    expect(raw().prepare('SELECT coalesce(sum(received), 0) FROM made_received_counts').pluck().get()).toBe(stored);
    expect(raw().prepare('SELECT last_sync_at FROM kiosks').pluck().get()).toBe(acknowledged.length > 0 ? '2026-11-23T10:00:00.000Z' : null);
  });

  it('stores a group of more than the largest group size without losing any batch', async () => {
    const watched = watchCommits(db);
    const store = createSyncBatchWriter(watched.db, findForm);
    const outcomes = await Promise.all(Array.from({ length: 40 }, () => store(batchOf(2))));
    expect(watched.commits()).toBe(3);
    expect(outcomes.flat()).toHaveLength(80);
    expect(await countResponses(db)).toBe(80);
  });
});
