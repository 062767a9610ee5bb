import { sql } from 'kysely';
import type { Database } from './database';

export interface MadeReceivedRow {
  kioskId: string;
  date: string;
  made: number;
  received: number;
}

export interface MadeAndReceived {
  kioskId: string;
  /** The kiosk's running totals of responses made per date (a kiosk from before them sends none). */
  made?: Record<string, number>;
  /** The dates of the responses the server has just accepted from it, one per response. */
  receivedDates?: string[];
}

/**
 * Adds what kiosks reported and what the server received from them, one statement for any number
 * of kiosks and dates:
 * - made: a kiosk's running total per date only grows, so the largest one reported is kept, and a
 *   report sent twice, or an older one arriving late, changes nothing;
 * - received: the caller gives the accepted responses only (never a duplicate), in the transaction
 *   that inserted them, so the count is exactly what is stored, and a restore brings back counts
 *   and responses together.
 * Rows go in key order, so two transactions at once lock them in one order and never deadlock.
 */
export async function addMadeAndReceived(db: Database, reports: MadeAndReceived[]): Promise<void> {
  const rows = new Map<string, { kiosk_id: string; date: string; made: number; received: number }>();
  const row = (kioskId: string, date: string) => {
    const key = `${kioskId}|${date}`;
    let found = rows.get(key);
    if (!found) rows.set(key, (found = { kiosk_id: kioskId, date, made: 0, received: 0 }));
    return found;
  };
  for (const { kioskId, made = {}, receivedDates = [] } of reports) {
    for (const [date, total] of Object.entries(made)) row(kioskId, date).made = Math.max(row(kioskId, date).made, total);
    for (const date of receivedDates) row(kioskId, date).received += 1;
  }
  if (rows.size === 0) return;
  await db.q
    .insertInto('made_received_counts')
    .values([...rows.keys()].sort().map((key) => rows.get(key)!))
    .onConflict((oc) =>
      oc.columns(['kiosk_id', 'date']).doUpdateSet((eb) => ({
        made: sql<number>`CASE WHEN excluded.made > made_received_counts.made THEN excluded.made ELSE made_received_counts.made END`,
        received: eb('made_received_counts.received', '+', eb.ref('excluded.received')),
      })),
    )
    .execute();
}

/** Made and received per kiosk and date, for the dates from..to. */
export function madeReceivedBetween(db: Database, from: string, to: string): Promise<MadeReceivedRow[]> {
  return db.q
    .selectFrom('made_received_counts')
    .select(['kiosk_id as kioskId', 'date', 'made', 'received'])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('kiosk_id')
    .orderBy('date')
    .execute();
}

/**
 * The first date whose made and received can be compared, or null when every date can: a
 * database that held responses before the counting began received some of them uncounted.
 */
export async function madeReceivedFrom(db: Database): Promise<string | null> {
  const row = await db.q.selectFrom('made_received_from').select('date').executeTakeFirst();
  return row?.date ?? null;
}
