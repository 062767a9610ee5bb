/** As SQLite's migration 012: sign-in attempts per hashed key, and the last run of each daily job. */
export default `
CREATE TABLE rate_limits (
  key_hash     text    NOT NULL PRIMARY KEY,
  window_ends  text    NOT NULL,
  count        integer NOT NULL CHECK (count >= 0)
);

CREATE TABLE job_runs (
  job     text NOT NULL PRIMARY KEY,
  ran_on  text NOT NULL
);
`;
