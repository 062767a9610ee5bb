import type { SqliteConnection } from '../database';

/**
 * The kiosk in the centre's daily life: notices on the start screen ("you said, we did"), each
 * published to units and shown from its first day to its last; and opening hours, set for a unit
 * or for one kiosk (which then ignores its unit's). Nothing here is tied to any response.
 *
 * A preview link may open a notice rather than a form's draft (notice_id); it then shows the
 * form of the unit it was made for, published, with the notice on its start screen. Reviewers'
 * comments on a notice are kept with the others, their target "notice:" and the notice's id.
 */
// Each step is skipped when made already: the upgrade tests wind the schema version back and
// apply the later migrations again.
export default function noticesAndHours(db: SqliteConnection): void {
  db.exec(/* sql */ `
  CREATE TABLE IF NOT EXISTS notices (
    id            TEXT NOT NULL PRIMARY KEY,  -- random UUID
    texts         TEXT NOT NULL,              -- JSON: language -> wording
    starts_on     TEXT NOT NULL,              -- Helsinki dates, both shown
    ends_on       TEXT NOT NULL,
    published_at  TEXT,                       -- NULL: a draft, shown only in previews
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL,
    CHECK (starts_on <= ends_on)
  );

  CREATE TABLE IF NOT EXISTS notice_units (
    notice_id  TEXT NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
    unit_id    TEXT NOT NULL REFERENCES units (id),
    PRIMARY KEY (notice_id, unit_id)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS notice_units_by_unit ON notice_units (unit_id, notice_id);

  CREATE TABLE IF NOT EXISTS unit_opening_hours (
    unit_id     TEXT NOT NULL PRIMARY KEY REFERENCES units (id),
    hours       TEXT NOT NULL,  -- JSON: the week and its exceptions
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE IF NOT EXISTS kiosk_opening_hours (
    kiosk_id    TEXT NOT NULL PRIMARY KEY REFERENCES kiosks (id),
    hours       TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
  ) WITHOUT ROWID;
`);
  const previewColumns = db.prepare("SELECT name FROM pragma_table_info('preview_links')").pluck().all() as string[];
  // No reference to notices: a link to a removed notice has ended, it does not vanish.
  if (!previewColumns.includes('notice_id')) db.exec('ALTER TABLE preview_links ADD COLUMN notice_id TEXT');
}
