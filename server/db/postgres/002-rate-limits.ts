/** As SQLite's migration 012: sign-in attempts per hashed key, shared by every server instance. */
export default `
CREATE TABLE rate_limits (
  key_hash     text    NOT NULL PRIMARY KEY,
  window_ends  text    NOT NULL,
  count        integer NOT NULL CHECK (count >= 0)
);
`;
