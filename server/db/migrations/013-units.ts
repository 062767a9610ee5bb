import { FIRST_UNIT_NAME, unitIdFrom } from '../../../src/domain/units';
import type { MigrationContext, SqliteConnection } from '../database';

/**
 * Units: every kiosk, pairing code, response, running count, day-log entry and published age
 * group belongs to one, and coordinators have a role and the units they may see. A database
 * from before units gets one, named from the UNIT_NAME setting or "Päiväkeskus", and everything
 * in it goes to that unit; its coordinators, who saw everything, become area administrators.
 * Audit entries about the unit's data go to it too; sign-ins and account changes to none.
 *
 * The responses table can hold years of rows: its unit column gets the first unit as its default,
 * which SQLite gives every existing row without rewriting the table. Every insert names its unit.
 * The count and day-log tables are rebuilt with the unit in their keys. SQLite cannot add a
 * column with a foreign key to a table in use, so the unit columns added to existing tables have
 * none here (PostgreSQL's migration 003 has them); the server only ever writes a known unit.
 */
export default function units(db: SqliteConnection, { firstUnitName }: MigrationContext): void {
  // Each step is skipped when it has been made already: the upgrade tests wind the schema version
  // back and apply the later migrations again.
  const hasTable = (table: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
  const hasColumn = (table: string, column: string) => (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).includes(column);
  const newUnits = !hasTable('units');
  db.exec(/* sql */ `
    CREATE TABLE IF NOT EXISTS units (
      id          TEXT NOT NULL PRIMARY KEY,
      names       TEXT NOT NULL,  -- JSON: language -> name
      created_at  TEXT NOT NULL
    );

    -- The form a unit's kiosks get; a unit with no row gets the deployment's default form.
    CREATE TABLE IF NOT EXISTS unit_forms (
      unit_id  TEXT NOT NULL PRIMARY KEY REFERENCES units (id),
      form_id  TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE IF NOT EXISTS coordinator_units (
      username  TEXT NOT NULL REFERENCES coordinators (username) ON DELETE CASCADE,
      unit_id   TEXT NOT NULL REFERENCES units (id),
      PRIMARY KEY (username, unit_id)
    ) WITHOUT ROWID;

    CREATE TABLE IF NOT EXISTS audit_log_units (
      seq      INTEGER NOT NULL REFERENCES audit_log (seq) ON DELETE CASCADE,
      unit_id  TEXT    NOT NULL,
      PRIMARY KEY (seq, unit_id)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS audit_log_units_by_unit ON audit_log_units (unit_id, seq);
  `);
  if (newUnits) {
    const name = firstUnitName ?? FIRST_UNIT_NAME;
    db.prepare('INSERT INTO units (id, names, created_at) VALUES (?, ?, ?)').run(unitIdFrom(name), JSON.stringify({ fi: name }), new Date().toISOString());
  }
  const first = db.prepare('SELECT id FROM units ORDER BY created_at, id LIMIT 1').pluck().get() as string;
  const literal = `'${first.replace(/'/g, "''")}'`;
  if (newUnits) {
    db.exec(/* sql */ `
      INSERT INTO audit_log_units (seq, unit_id)
        SELECT seq, ${literal} FROM audit_log
        WHERE action NOT IN ('sign-in', 'sign-in-failed', 'sign-out', 'password-changed', 'coordinator-added');
    `);
  }
  if (!hasColumn('coordinators', 'role')) {
    db.exec("ALTER TABLE coordinators ADD COLUMN role TEXT NOT NULL DEFAULT 'admin' CHECK (role IN ('admin', 'coordinator', 'viewer'))");
  }
  for (const table of ['kiosks', 'pairing_codes']) {
    if (hasColumn(table, 'unit_id')) continue;
    db.exec(`ALTER TABLE ${table} ADD COLUMN unit_id TEXT NOT NULL DEFAULT ''; UPDATE ${table} SET unit_id = ${literal};`);
  }
  if (!hasColumn('responses', 'unit_id')) db.exec(`ALTER TABLE responses ADD COLUMN unit_id TEXT NOT NULL DEFAULT ${literal}`);
  if (!hasColumn('answer_counts', 'unit_id')) {
    db.exec(/* sql */ `
      CREATE TABLE answer_counts_by_unit (
        form_id       TEXT    NOT NULL,
        date          TEXT    NOT NULL,
        unit_id       TEXT    NOT NULL,
        form_version  INTEGER NOT NULL,
        language      TEXT    NOT NULL,
        question_id   TEXT    NOT NULL,
        option_id     TEXT    NOT NULL,
        count         INTEGER NOT NULL CHECK (count >= 0),
        PRIMARY KEY (form_id, date, unit_id, form_version, language, question_id, option_id)
      ) WITHOUT ROWID;
      INSERT INTO answer_counts_by_unit SELECT form_id, date, ${literal}, form_version, language, question_id, option_id, count FROM answer_counts;
      DROP TABLE answer_counts;
      ALTER TABLE answer_counts_by_unit RENAME TO answer_counts;
    `);
  }
  if (!hasColumn('response_counts', 'unit_id')) {
    db.exec(/* sql */ `
      CREATE TABLE response_counts_by_unit (
        form_id       TEXT    NOT NULL,
        date          TEXT    NOT NULL,
        unit_id       TEXT    NOT NULL,
        form_version  INTEGER NOT NULL,
        language      TEXT    NOT NULL,
        count         INTEGER NOT NULL CHECK (count >= 0),
        PRIMARY KEY (form_id, date, unit_id, form_version, language)
      ) WITHOUT ROWID;
      INSERT INTO response_counts_by_unit SELECT form_id, date, ${literal}, form_version, language, count FROM response_counts;
      DROP TABLE response_counts;
      ALTER TABLE response_counts_by_unit RENAME TO response_counts;
    `);
  }
  if (!hasColumn('day_log', 'unit_id')) {
    db.exec(/* sql */ `
      CREATE TABLE day_log_by_unit (
        unit_id        TEXT    NOT NULL REFERENCES units (id),
        date           TEXT    NOT NULL,
        meals_served   INTEGER CHECK (meals_served IS NULL OR meals_served >= 0),
        professionals  TEXT    NOT NULL DEFAULT '[]',
        note           TEXT    NOT NULL DEFAULT '',
        updated_at     TEXT    NOT NULL,
        updated_by     TEXT    NOT NULL,
        PRIMARY KEY (unit_id, date)
      ) WITHOUT ROWID;
      INSERT INTO day_log_by_unit SELECT ${literal}, date, meals_served, professionals, note, updated_at, updated_by FROM day_log;
      DROP TABLE day_log;
      ALTER TABLE day_log_by_unit RENAME TO day_log;
    `);
  }
  if (!hasColumn('published_age_groups', 'unit_id')) {
    db.exec(/* sql */ `
      CREATE TABLE published_age_groups_by_unit (
        form_id      TEXT    NOT NULL,
        unit_id      TEXT    NOT NULL,
        month        TEXT    NOT NULL,  -- YYYY-MM
        question_id  TEXT    NOT NULL,  -- the form's background question
        option_id    TEXT    NOT NULL,  -- '' for no answer; an option no version of the month offered has no row
        count        INTEGER NOT NULL CHECK (count >= 0),
        month_total  INTEGER NOT NULL CHECK (month_total >= 0),  -- the unit's responses in the month then: the sum of its rows' counts
        PRIMARY KEY (form_id, unit_id, month, question_id, option_id)
      ) WITHOUT ROWID;
      INSERT INTO published_age_groups_by_unit SELECT form_id, ${literal}, month, question_id, option_id, count, month_total FROM published_age_groups;
      DROP TABLE published_age_groups;
      ALTER TABLE published_age_groups_by_unit RENAME TO published_age_groups;
    `);
  }
}
