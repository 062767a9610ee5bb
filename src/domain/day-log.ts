import * as z from 'zod/mini';
import { scrubFreeText } from './scrub';

/**
 * Who came to the day centre on a date, in the Rovaniemi pilot's terms. The ids match the
 * options of the default form's "met" question, so answers can be set beside presence.
 */
export const PROFESSIONALS = ['adult-social-work', 'health-station', 'addiction-services', 'shelter-home', 'other'] as const;
export type Professional = (typeof PROFESSIONALS)[number];

export const MAX_NOTE_LENGTH = 500;
export const MAX_MEALS = 10_000;

/**
 * A day's log: meals served (the centre's visitor count, as nobody is registered), which
 * professionals were present, and a short note. Editable afterwards.
 */
export const dayLogEntry = z.strictObject({
  date: z.iso.date(),
  mealsServed: z.nullable(z.int().check(z.gte(0), z.lte(MAX_MEALS))),
  professionals: z
    .array(z.enum(PROFESSIONALS))
    .check(z.refine((list) => new Set(list).size === list.length, 'each professional at most once')),
  note: z.string().check(z.maxLength(MAX_NOTE_LENGTH)),
});
export type DayLogEntry = z.output<typeof dayLogEntry>;

/** A day's log of one unit: each unit logs its own meals and professionals. */
export type UnitDayLogEntry = DayLogEntry & { unit: string };

/**
 * The note is staff's words about a day, not about a person: identity codes, phone numbers and
 * e-mail addresses are taken out as in visitors' free text, and the order of professionals is
 * fixed so two saves of the same day compare equal.
 */
export function cleanDayLogEntry(entry: DayLogEntry): DayLogEntry {
  return {
    ...entry,
    note: scrubFreeText(entry.note.trim()),
    professionals: PROFESSIONALS.filter((p) => entry.professionals.includes(p)),
  };
}
