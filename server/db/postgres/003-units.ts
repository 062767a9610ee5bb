import { FIRST_UNIT_NAME, unitIdFrom } from '../../../src/domain/units';
import type { MigrationContext } from '../database';

/**
 * As SQLite's migration 013: units, with every kiosk, pairing code, response, running count,
 * day-log entry and published age group in one, and coordinators with a role and their units.
 * A database from before units gets one (UNIT_NAME or "Päiväkeskus") and everything goes to it.
 * A column added with a default and the default then dropped costs PostgreSQL no rewrite of the
 * table: existing rows read the first unit.
 */
export default function units({ firstUnitName }: MigrationContext): string {
  const name = firstUnitName ?? FIRST_UNIT_NAME;
  const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
  const first = literal(unitIdFrom(name));
  return `
CREATE TABLE units (
  id          text NOT NULL PRIMARY KEY,
  names       text NOT NULL,
  created_at  text NOT NULL
);
INSERT INTO units (id, names, created_at) VALUES (${first}, ${literal(JSON.stringify({ fi: name }))}, ${literal(new Date().toISOString())});

CREATE TABLE unit_forms (
  unit_id  text NOT NULL PRIMARY KEY REFERENCES units (id),
  form_id  text NOT NULL
);

ALTER TABLE coordinators ADD COLUMN role text NOT NULL DEFAULT 'admin' CHECK (role IN ('admin', 'coordinator', 'viewer'));

CREATE TABLE coordinator_units (
  username  text NOT NULL REFERENCES coordinators (username) ON DELETE CASCADE,
  unit_id   text NOT NULL REFERENCES units (id),
  PRIMARY KEY (username, unit_id)
);

CREATE TABLE audit_log_units (
  seq      integer NOT NULL REFERENCES audit_log (seq) ON DELETE CASCADE,
  unit_id  text    NOT NULL,
  PRIMARY KEY (seq, unit_id)
);
CREATE INDEX audit_log_units_by_unit ON audit_log_units (unit_id, seq);
INSERT INTO audit_log_units (seq, unit_id)
  SELECT seq, ${first} FROM audit_log
  WHERE action NOT IN ('sign-in', 'sign-in-failed', 'sign-out', 'password-changed', 'coordinator-added');

ALTER TABLE kiosks ADD COLUMN unit_id text NOT NULL DEFAULT ${first} REFERENCES units (id);
ALTER TABLE kiosks ALTER COLUMN unit_id DROP DEFAULT;
ALTER TABLE pairing_codes ADD COLUMN unit_id text NOT NULL DEFAULT ${first} REFERENCES units (id);
ALTER TABLE pairing_codes ALTER COLUMN unit_id DROP DEFAULT;
ALTER TABLE responses ADD COLUMN unit_id text NOT NULL DEFAULT ${first} REFERENCES units (id);
ALTER TABLE responses ALTER COLUMN unit_id DROP DEFAULT;

ALTER TABLE answer_counts ADD COLUMN unit_id text NOT NULL DEFAULT ${first};
ALTER TABLE answer_counts ALTER COLUMN unit_id DROP DEFAULT;
ALTER TABLE answer_counts DROP CONSTRAINT answer_counts_pkey, ADD PRIMARY KEY (form_id, date, unit_id, form_version, language, question_id, option_id);

ALTER TABLE response_counts ADD COLUMN unit_id text NOT NULL DEFAULT ${first};
ALTER TABLE response_counts ALTER COLUMN unit_id DROP DEFAULT;
ALTER TABLE response_counts DROP CONSTRAINT response_counts_pkey, ADD PRIMARY KEY (form_id, date, unit_id, form_version, language);

ALTER TABLE day_log ADD COLUMN unit_id text NOT NULL DEFAULT ${first} REFERENCES units (id);
ALTER TABLE day_log ALTER COLUMN unit_id DROP DEFAULT;
ALTER TABLE day_log DROP CONSTRAINT day_log_pkey, ADD PRIMARY KEY (unit_id, date);

ALTER TABLE published_age_groups ADD COLUMN unit_id text NOT NULL DEFAULT ${first};
ALTER TABLE published_age_groups ALTER COLUMN unit_id DROP DEFAULT;
ALTER TABLE published_age_groups DROP CONSTRAINT published_age_groups_pkey, ADD PRIMARY KEY (form_id, unit_id, month, question_id, option_id);
`;
}
