import { prepared, type Database } from './database';

export interface MadeReceivedRow {
  kioskId: string;
  date: string;
  made: number;
  received: number;
}

/**
 * A kiosk's running totals of responses made per date. A total only grows, so the largest one
 * reported is kept: a report sent twice, or an older one arriving late, changes nothing.
 */
export function recordMade(db: Database, kioskId: string, made: Record<string, number>): void {
  const upsert = prepared(
    db,
    `INSERT INTO made_received_counts (kiosk_id, date, made) VALUES (?, ?, ?)
     ON CONFLICT (kiosk_id, date) DO UPDATE SET made = max(made, excluded.made)`,
  );
  for (const [date, count] of Object.entries(made)) upsert.run(kioskId, date, count);
}

/**
 * Counts responses the server has just accepted from a kiosk, by their dates. The caller runs it
 * in the transaction that inserted them, with the accepted ones only (never a duplicate), so the
 * count is exactly what is stored, and a restore brings back counts and responses together.
 */
export function addReceived(db: Database, kioskId: string, dates: string[]): void {
  const perDate = new Map<string, number>();
  for (const date of dates) perDate.set(date, (perDate.get(date) ?? 0) + 1);
  const upsert = prepared(
    db,
    `INSERT INTO made_received_counts (kiosk_id, date, received) VALUES (?, ?, ?)
     ON CONFLICT (kiosk_id, date) DO UPDATE SET received = received + excluded.received`,
  );
  for (const [date, count] of perDate) upsert.run(kioskId, date, count);
}

/** Made and received per kiosk and date, for the dates from..to. */
export function madeReceivedBetween(db: Database, from: string, to: string): MadeReceivedRow[] {
  return prepared(
    db,
    `SELECT kiosk_id AS kioskId, date, made, received FROM made_received_counts
     WHERE date BETWEEN ? AND ?
     ORDER BY kiosk_id, date`,
  ).all(from, to) as MadeReceivedRow[];
}

/**
 * The first date whose made and received can be compared, or null when every date can: a
 * database that held responses before the counting began received some of them uncounted.
 */
export function madeReceivedFrom(db: Database): string | null {
  return (prepared(db, 'SELECT date FROM made_received_from').pluck().get() as string | null | undefined) ?? null;
}
