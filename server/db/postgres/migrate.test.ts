import { Migrator, sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../database';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../test-postgres';
import { migratePostgres, openPostgres, POSTGRES_MIGRATIONS } from './migrate';

let cluster: ThrowawayPostgres;
beforeAll(async () => {
  cluster = await startThrowawayPostgres();
});
afterAll(() => cluster.stop());

/** Each table's columns with their nullability, as SQLite reports them after its migrations. */
function sqliteColumns(): Record<string, string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'feedback-schema-'));
  const db = openDatabase(dir).sqlite!.connection;
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        (db.prepare(`SELECT name, "notnull" AS not_null, pk FROM pragma_table_info(?) ORDER BY name`).all(name) as { name: string; not_null: number; pk: number }[]).map(
          // SQLite lets an INTEGER PRIMARY KEY be null in its report; it never is.
          (c) => `${c.name}${c.not_null || c.pk ? ' not null' : ''}`,
        ),
      ]),
    );
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the PostgreSQL schema', () => {
  it('has the tables and columns the SQLite file has after its migrations, nullable alike', async () => {
    const db = openPostgres(await cluster.createDatabase('schema'));
    try {
      await migratePostgres(db);
      const { rows } = await sql<{ table_name: string; column_name: string; is_nullable: string }>`
        SELECT table_name, column_name, is_nullable FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name NOT LIKE 'kysely_%' ORDER BY table_name, column_name`.execute(db);
      const postgres: Record<string, string[]> = {};
      for (const row of rows) (postgres[row.table_name] ??= []).push(`${row.column_name}${row.is_nullable === 'NO' ? ' not null' : ''}`);
      expect(postgres).toEqual(sqliteColumns());
    } finally {
      await db.destroy();
    }
  });

  it('applies each migration once when several instances start together', async () => {
    const url = await cluster.createDatabase('together');
    const instances = [openPostgres(url), openPostgres(url), openPostgres(url)];
    try {
      await Promise.all(instances.map((db) => migratePostgres(db)));
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM kysely_migration`.execute(instances[0]!);
      expect(rows[0]!.n).toBe(POSTGRES_MIGRATIONS.length);
    } finally {
      await Promise.all(instances.map((db) => db.destroy()));
    }
  });

  it('puts everything of a database from before units into one unit named from the setting, and keeps it all (migration 003)', async () => {
    const url = await cluster.createDatabase('before-units');
    const db = openPostgres(url);
    try {
      const provider = { getMigrations: async () => Object.fromEntries(POSTGRES_MIGRATIONS.map(([name, ddl]) => [name, { up: async (q: Kysely<unknown>) => void (await sql.raw(ddl({})).execute(q)) }])) };
      expect((await new Migrator({ db, provider }).migrateTo('002-shared-by-instances')).error).toBeUndefined();
      // What release 0.2.0 stored, in its shape.
      await sql.raw(`
        INSERT INTO form_versions VALUES ('todays-feedback', 1, '{}', 1);
        INSERT INTO kiosks (id, name, token_hash, enrolled_at) VALUES ('k1', 'Aula', 'h1', '2026-11-01');
        INSERT INTO pairing_codes (code_hash, kiosk_name, expires_at) VALUES ('c1', 'Ruokasali', '2026-12-01');
        INSERT INTO responses VALUES ('2026-11-23', 'r1', 'todays-feedback', 1, 'fi', 'morning', '{"day":"4"}'), ('2026-11-24', 'r2', 'todays-feedback', 1, 'sv', 'afternoon', '{}');
        INSERT INTO answer_counts VALUES ('todays-feedback', '2026-11-23', 1, 'fi', 'day', '4', 1);
        INSERT INTO response_counts VALUES ('todays-feedback', '2026-11-23', 1, 'fi', 1), ('todays-feedback', '2026-11-24', 1, 'sv', 1);
        INSERT INTO day_log VALUES ('2026-11-23', 52, '["health-station"]', 'Sauna rikki', '2026-11-23T10:00:00Z', 'aino');
        INSERT INTO published_age_groups VALUES ('todays-feedback', '2026-10', 'age-group', 'under-30', 40, 40);
        INSERT INTO coordinators VALUES ('aino', 'hash', '2026-11-01');
        INSERT INTO audit_log (at, actor, action, detail) VALUES ('2026-11-23', 'aino', 'sign-in', ''), ('2026-11-23', 'aino', 'day-log-saved', '2026-11-23');
      `).execute(db);
      await migratePostgres(db, { firstUnitName: 'Rovaniemen päiväkeskus' });
      const unit = 'rovaniemen-paivakeskus';
      expect((await sql<{ id: string; names: string }>`SELECT id, names FROM units`.execute(db)).rows).toEqual([{ id: unit, names: '{"fi":"Rovaniemen päiväkeskus"}' }]);
      for (const [table, rows] of [['kiosks', 1], ['pairing_codes', 1], ['responses', 2], ['answer_counts', 1], ['response_counts', 2], ['day_log', 1], ['published_age_groups', 1]] as const) {
        const { rows: found } = await sql<{ unit_id: string }>`SELECT unit_id FROM ${sql.table(table)}`.execute(db);
        expect(found, table).toEqual(Array.from({ length: rows }, () => ({ unit_id: unit })));
      }
      expect((await sql`SELECT role FROM coordinators`.execute(db)).rows).toEqual([{ role: 'admin' }]);
      // The day-log save is about the unit; the sign-in is about none.
      expect((await sql`SELECT a.action, u.unit_id FROM audit_log a LEFT JOIN audit_log_units u ON u.seq = a.seq ORDER BY a.seq`.execute(db)).rows).toEqual([
        { action: 'sign-in', unit_id: null },
        { action: 'day-log-saved', unit_id: unit },
      ]);
      // A new row must name its unit: none is taken by default.
      await expect(sql`INSERT INTO kiosks (id, name, token_hash, enrolled_at) VALUES ('k2', 'Aula 2', 'h2', '2026-11-01')`.execute(db)).rejects.toThrow(/unit_id/);
    } finally {
      await db.destroy();
    }
  });
});
