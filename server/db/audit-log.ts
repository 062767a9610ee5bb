import type { AuditAction, AuditEntry } from '../../src/domain/coordinator-api';
import { prepared, type Database } from './database';

/** Who acts from the command line, where there is no signed-in coordinator. */
export const COMMAND_LINE = 'command line';

export function audit(db: Database, actor: string, action: AuditAction, detail = '', now = new Date()): void {
  prepared(db, 'INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)').run(
    now.toISOString(),
    actor.slice(0, 64),
    action,
    detail.slice(0, 300),
  );
}

/** The newest entries first. */
export function auditEntries(db: Database, limit = 200, before?: number): AuditEntry[] {
  return db
    .prepare(
      `SELECT seq, at, actor, action, detail FROM audit_log
       WHERE seq < coalesce(?, 9223372036854775807) ORDER BY seq DESC LIMIT ?`,
    )
    .all(before ?? null, limit) as AuditEntry[];
}

/** Retention: removes the entries made before `before`; returns how many went. */
export function removeAuditEntriesBefore(db: Database, before: Date): number {
  return db.prepare('DELETE FROM audit_log WHERE at < ?').run(before.toISOString()).changes;
}
