import type { DayLogEntry } from '../../src/domain/day-log';
import type { Database } from './database';

interface DayLogRow {
  date: string;
  mealsServed: number | null;
  professionals: string;
  note: string;
}

const fromRow = (row: DayLogRow): DayLogEntry => ({
  date: row.date,
  mealsServed: row.mealsServed,
  professionals: JSON.parse(row.professionals) as DayLogEntry['professionals'],
  note: row.note,
});

/** Saves a day's log, replacing what was there for that date. */
export function saveDayLog(db: Database, entry: DayLogEntry, by: string, now: Date): void {
  db.prepare(
    `INSERT INTO day_log (date, meals_served, professionals, note, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (date) DO UPDATE SET meals_served = excluded.meals_served, professionals = excluded.professionals,
       note = excluded.note, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(entry.date, entry.mealsServed, JSON.stringify(entry.professionals), entry.note, now.toISOString(), by);
}

/** The logged days from `from` to `to` (inclusive), in date order. */
export function dayLogBetween(db: Database, from: string, to: string): DayLogEntry[] {
  return (
    db
      .prepare(
        `SELECT date, meals_served AS mealsServed, professionals, note FROM day_log
         WHERE date BETWEEN ? AND ? ORDER BY date`,
      )
      .all(from, to) as DayLogRow[]
  ).map(fromRow);
}
