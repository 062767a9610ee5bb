import { sql, type Kysely } from 'kysely';
import type { SqliteConnection } from '../database';
import type { TableName, Tables } from '../tables';
import { migratePostgres } from './migrate';

/** Every table, in an order where each row's references are already there. */
const TABLES: TableName[] = [
  'units',
  'unit_forms',
  'form_versions',
  'kiosks',
  'pairing_codes',
  'abandoned_counts',
  'coordinators',
  'coordinator_units',
  'sessions',
  'audit_log',
  'audit_log_units',
  'day_log',
  'answer_counts',
  'response_counts',
  'responses',
  'form_drafts',
  'preview_links',
  'draft_comments',
  'notices',
  'notice_units',
  'unit_opening_hours',
  'kiosk_opening_hours',
  'published_age_groups',
  'database_identity',
  'made_received_counts',
  'made_received_from',
  'rate_limits',
  'job_runs',
];

/**
 * Tables a server (or its migrations) fills by itself on an empty database: the first unit, which
 * the source's units replace, and rows that hold no data of anyone's.
 */
const MADE_BY_THE_SERVER: TableName[] = ['database_identity', 'made_received_from', 'units'];

/** The columns that hold counts: their sums must match as well as the number of rows. */
const COUNTS: Partial<Record<TableName, string[]>> = {
  abandoned_counts: ['count'],
  answer_counts: ['count'],
  response_counts: ['count'],
  published_age_groups: ['count', 'month_total'],
  made_received_counts: ['made', 'received'],
};

// Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table.
const BATCH = 1000;

export interface TableMoved {
  table: TableName;
  rows: number;
  sums: Record<string, number>;
}

type Figures = { rows: number; sums: Record<string, number> };

function sqliteFigures(source: SqliteConnection, table: TableName): Figures {
  const columns = COUNTS[table] ?? [];
  const select = ['count(*) AS rows', ...columns.map((c) => `coalesce(sum("${c}"), 0) AS "${c}"`)].join(', ');
  const row = source.prepare(`SELECT ${select} FROM "${table}"`).get() as Record<string, number>;
  return { rows: row.rows!, sums: Object.fromEntries(columns.map((c) => [c, row[c]!])) };
}

async function postgresFigures(target: Kysely<Tables>, table: TableName): Promise<Figures> {
  const columns = COUNTS[table] ?? [];
  const { rows } = await sql<Record<string, string | number>>`SELECT ${sql.join([
    sql`count(*) AS rows`,
    ...columns.map((c) => sql`coalesce(sum(${sql.ref(c)}), 0) AS ${sql.ref(c)}`),
  ])} FROM ${sql.table(table)}`.execute(target);
  const row = rows[0]!;
  return { rows: Number(row.rows), sums: Object.fromEntries(columns.map((c) => [c, Number(row[c])])) };
}

/**
 * Copies every row of a SQLite database into an empty PostgreSQL database, in one PostgreSQL
 * transaction: it first brings the target to this release's schema, refuses a target that holds
 * any row, and after the copy checks each table's number of rows and the sums of its counts
 * against the source. Anything wrong rolls the whole copy back: the target is left empty. The
 * source is read in one read transaction, so it is one consistent moment even if written to.
 */
export async function moveToPostgres(source: SqliteConnection, target: Kysely<Tables>): Promise<TableMoved[]> {
  await migratePostgres(target);
  return target.transaction().execute(async (trx) => {
    for (const table of TABLES) {
      if (MADE_BY_THE_SERVER.includes(table)) continue;
      if ((await postgresFigures(trx, table)).rows > 0) throw new Error(`The target database already holds data (table ${table}): nothing was copied.`);
    }
    // A server started on the target once gave it an identity of its own: the source's replaces it,
    // so kiosks see the same database they synced with.
    for (const table of MADE_BY_THE_SERVER) await trx.deleteFrom(table).execute();
    source.exec('BEGIN');
    try {
      const moved: TableMoved[] = [];
      for (const table of TABLES) {
        // audit_log numbers its rows itself; the copy keeps the source's numbers.
        const override = table === 'audit_log' ? sql`OVERRIDING SYSTEM VALUE` : sql``;
        const insert = async (rows: Record<string, unknown>[]) => {
          const columns = Object.keys(rows[0]!);
          await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) ${override} VALUES ${sql.join(
            rows.map((row) => sql`(${sql.join(columns.map((c) => row[c]))})`),
          )}`.execute(trx);
        };
        let batch: Record<string, unknown>[] = [];
        for (const row of source.prepare(`SELECT * FROM "${table}"`).iterate() as IterableIterator<Record<string, unknown>>) {
          batch.push(row);
          if (batch.length === BATCH) {
            await insert(batch);
            batch = [];
          }
        }
        if (batch.length > 0) await insert(batch);
        const expected = sqliteFigures(source, table);
        const copied = await postgresFigures(trx, table);
        if (JSON.stringify(copied) !== JSON.stringify(expected)) {
          throw new Error(`The copy of ${table} does not match: ${JSON.stringify(copied)} against ${JSON.stringify(expected)} in SQLite. Nothing was kept.`);
        }
        moved.push({ table, ...copied });
      }
      await sql`SELECT setval(pg_get_serial_sequence('audit_log', 'seq'), coalesce((SELECT max(seq) FROM audit_log), 0) + 1, false)`.execute(trx);
      return moved;
    } finally {
      source.exec('COMMIT');
    }
  });
}
