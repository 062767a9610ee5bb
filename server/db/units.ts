import { unitIdFrom, type Unit, type UnitNames } from '../../src/domain/units';
import { inTransaction, type Database } from './database';

const parsed = (rows: { id: string; names: string }[]): Unit[] => rows.map((row) => ({ id: row.id, names: JSON.parse(row.names) as UnitNames }));

/** Every unit, in id order. */
export async function listUnits(db: Database): Promise<Unit[]> {
  return parsed(await db.q.selectFrom('units').select(['id', 'names']).orderBy('id').execute());
}

/** The units with these ids that exist, in id order. */
export async function unitsByIds(db: Database, ids: readonly string[]): Promise<Unit[]> {
  if (ids.length === 0) return [];
  return parsed(await db.q.selectFrom('units').select(['id', 'names']).where('id', 'in', [...ids]).orderBy('id').execute());
}

/**
 * Adds a unit with an id made from its Finnish (else first) name, numbered when that id is
 * taken ("paivakeskus-2"). Returns the new unit.
 */
export function addUnit(db: Database, names: UnitNames, now: Date): Promise<Unit> {
  return inTransaction(db, async (trx) => {
    const base = unitIdFrom(names.fi ?? Object.values(names)[0] ?? '');
    const taken = new Set((await trx.q.selectFrom('units').select('id').where('id', 'like', `${base}%`).execute()).map((row) => row.id));
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base.slice(0, 40 - String(n).length - 1)}-${n}`;
    await trx.q.insertInto('units').values({ id, names: JSON.stringify(names), created_at: now.toISOString() }).execute();
    return { id, names };
  });
}

/** Renames a unit; false when there is no such unit. */
export async function renameUnit(db: Database, id: string, names: UnitNames): Promise<boolean> {
  const result = await db.q.updateTable('units').set({ names: JSON.stringify(names) }).where('id', '=', id).executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** The form each of these units' kiosks get: the one published to it, else `defaultFormId`. */
export async function formsOfUnits(db: Database, unitIds: readonly string[], defaultFormId: string): Promise<Map<string, string>> {
  const rows = unitIds.length === 0 ? [] : await db.q.selectFrom('unit_forms').select(['unit_id', 'form_id']).where('unit_id', 'in', [...unitIds]).execute();
  const chosen = new Map(rows.map((row) => [row.unit_id, row.form_id]));
  return new Map(unitIds.map((id) => [id, chosen.get(id) ?? defaultFormId]));
}

/** The form a unit's kiosks get. */
export async function formOfUnit(db: Database, unitId: string, defaultFormId: string): Promise<string> {
  return (await formsOfUnits(db, [unitId], defaultFormId)).get(unitId)!;
}

/** The units whose kiosks get `formId` (the default form's: also every unit with none of its own). */
export async function unitsUsingForm(db: Database, formId: string, defaultFormId: string): Promise<string[]> {
  const units = await db.q.selectFrom('units').select('id').orderBy('id').execute();
  const forms = await formsOfUnits(db, units.map((unit) => unit.id), defaultFormId);
  return [...forms].filter(([, form]) => form === formId).map(([unit]) => unit);
}

/** From now on these units' kiosks get `formId`, in the caller's transaction. */
export async function useFormInUnits(db: Database, formId: string, unitIds: readonly string[]): Promise<void> {
  if (unitIds.length === 0) return;
  await db.q
    .insertInto('unit_forms')
    .values([...unitIds].sort().map((unit_id) => ({ unit_id, form_id: formId })))
    .onConflict((oc) => oc.column('unit_id').doUpdateSet((eb) => ({ form_id: eb.ref('excluded.form_id') })))
    .execute();
}
