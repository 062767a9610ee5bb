import { FIRST_UNIT_ID } from '../../src/domain/units';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { defaultForm } from '../../src/domain/default-form';
import { makeResponse, openTestDatabase } from '../test-support';
import type { Database } from './database';
import { daysOfResponses, openReader } from './export-reader';
import { ensureFormVersion } from './forms';
import { storeResponses } from './responses';

let dir: string;
let db: Database;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'feedback-reader-'));
  db = await openTestDatabase(dir);
  await ensureFormVersion(db, defaultForm, true);
});
afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

it('reads a range a day at a time, every response once, across the pages of its cursor, from the snapshot it opened with', async () => {
  // A day larger than a page, a small one, and one outside the range.
  const big = Array.from({ length: 12_000 }, () => makeResponse({ date: '2026-11-02' }));
  const small = Array.from({ length: 3 }, () => makeResponse({ date: '2026-11-03' }));
  await storeResponses(db, [...big, ...small, makeResponse({ date: '2026-11-04' })], () => defaultForm, FIRST_UNIT_ID);
  const reader = await openReader(db);
  try {
    const days = daysOfResponses(reader, defaultForm.id, [FIRST_UNIT_ID], '2026-11-01', '2026-11-03');
    const first = await days.next();
    // Stored after the download began: not in it.
    await storeResponses(db, [makeResponse({ date: '2026-11-03' })], () => defaultForm, FIRST_UNIT_ID);
    const read = [first.value as { id: string; date: string }[]];
    for await (const day of days) read.push(day);
    expect(read.map((day) => [day[0]!.date, day.length])).toEqual([
      ['2026-11-02', 12_000],
      ['2026-11-03', 3],
    ]);
    const ids = read.flat().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(read[0]!.map((r) => r.id)).toEqual(big.map((r) => r.id).sort());
  } finally {
    await reader.close();
  }
});
