/**
 * Sign-in attempts counted per key (a hash of who and from where, never the address itself) in
 * the database, so the limit holds across server instances, and each window's count is what every
 * instance added to it. A row is deleted once its window has ended.
 */
// IF NOT EXISTS: applying it again (as the upgrade tests do, winding the version back) changes nothing.
export default /* sql */ `
CREATE TABLE IF NOT EXISTS rate_limits (
  key_hash     TEXT    NOT NULL PRIMARY KEY,
  window_ends  TEXT    NOT NULL,  -- ISO time
  count        INTEGER NOT NULL CHECK (count >= 0)
) WITHOUT ROWID;
`;
