import { kioskDb } from './kiosk-db';

/** Counts one more form left unfinished on the date. Only the count is kept. */
export async function countAbandoned(date: string): Promise<void> {
  await kioskDb.transaction('rw', kioskDb.abandoned, async () => {
    const day = await kioskDb.abandoned.get(date);
    await kioskDb.abandoned.put({ date, count: (day?.count ?? 0) + 1 });
  });
}

/** Running totals per date, sent with every sync; the server keeps the largest it has seen. */
export async function abandonedTotals(): Promise<Record<string, number>> {
  const days = await kioskDb.abandoned.toArray();
  return Object.fromEntries(days.map((day) => [day.date, day.count]));
}
