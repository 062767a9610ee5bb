/** Drafts of a form, their preview links and the reviewers' comments on them. */
export default /* sql */ `
-- One draft per form at a time, made from a published version; its texts may be incomplete.
CREATE TABLE form_drafts (
  form_id           TEXT    NOT NULL PRIMARY KEY,
  based_on_version  INTEGER NOT NULL,
  definition        TEXT    NOT NULL,  -- JSON; checked by src/domain/draft.ts
  updated_at        TEXT    NOT NULL,
  updated_by        TEXT    NOT NULL
);

-- Links that open a draft's preview without an account; only a hash of the token is kept.
CREATE TABLE preview_links (
  token_hash  TEXT NOT NULL PRIMARY KEY,
  form_id     TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  revoked_at  TEXT
);

-- What reviewers said of a question's or an option's wording. The id comes from the device
-- that wrote it, so a comment queued offline and sent twice is stored once.
CREATE TABLE draft_comments (
  id          TEXT NOT NULL PRIMARY KEY,
  form_id     TEXT NOT NULL,
  target      TEXT NOT NULL,  -- "question" or "question/option"
  language    TEXT NOT NULL,
  text        TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  done_at     TEXT,
  done_by     TEXT
);
`;
