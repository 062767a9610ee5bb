import type { AuditAction, AuditEntry } from '../../src/domain/coordinator-api';
import type { Database } from './database';

/** Who acts from the command line, where there is no signed-in coordinator. */
export const COMMAND_LINE = 'command line';

export async function audit(db: Database, actor: string, action: AuditAction, detail = '', now = new Date()): Promise<void> {
  await db.q.insertInto('audit_log').values({ at: now.toISOString(), actor: actor.slice(0, 64), action, detail: detail.slice(0, 300) }).execute();
}

/** The newest entries first. */
export function auditEntries(db: Database, limit = 200, before?: number): Promise<AuditEntry[]> {
  return db.q
    .selectFrom('audit_log')
    .select(['seq', 'at', 'actor', 'action', 'detail'])
    .$if(before !== undefined, (qb) => qb.where('seq', '<', before!))
    .orderBy('seq', 'desc')
    .limit(limit)
    .$narrowType<{ action: AuditAction }>()
    .execute();
}

/** Retention: removes the entries made before `before`; returns how many went. */
export async function removeAuditEntriesBefore(db: Database, before: Date): Promise<number> {
  const result = await db.q.deleteFrom('audit_log').where('at', '<', before.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
