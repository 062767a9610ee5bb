import type { DayLogEntry, UnitDayLogEntry } from '../../src/domain/day-log';
import type { Database } from './database';

/** Saves a unit's log of a day, replacing what was there for that unit and date. */
export async function saveDayLog(db: Database, unitId: string, entry: DayLogEntry, by: string, now: Date): Promise<void> {
  await db.q
    .insertInto('day_log')
    .values({
      unit_id: unitId,
      date: entry.date,
      meals_served: entry.mealsServed,
      professionals: JSON.stringify(entry.professionals),
      note: entry.note,
      updated_at: now.toISOString(),
      updated_by: by,
    })
    .onConflict((oc) =>
      oc.columns(['unit_id', 'date']).doUpdateSet((eb) => ({
        meals_served: eb.ref('excluded.meals_served'),
        professionals: eb.ref('excluded.professionals'),
        note: eb.ref('excluded.note'),
        updated_at: eb.ref('excluded.updated_at'),
        updated_by: eb.ref('excluded.updated_by'),
      })),
    )
    .execute();
}

/** The logged days of these units from `from` to `to` (inclusive), in date and unit order. */
export async function dayLogBetween(db: Database, units: readonly string[], from: string, to: string): Promise<UnitDayLogEntry[]> {
  if (units.length === 0) return [];
  const rows = await db.q
    .selectFrom('day_log')
    .select(['unit_id as unit', 'date', 'meals_served as mealsServed', 'professionals', 'note'])
    .where('unit_id', 'in', [...units])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .orderBy('unit_id')
    .execute();
  return rows.map((row) => ({ ...row, professionals: JSON.parse(row.professionals) as DayLogEntry['professionals'] }));
}
