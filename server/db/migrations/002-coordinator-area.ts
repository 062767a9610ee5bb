/** The coordinator's area: sessions, the audit log and the day log. */
export default /* sql */ `
-- Signed-in coordinators. Only a hash of the cookie's random id is kept, so a copy of the
-- database cannot be used to sign in.
CREATE TABLE sessions (
  id_hash       TEXT NOT NULL PRIMARY KEY,
  username      TEXT NOT NULL REFERENCES coordinators (username) ON DELETE CASCADE,
  created_at    TEXT NOT NULL,
  last_seen_at  TEXT NOT NULL,
  expires_at    TEXT NOT NULL   -- absolute end, however active the session is
);
CREATE INDEX sessions_by_username ON sessions (username);

-- What coordinators (and the command line) did, and when. Never visitor data: a download says
-- which file and range, a redaction which response, not what was removed.
CREATE TABLE audit_log (
  seq       INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,   -- a username, or "command line"
  action    TEXT NOT NULL,
  detail    TEXT NOT NULL DEFAULT ''
);

-- One row per date: meals served, professionals present (JSON array of ids), a short note.
CREATE TABLE day_log (
  date           TEXT    NOT NULL PRIMARY KEY,
  meals_served   INTEGER CHECK (meals_served IS NULL OR meals_served >= 0),
  professionals  TEXT    NOT NULL DEFAULT '[]',
  note           TEXT    NOT NULL DEFAULT '',
  updated_at     TEXT    NOT NULL,
  updated_by     TEXT    NOT NULL
) WITHOUT ROWID;
`;
