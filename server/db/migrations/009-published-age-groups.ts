/**
 * A month's age-group counts as a summary first published them. Every later summary shows these,
 * so responses that a kiosk sends late never change a published figure: two downloads of the
 * same month would otherwise give the late responses' age groups by subtraction.
 */
// IF NOT EXISTS: applying it again (as the upgrade tests do, winding the version back) changes nothing.
export default /* sql */ `
CREATE TABLE IF NOT EXISTS published_age_groups (
  form_id      TEXT    NOT NULL,
  month        TEXT    NOT NULL,  -- YYYY-MM
  question_id  TEXT    NOT NULL,  -- the form's background question
  option_id    TEXT    NOT NULL,  -- '' for no answer; an option no version of the month offered has no row
  count        INTEGER NOT NULL CHECK (count >= 0),
  month_total  INTEGER NOT NULL CHECK (month_total >= 0),  -- the month's responses then: the sum of its rows' counts
  PRIMARY KEY (form_id, month, question_id, option_id)
) WITHOUT ROWID;
`;
