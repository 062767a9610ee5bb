/**
 * The PostgreSQL schema at the point the SQLite file reaches with its migrations 001 to 011: the
 * same tables, columns, keys and checks, in PostgreSQL's words. Later changes come as migrations
 * for both databases.
 */
export default `
CREATE TABLE form_versions (
  form_id     text    NOT NULL,
  version     integer NOT NULL,
  definition  text    NOT NULL,
  published   integer NOT NULL DEFAULT 0,
  PRIMARY KEY (form_id, version)
);

CREATE TABLE kiosks (
  id              text    NOT NULL PRIMARY KEY,
  name            text    NOT NULL,
  token_hash      text    NOT NULL UNIQUE,
  enrolled_at     text    NOT NULL,
  revoked_at      text,
  last_sync_at    text,
  waiting_at_sync integer,
  app_version     text
);

CREATE TABLE pairing_codes (
  code_hash   text NOT NULL PRIMARY KEY,
  kiosk_name  text NOT NULL,
  expires_at  text NOT NULL,
  used_at     text
);

CREATE TABLE abandoned_counts (
  kiosk_id  text    NOT NULL REFERENCES kiosks (id),
  date      text    NOT NULL,
  count     integer NOT NULL,
  PRIMARY KEY (kiosk_id, date)
);

CREATE TABLE coordinators (
  username       text NOT NULL PRIMARY KEY,
  password_hash  text NOT NULL,
  created_at     text NOT NULL
);

CREATE TABLE sessions (
  id_hash       text NOT NULL PRIMARY KEY,
  username      text NOT NULL REFERENCES coordinators (username) ON DELETE CASCADE,
  created_at    text NOT NULL,
  last_seen_at  text NOT NULL,
  expires_at    text NOT NULL
);
CREATE INDEX sessions_by_username ON sessions (username);

CREATE TABLE audit_log (
  seq     integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at      text NOT NULL,
  actor   text NOT NULL,
  action  text NOT NULL,
  detail  text NOT NULL DEFAULT ''
);

CREATE TABLE day_log (
  date           text    NOT NULL PRIMARY KEY,
  meals_served   integer CHECK (meals_served IS NULL OR meals_served >= 0),
  professionals  text    NOT NULL DEFAULT '[]',
  note           text    NOT NULL DEFAULT '',
  updated_at     text    NOT NULL,
  updated_by     text    NOT NULL
);

CREATE TABLE answer_counts (
  form_id       text    NOT NULL,
  date          text    NOT NULL,
  form_version  integer NOT NULL,
  language      text    NOT NULL,
  question_id   text    NOT NULL,
  option_id     text    NOT NULL,
  count         integer NOT NULL CHECK (count >= 0),
  PRIMARY KEY (form_id, date, form_version, language, question_id, option_id)
);

CREATE TABLE response_counts (
  form_id       text    NOT NULL,
  date          text    NOT NULL,
  form_version  integer NOT NULL,
  language      text    NOT NULL,
  count         integer NOT NULL CHECK (count >= 0),
  PRIMARY KEY (form_id, date, form_version, language)
);

CREATE TABLE responses (
  date          text    NOT NULL,
  id            text    NOT NULL,
  form_id       text    NOT NULL,
  form_version  integer NOT NULL,
  language      text    NOT NULL,
  part_of_day   text    NOT NULL CHECK (part_of_day IN ('morning', 'afternoon')),
  answers       text    NOT NULL,
  PRIMARY KEY (date, id),
  FOREIGN KEY (form_id, form_version) REFERENCES form_versions (form_id, version)
);
CREATE UNIQUE INDEX responses_by_id ON responses (id);

CREATE TABLE form_drafts (
  form_id           text    NOT NULL PRIMARY KEY,
  based_on_version  integer NOT NULL,
  definition        text    NOT NULL,
  updated_at        text    NOT NULL,
  updated_by        text    NOT NULL
);

CREATE TABLE preview_links (
  token_hash  text NOT NULL PRIMARY KEY,
  form_id     text NOT NULL,
  created_at  text NOT NULL,
  revoked_at  text,
  made_for    text NOT NULL DEFAULT ''
);

CREATE TABLE draft_comments (
  id          text NOT NULL PRIMARY KEY,
  form_id     text NOT NULL,
  target      text NOT NULL,
  language    text NOT NULL,
  text        text NOT NULL,
  created_at  text NOT NULL,
  done_at     text,
  done_by     text
);

CREATE TABLE published_age_groups (
  form_id      text    NOT NULL,
  month        text    NOT NULL,
  question_id  text    NOT NULL,
  option_id    text    NOT NULL,
  count        integer NOT NULL CHECK (count >= 0),
  month_total  integer NOT NULL CHECK (month_total >= 0),
  PRIMARY KEY (form_id, month, question_id, option_id)
);

CREATE TABLE database_identity (
  only_row  integer PRIMARY KEY CHECK (only_row = 1),
  id        text    NOT NULL
);

CREATE TABLE made_received_counts (
  kiosk_id  text    NOT NULL REFERENCES kiosks (id),
  date      text    NOT NULL,
  made      integer NOT NULL DEFAULT 0 CHECK (made >= 0),
  received  integer NOT NULL DEFAULT 0 CHECK (received >= 0),
  PRIMARY KEY (kiosk_id, date)
);

CREATE TABLE made_received_from (
  only_row  integer PRIMARY KEY CHECK (only_row = 1),
  date      text
);
`;
