import { FIRST_UNIT_ID } from '../../src/domain/units';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgeGroupCounts } from '../../src/domain/age-groups';
import { openDatabase } from './database';
import { publishedAgeGroups, storeAgeGroups } from './published-age-groups';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const counts = (entries: [string, number][]): AgeGroupCounts => ({
  question: 'age-group',
  counts: new Map(entries),
  total: entries.reduce((sum, [, count]) => sum + count, 0),
});

describe('published age groups', () => {
  it('keeps the counts a month was first stored with, and stores a month not stored before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'feedback-db-'));
    dirs.push(dir);
    const db = openDatabase(dir);
    const november = counts([['under-30', 3], ['50-or-over', 30], ['', 2]]);
    await storeAgeGroups(db, 'todays-feedback', FIRST_UNIT_ID, new Map([['2026-11', november]]));
    const december = counts([['under-30', 12], ['50-or-over', 40], ['', 0]]);
    await storeAgeGroups(db, 'todays-feedback', FIRST_UNIT_ID, new Map([['2026-11', counts([['under-30', 9], ['30-49', 5], ['50-or-over', 31], ['', 2]])], ['2026-12', december]]));
    expect(await publishedAgeGroups(db, 'todays-feedback', FIRST_UNIT_ID, 'age-group', ['2026-10', '2026-11', '2026-12'])).toEqual(new Map([['2026-11', november], ['2026-12', december]]));
    // Another form, or another background question, has counts of its own.
    expect((await publishedAgeGroups(db, 'other-form', FIRST_UNIT_ID, 'age-group', ['2026-11'])).size).toBe(0);
    expect((await publishedAgeGroups(db, 'todays-feedback', FIRST_UNIT_ID, 'age', ['2026-11'])).size).toBe(0);
    await db.close();
  });
});
