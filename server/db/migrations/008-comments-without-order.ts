import { localDay } from '../../../src/domain/local-day';
import type { SqliteConnection } from '../database';

/**
 * Reviewers' comments keep nothing finer than the day they arrived. The table was a rowid
 * table, and a rowid counts up as rows arrive, so it kept the order in which comments came (and
 * with the day, roughly when) for anyone who reads the file. Rebuilt WITHOUT ROWID on the random
 * id, every row kept: its place in the file says nothing of when it came.
 *
 * Comments stored before only the day was kept carry the full time they arrived: cut to the
 * Helsinki date. The old table's pages are overwritten with zeros as it goes (secure_delete),
 * so the free pages of the file do not keep the old order either.
 */
export default function commentsWithoutOrder(db: SqliteConnection): void {
  const timed = db.prepare('SELECT id, created_at AS createdAt FROM draft_comments WHERE length(created_at) > 10').all() as { id: string; createdAt: string }[];
  const toDay = db.prepare('UPDATE draft_comments SET created_at = ? WHERE id = ?');
  for (const { id, createdAt } of timed) toDay.run(localDay(new Date(createdAt)).date, id);
  const secureDelete = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  db.exec(/* sql */ `
    CREATE TABLE draft_comments_by_id (
      id          TEXT NOT NULL PRIMARY KEY,
      form_id     TEXT NOT NULL,
      target      TEXT NOT NULL,  -- "question" or "question/option"
      language    TEXT NOT NULL,
      text        TEXT NOT NULL,
      created_at  TEXT NOT NULL,  -- the Helsinki date it arrived, YYYY-MM-DD, nothing finer
      done_at     TEXT,
      done_by     TEXT
    ) WITHOUT ROWID;
    INSERT INTO draft_comments_by_id (id, form_id, target, language, text, created_at, done_at, done_by)
      SELECT id, form_id, target, language, text, created_at, done_at, done_by FROM draft_comments;
    DROP TABLE draft_comments;
    ALTER TABLE draft_comments_by_id RENAME TO draft_comments;
  `);
  db.pragma(`secure_delete = ${secureDelete}`);
}
