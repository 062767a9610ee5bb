/** As SQLite's migration 014: notices and their units, opening hours, and preview links to a notice. */
export default `
CREATE TABLE notices (
  id            text NOT NULL PRIMARY KEY,
  texts         text NOT NULL,
  starts_on     text NOT NULL,
  ends_on       text NOT NULL,
  published_at  text,
  updated_at    text NOT NULL,
  updated_by    text NOT NULL,
  CHECK (starts_on <= ends_on)
);

CREATE TABLE notice_units (
  notice_id  text NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
  unit_id    text NOT NULL REFERENCES units (id),
  PRIMARY KEY (notice_id, unit_id)
);
CREATE INDEX notice_units_by_unit ON notice_units (unit_id, notice_id);

CREATE TABLE unit_opening_hours (
  unit_id     text NOT NULL PRIMARY KEY REFERENCES units (id),
  hours       text NOT NULL,
  updated_at  text NOT NULL,
  updated_by  text NOT NULL
);

CREATE TABLE kiosk_opening_hours (
  kiosk_id    text NOT NULL PRIMARY KEY REFERENCES kiosks (id),
  hours       text NOT NULL,
  updated_at  text NOT NULL,
  updated_by  text NOT NULL
);

ALTER TABLE preview_links ADD COLUMN notice_id text;
`;
