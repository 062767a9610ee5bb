import type { Role } from '../../src/domain/units';
import { inTransaction, type Database } from './database';

/** A coordinator's role and the units assigned to them (an area administrator's are all, and listed as none). */
export interface CoordinatorAccount {
  username: string;
  role: Role;
  units: string[];
}

/** Adds a coordinator with a role and units; returns false if the username is taken. */
export function addCoordinator(db: Database, username: string, passwordHash: string, now: Date, { role, units }: { role: Role; units: readonly string[] }): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const result = await trx.q
      .insertInto('coordinators')
      .values({ username, password_hash: passwordHash, created_at: now.toISOString(), role })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (result.numInsertedOrUpdatedRows !== 1n) return false;
    await assignUnits(trx, username, role, units);
    return true;
  });
}

async function assignUnits(db: Database, username: string, role: Role, units: readonly string[]): Promise<void> {
  await db.q.deleteFrom('coordinator_units').where('username', '=', username).execute();
  // An area administrator sees every unit, those added later too: no list to keep up.
  if (role === 'admin' || units.length === 0) return;
  await db.q
    .insertInto('coordinator_units')
    .values([...new Set(units)].sort().map((unit_id) => ({ username, unit_id })))
    .execute();
}

/** Changes a coordinator's role and units; false when there is no such coordinator. */
export function setCoordinatorAccess(db: Database, username: string, { role, units }: { role: Role; units: readonly string[] }): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const result = await trx.q.updateTable('coordinators').set({ role }).where('username', '=', username).executeTakeFirst();
    if (result.numUpdatedRows !== 1n) return false;
    await assignUnits(trx, username, role, units);
    return true;
  });
}

/** A coordinator's role and units, or undefined when there is no such coordinator. */
export async function coordinatorAccount(db: Database, username: string): Promise<CoordinatorAccount | undefined> {
  const row = await db.q.selectFrom('coordinators').select(['username', 'role']).where('username', '=', username).executeTakeFirst();
  if (!row) return undefined;
  const units = await db.q.selectFrom('coordinator_units').select('unit_id').where('username', '=', username).orderBy('unit_id').execute();
  return { username: row.username, role: row.role, units: units.map((unit) => unit.unit_id) };
}

/** Every coordinator with their role and units, by username. */
export async function listCoordinators(db: Database): Promise<CoordinatorAccount[]> {
  const rows = await db.q.selectFrom('coordinators').select(['username', 'role']).orderBy('username').execute();
  const units = await db.q.selectFrom('coordinator_units').select(['username', 'unit_id']).orderBy('unit_id').execute();
  return rows.map((row) => ({ username: row.username, role: row.role, units: units.filter((unit) => unit.username === row.username).map((unit) => unit.unit_id) }));
}

export async function coordinatorPasswordHash(db: Database, username: string): Promise<string | undefined> {
  const row = await db.q.selectFrom('coordinators').select('password_hash').where('username', '=', username).executeTakeFirst();
  return row?.password_hash;
}

export async function setCoordinatorPassword(db: Database, username: string, passwordHash: string): Promise<void> {
  await db.q.updateTable('coordinators').set({ password_hash: passwordHash }).where('username', '=', username).execute();
}
