import { FIRST_UNIT_ID } from '../../src/domain/units';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultForm } from '../../src/domain/default-form';
import { localDay } from '../../src/domain/local-day';
import { addDays } from '../../src/domain/periods';
import { makeResponse, onPostgres, openTestDatabase, queryRows } from '../test-support';
import { openDatabase, type Database } from './database';
import { ensureFormVersion } from './forms';
import { recordSync } from './kiosks';
import { madeReceivedBetween, madeReceivedFrom } from './made-received-counts';
import { storeResponses } from './responses';
import { createSyncBatchWriter, type SyncBatch } from './sync-batches';

let dir: string;
let db: Database;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'feedback-made-received-'));
  db = await openTestDatabase(dir);
  await ensureFormVersion(db, defaultForm, true);
  await queryRows(db, "INSERT INTO kiosks (id, name, token_hash, enrolled_at, unit_id) VALUES ('k1', 'Aula', 'h1', '2026-11-01', 'paivakeskus'), ('k2', 'Ruokasali', 'h2', '2026-11-01', 'paivakeskus')");
});
afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const state = (made?: Record<string, number>) => ({ at: new Date('2026-11-24T10:00:00Z'), waiting: 0, appVersion: '1.0.0', abandoned: {}, ...(made ? { made } : {}) });
const batch = (kioskId: string, responses: SyncBatch['responses'], made?: Record<string, number>): SyncBatch => ({ kioskId, unitId: FIRST_UNIT_ID, responses, state: state(made) });
const counts = () => madeReceivedBetween(db, '2026-11-01', '2026-11-30');

describe('made and received per kiosk and date', () => {
  it('counts as received only what was accepted: never a resent copy, nor an id sent twice in one batch', async () => {
    const store = createSyncBatchWriter(db, () => defaultForm);
    const first = [makeResponse({ date: '2026-11-23' }), makeResponse({ date: '2026-11-23' }), makeResponse({ date: '2026-11-24' })];
    expect(await store(batch('k1', first, { '2026-11-23': 2, '2026-11-24': 1 }))).toEqual(['accepted', 'accepted', 'accepted']);
    const again = makeResponse({ date: '2026-11-24' });
    // The whole first batch again (its answer was lost), a new one, and that new one twice.
    expect(await store(batch('k1', [...first, again, again], { '2026-11-23': 2, '2026-11-24': 2 }))).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
      'accepted',
      'duplicate',
    ]);
    expect(await counts()).toEqual([
      { kioskId: 'k1', date: '2026-11-23', made: 2, received: 2 },
      { kioskId: 'k1', date: '2026-11-24', made: 2, received: 2 },
    ]);
  });

  it('keeps the largest running total made, so a late or repeated report changes nothing, each kiosk its own', async () => {
    await recordSync(db, 'k1', state({ '2026-11-23': 5 }));
    await recordSync(db, 'k1', state({ '2026-11-23': 3, '2026-11-24': 1 }));
    await recordSync(db, 'k2', state({ '2026-11-23': 4 }));
    // A kiosk from before the totals sends none: its made stays as it was.
    await recordSync(db, 'k1', state());
    expect(await counts()).toEqual([
      { kioskId: 'k1', date: '2026-11-23', made: 5, received: 0 },
      { kioskId: 'k1', date: '2026-11-24', made: 1, received: 0 },
      { kioskId: 'k2', date: '2026-11-23', made: 4, received: 0 },
    ]);
  });

  it('counts nothing of a batch that is not stored', async () => {
    const store = createSyncBatchWriter(db, () => defaultForm);
    const results = await Promise.allSettled([
      store(batch('k1', [makeResponse({ date: '2026-11-23' })], { '2026-11-23': 1 })),
      store(batch('no-such-kiosk', [makeResponse({ date: '2026-11-23' })], { '2026-11-23': 1 })),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(await counts()).toEqual([{ kioskId: 'k1', date: '2026-11-23', made: 1, received: 1 }]);
  });

  it.skipIf(onPostgres)('compares every date of a new database, and only dates after the upgrade of one that held responses already', async () => {
    expect(await madeReceivedFrom(db)).toBeNull();
    await storeResponses(db, [makeResponse({ date: '2026-11-23' })], () => defaultForm, FIRST_UNIT_ID);
    // As a database of the release before: no counts, schema version 10.
    db.sqlite!.connection.exec('DROP TABLE made_received_counts; DROP TABLE made_received_from');
    db.sqlite!.connection.pragma('user_version = 10');
    await db.close();
    db = openDatabase(dir);
    expect(await madeReceivedFrom(db)).toBe(addDays(localDay(new Date()).date, 1));
  });
});
