import { kioskDb } from './kiosk-db';

/**
 * Running totals of responses made per date (counted as each is stored), sent with every sync
 * so that the coordinator can compare made with received.
 */
export async function madeTotals(): Promise<Record<string, number>> {
  const days = await kioskDb.made.toArray();
  return Object.fromEntries(days.map((day) => [day.date, day.count]));
}
