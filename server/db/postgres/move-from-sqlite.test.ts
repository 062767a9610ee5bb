import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase, type SqliteConnection } from '../database';
import type { Tables } from '../tables';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../test-postgres';
import { openPostgres } from './migrate';
import { moveToPostgres } from './move-from-sqlite';

let cluster: ThrowawayPostgres;
beforeAll(async () => {
  cluster = await startThrowawayPostgres();
});
afterAll(() => cluster.stop());

let dir: string;
let source: SqliteConnection;
let target: Kysely<Tables>;
let databases = 0;
beforeEach(async () => {
  // A database written by the first release, with real-looking data, brought to this release.
  dir = mkdtempSync(join(tmpdir(), 'feedback-move-'));
  copyFileSync(resolve('server/db/fixtures/release-0.1.0.sqlite'), join(dir, DATABASE_FILE));
  // Its unit named from the setting, and a second unit beside it: the target's own first unit is replaced by these.
  source = openDatabase(dir, undefined, { firstUnitName: 'Rovaniemen päiväkeskus' }).sqlite!.connection;
  source.prepare("INSERT INTO units VALUES ('kemi', '{\"fi\":\"Kemi\"}', '2026-12-01')").run();
  source.prepare("INSERT INTO unit_forms VALUES ('kemi', 'todays-feedback')").run();
  target = openPostgres(await cluster.createDatabase(`move_${(databases += 1)}`));
});
afterEach(async () => {
  source.close();
  await target.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const rowsOf = (db: SqliteConnection, table: string, key: string) => db.prepare(`SELECT * FROM "${table}" ORDER BY ${key}`).all();
const pgRowsOf = async (table: keyof Tables, key: string) =>
  (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} ORDER BY ${sql.raw(key)}`.execute(target)).rows;

describe('moving a centre from SQLite to PostgreSQL', () => {
  it('copies every row, with the same content, counts and sums', async () => {
    const moved = await moveToPostgres(source, target);
    expect(moved.find((t) => t.table === 'responses')!.rows).toBeGreaterThan(100);
    for (const [table, key] of [
      ['responses', 'id'],
      ['kiosks', 'id'],
      ['audit_log', 'seq'],
      ['answer_counts', 'form_id, date, form_version, language, question_id, option_id'],
      ['day_log', 'date'],
      ['draft_comments', 'id'],
      ['coordinators', 'username'],
      ['preview_links', 'token_hash'],
      ['form_versions', 'form_id, version'],
      ['units', 'id'],
      ['unit_forms', 'unit_id'],
      ['audit_log_units', 'seq, unit_id'],
    ] as const) {
      const expected = rowsOf(source, table, key);
      expect(expected.length, table).toBeGreaterThan(0);
      expect(await pgRowsOf(table, key), table).toEqual(expected);
    }
  });

  it('numbers new audit entries after the copied ones', async () => {
    await moveToPostgres(source, target);
    const last = (source.prepare('SELECT max(seq) AS seq FROM audit_log').get() as { seq: number }).seq;
    const { rows } = await sql<{ seq: number }>`INSERT INTO audit_log (at, actor, action) VALUES ('2026-12-02T00:00:00Z', 'test', 'test') RETURNING seq`.execute(target);
    expect(rows[0]!.seq).toBe(last + 1);
  });

  it('refuses a target that already holds data, and changes nothing there', async () => {
    await moveToPostgres(source, target);
    await expect(moveToPostgres(source, target)).rejects.toThrow(/already holds data/);
    expect((await pgRowsOf('responses', 'id')).length).toBe(rowsOf(source, 'responses', 'id').length);
  });

  it('leaves the target empty when a row cannot be copied', async () => {
    // A count for a kiosk that does not exist: PostgreSQL's foreign key refuses it mid-copy.
    source.pragma('foreign_keys = OFF');
    source.prepare("INSERT INTO abandoned_counts (kiosk_id, date, count) VALUES ('no-such-kiosk', '2026-01-01', 1)").run();
    await expect(moveToPostgres(source, target)).rejects.toThrow();
    for (const table of ['form_versions', 'kiosks', 'abandoned_counts', 'responses'] as const) {
      expect((await pgRowsOf(table, '1')).length, table).toBe(0);
    }
  });
});
