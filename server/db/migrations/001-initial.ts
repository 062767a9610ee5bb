/** The first schema. Add a new numbered file for every change; never edit a shipped one. */
export default /* sql */ `
-- Form versions the server knows; responses must name one of them.
CREATE TABLE form_versions (
  form_id      TEXT    NOT NULL,
  version      INTEGER NOT NULL,
  definition   TEXT    NOT NULL,  -- the form as JSON, valid under src/domain/form-schema.ts
  published    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (form_id, version)
);

-- One row per response. Keyed by the random UUIDv4 and WITHOUT ROWID, so that the table's own
-- order is the id's random order: nothing in it tells in what order people answered.
CREATE TABLE responses (
  id           TEXT    NOT NULL PRIMARY KEY,
  form_id      TEXT    NOT NULL,
  form_version INTEGER NOT NULL,
  language     TEXT    NOT NULL,
  date         TEXT    NOT NULL,  -- YYYY-MM-DD, Helsinki
  part_of_day  TEXT    NOT NULL CHECK (part_of_day IN ('morning', 'afternoon')),
  answers      TEXT    NOT NULL,  -- JSON object: question id -> option id, option ids or text
  FOREIGN KEY (form_id, form_version) REFERENCES form_versions (form_id, version)
) WITHOUT ROWID;

CREATE INDEX responses_by_date ON responses (date);

-- Enrolled kiosks. Only a hash of each device token is kept.
CREATE TABLE kiosks (
  id              TEXT    NOT NULL PRIMARY KEY,
  name            TEXT    NOT NULL,
  token_hash      TEXT    NOT NULL UNIQUE,
  enrolled_at     TEXT    NOT NULL,
  revoked_at      TEXT,
  last_sync_at    TEXT,
  waiting_at_sync INTEGER,
  app_version     TEXT
);

-- One-time pairing codes a coordinator makes; stored hashed, valid for 24 hours.
CREATE TABLE pairing_codes (
  code_hash   TEXT NOT NULL PRIMARY KEY,
  kiosk_name  TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  used_at     TEXT
);

-- Forms started and left without a stored response: a count per kiosk and date, nothing else.
-- A kiosk reports its running total for a date, so a report sent twice changes nothing.
CREATE TABLE abandoned_counts (
  kiosk_id  TEXT    NOT NULL REFERENCES kiosks (id),
  date      TEXT    NOT NULL,
  count     INTEGER NOT NULL,
  PRIMARY KEY (kiosk_id, date)
) WITHOUT ROWID;

-- Coordinators sign in with a password hashed with scrypt.
CREATE TABLE coordinators (
  username       TEXT NOT NULL PRIMARY KEY,
  password_hash  TEXT NOT NULL,
  created_at     TEXT NOT NULL
);
`;
