import type { AuditAction, AuditEntry } from '../../src/domain/coordinator-api';
import { inTransaction, type Database } from './database';

/** Who acts from the command line, where there is no signed-in coordinator. */
export const COMMAND_LINE = 'command line';

/** Records an action, with the units whose data or kiosks it was about (none for a sign-in, say). */
export function audit(db: Database, actor: string, action: AuditAction, detail = '', now = new Date(), units: readonly string[] = []): Promise<void> {
  return inTransaction(db, async (trx) => {
    const { seq } = await trx.q
      .insertInto('audit_log')
      .values({ at: now.toISOString(), actor: actor.slice(0, 64), action, detail: detail.slice(0, 300) })
      .returning('seq')
      .executeTakeFirstOrThrow();
    if (units.length > 0) await trx.q.insertInto('audit_log_units').values([...new Set(units)].sort().map((unit_id) => ({ seq, unit_id }))).execute();
  });
}

/**
 * The newest entries first, each with its units. `units` 'all' gives every entry (an area
 * administrator's view); a list gives the entries about any of those units only.
 */
export async function auditEntries(db: Database, units: readonly string[] | 'all', limit = 200, before?: number): Promise<AuditEntry[]> {
  if (units !== 'all' && units.length === 0) return [];
  const entries = await db.q
    .selectFrom('audit_log')
    .select(['seq', 'at', 'actor', 'action', 'detail'])
    .$if(before !== undefined, (qb) => qb.where('seq', '<', before!))
    .$if(units !== 'all', (qb) =>
      qb.where('seq', 'in', (eb) => eb.selectFrom('audit_log_units').select('seq').where('unit_id', 'in', [...(units as readonly string[])])),
    )
    .orderBy('seq', 'desc')
    .limit(limit)
    .$narrowType<{ action: AuditAction }>()
    .execute();
  if (entries.length === 0) return [];
  const unitRows = await db.q
    .selectFrom('audit_log_units')
    .select(['seq', 'unit_id'])
    .where('seq', 'in', entries.map((entry) => entry.seq))
    .orderBy('unit_id')
    .execute();
  return entries.map((entry) => ({ ...entry, units: unitRows.filter((row) => row.seq === entry.seq).map((row) => row.unit_id) }));
}

/** Retention: removes the entries made before `before`; returns how many went. */
export async function removeAuditEntriesBefore(db: Database, before: Date): Promise<number> {
  return inTransaction(db, async (trx) => {
    // The units go with their entries (the foreign key cascades too, but only where it is on).
    await trx.q
      .deleteFrom('audit_log_units')
      .where('seq', 'in', (eb) => eb.selectFrom('audit_log').select('seq').where('at', '<', before.toISOString()))
      .execute();
    const result = await trx.q.deleteFrom('audit_log').where('at', '<', before.toISOString()).executeTakeFirst();
    return Number(result.numDeletedRows);
  });
}
