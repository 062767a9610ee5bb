import type { DayLogEntry } from '../../src/domain/day-log';
import type { Database } from './database';

/** Saves a day's log, replacing what was there for that date. */
export async function saveDayLog(db: Database, entry: DayLogEntry, by: string, now: Date): Promise<void> {
  await db.q
    .insertInto('day_log')
    .values({
      date: entry.date,
      meals_served: entry.mealsServed,
      professionals: JSON.stringify(entry.professionals),
      note: entry.note,
      updated_at: now.toISOString(),
      updated_by: by,
    })
    .onConflict((oc) =>
      oc.column('date').doUpdateSet((eb) => ({
        meals_served: eb.ref('excluded.meals_served'),
        professionals: eb.ref('excluded.professionals'),
        note: eb.ref('excluded.note'),
        updated_at: eb.ref('excluded.updated_at'),
        updated_by: eb.ref('excluded.updated_by'),
      })),
    )
    .execute();
}

/** The logged days from `from` to `to` (inclusive), in date order. */
export async function dayLogBetween(db: Database, from: string, to: string): Promise<DayLogEntry[]> {
  const rows = await db.q
    .selectFrom('day_log')
    .select(['date', 'meals_served as mealsServed', 'professionals', 'note'])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .execute();
  return rows.map((row) => ({ ...row, professionals: JSON.parse(row.professionals) as DayLogEntry['professionals'] }));
}
