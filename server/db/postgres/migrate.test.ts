import { sql } from 'kysely';
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
});
