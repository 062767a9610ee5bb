import { localDay } from '../../../src/domain/local-day';
import { addDays } from '../../../src/domain/periods';
import type { SqliteConnection } from '../database';

/**
 * Per kiosk and date: how many responses the kiosk says it made (the largest running total it
 * has reported, as for abandoned forms) and how many of them the server accepted, so a response
 * lost anywhere between the tablet and the disk shows up as made minus received. Two numbers a
 * date, nothing else: no response points to the kiosk it came from.
 *
 * A database that already holds responses received some of them before anything was counted:
 * its dates up to the day of this upgrade would show them as missing. Only the dates after it
 * are compared (made_received_from); a new database compares every date (NULL).
 */
// IF NOT EXISTS and OR IGNORE: applying it again (as the upgrade tests do) changes nothing.
export default function madeReceivedCounts(db: SqliteConnection): void {
  db.exec(/* sql */ `
    CREATE TABLE IF NOT EXISTS made_received_counts (
      kiosk_id  TEXT    NOT NULL REFERENCES kiosks (id),
      date      TEXT    NOT NULL,
      made      INTEGER NOT NULL DEFAULT 0 CHECK (made >= 0),
      received  INTEGER NOT NULL DEFAULT 0 CHECK (received >= 0),
      PRIMARY KEY (kiosk_id, date)
    ) WITHOUT ROWID;

    CREATE TABLE IF NOT EXISTS made_received_from (
      only_row  INTEGER PRIMARY KEY CHECK (only_row = 1),
      date      TEXT
    );
  `);
  const hasResponses = db.prepare('SELECT EXISTS (SELECT 1 FROM responses)').pluck().get() === 1;
  const from = hasResponses ? addDays(localDay(new Date()).date, 1) : null;
  db.prepare('INSERT OR IGNORE INTO made_received_from (only_row, date) VALUES (1, ?)').run(from);
}
