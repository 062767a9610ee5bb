import { sql } from 'kysely';
import type { Database } from './database';

export interface MadeReceivedRow {
  kioskId: string;
  date: string;
  made: number;
  received: number;
}

const byDate = (entries: [string, number][]) => entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * A kiosk's running totals of responses made per date. A total only grows, so the largest one
 * reported is kept: a report sent twice, or an older one arriving late, changes nothing.
 */
export async function recordMade(db: Database, kioskId: string, made: Record<string, number>): Promise<void> {
  const rows = byDate(Object.entries(made)).map(([date, count]) => ({ kiosk_id: kioskId, date, made: count }));
  if (rows.length === 0) return;
  await db.q
    .insertInto('made_received_counts')
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(['kiosk_id', 'date'])
        .doUpdateSet({ made: sql<number>`CASE WHEN excluded.made > made_received_counts.made THEN excluded.made ELSE made_received_counts.made END` }),
    )
    .execute();
}

/**
 * Counts responses the server has just accepted from a kiosk, by their dates. The caller runs it
 * in the transaction that inserted them, with the accepted ones only (never a duplicate), so the
 * count is exactly what is stored, and a restore brings back counts and responses together.
 */
export async function addReceived(db: Database, kioskId: string, dates: string[]): Promise<void> {
  const perDate = new Map<string, number>();
  for (const date of dates) perDate.set(date, (perDate.get(date) ?? 0) + 1);
  const rows = byDate([...perDate]).map(([date, count]) => ({ kiosk_id: kioskId, date, received: count }));
  if (rows.length === 0) return;
  await db.q
    .insertInto('made_received_counts')
    .values(rows)
    .onConflict((oc) => oc.columns(['kiosk_id', 'date']).doUpdateSet((eb) => ({ received: eb('made_received_counts.received', '+', eb.ref('excluded.received')) })))
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
