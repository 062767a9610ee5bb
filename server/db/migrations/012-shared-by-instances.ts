/**
 * What server instances on one database share beyond the data:
 * - rate_limits: sign-in attempts counted per key (a hash of who and from where, never the
 *   address itself), so the limit holds across instances; a row goes once its window ends.
 * - job_runs: the last date each daily job (backup, retention) ran, so it runs once a day
 *   whichever instance gets to it first.
 */
// IF NOT EXISTS: applying it again (as the upgrade tests do, winding the version back) changes nothing.
export default /* sql */ `
CREATE TABLE IF NOT EXISTS rate_limits (
  key_hash     TEXT    NOT NULL PRIMARY KEY,
  window_ends  TEXT    NOT NULL,  -- ISO time
  count        INTEGER NOT NULL CHECK (count >= 0)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS job_runs (
  job     TEXT NOT NULL PRIMARY KEY,
  ran_on  TEXT NOT NULL  -- the Helsinki date (YYYY-MM-DD) of the last run
) WITHOUT ROWID;
`;
