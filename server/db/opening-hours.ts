import type { OpeningHours } from '../../src/domain/opening-hours';
import type { Database } from './database';

/** Whose hours: a unit's (its kiosks keep them) or one kiosk's own (which replace its unit's). */
export type HoursOwner = { unitId: string } | { kioskId: string };

/** The hours set for a unit or a kiosk, or null for none (a kiosk then follows its unit; a unit with none is always open). */
export async function openingHoursOf(db: Database, owner: HoursOwner): Promise<OpeningHours | null> {
  const row =
    'unitId' in owner
      ? await db.q.selectFrom('unit_opening_hours').select('hours').where('unit_id', '=', owner.unitId).executeTakeFirst()
      : await db.q.selectFrom('kiosk_opening_hours').select('hours').where('kiosk_id', '=', owner.kioskId).executeTakeFirst();
  return row ? (JSON.parse(row.hours) as OpeningHours) : null;
}

/** Sets (or, with null, clears) a unit's or a kiosk's hours. */
export async function setOpeningHours(db: Database, owner: HoursOwner, hours: OpeningHours | null, by: string, now: Date): Promise<void> {
  const values = { hours: JSON.stringify(hours), updated_at: now.toISOString(), updated_by: by };
  if ('unitId' in owner) {
    if (hours === null) await db.q.deleteFrom('unit_opening_hours').where('unit_id', '=', owner.unitId).execute();
    else
      await db.q
        .insertInto('unit_opening_hours')
        .values({ unit_id: owner.unitId, ...values })
        .onConflict((oc) => oc.column('unit_id').doUpdateSet(values))
        .execute();
  } else if (hours === null) await db.q.deleteFrom('kiosk_opening_hours').where('kiosk_id', '=', owner.kioskId).execute();
  else
    await db.q
      .insertInto('kiosk_opening_hours')
      .values({ kiosk_id: owner.kioskId, ...values })
      .onConflict((oc) => oc.column('kiosk_id').doUpdateSet(values))
      .execute();
}

/** The hours a kiosk keeps: its own if it has them, else its unit's, else null (always open). */
export async function openingHoursForKiosk(db: Database, kiosk: { id: string; unitId: string }): Promise<OpeningHours | null> {
  return (await openingHoursOf(db, { kioskId: kiosk.id })) ?? (await openingHoursOf(db, { unitId: kiosk.unitId }));
}
