import { prepared, type Database } from './database';
import { recordMade } from './made-received-counts';

export interface KioskRow {
  id: string;
  name: string;
  enrolledAt: string;
  revokedAt: string | null;
  lastSyncAt: string | null;
  waitingAtSync: number | null;
  appVersion: string | null;
}

const KIOSK_COLUMNS = `id, name, enrolled_at AS enrolledAt, revoked_at AS revokedAt, last_sync_at AS lastSyncAt,
  waiting_at_sync AS waitingAtSync, app_version AS appVersion`;

export function addPairingCode(db: Database, codeHash: string, kioskName: string, expiresAt: Date): void {
  db.prepare('INSERT INTO pairing_codes (code_hash, kiosk_name, expires_at) VALUES (?, ?, ?)').run(
    codeHash,
    kioskName,
    expiresAt.toISOString(),
  );
}

/**
 * Uses a pairing code and enrolls a kiosk under it, in one transaction: a code works once,
 * and only before it expires. Returns the new kiosk, or null if the code is unknown, used or old.
 */
export function enrollWithPairingCode(
  db: Database,
  { codeHash, kioskId, tokenHash, now }: { codeHash: string; kioskId: string; tokenHash: string; now: Date },
): KioskRow | null {
  return db.transaction(() => {
    const code = db
      .prepare('SELECT kiosk_name AS name FROM pairing_codes WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?')
      .get(codeHash, now.toISOString()) as { name: string } | undefined;
    if (!code) return null;
    db.prepare('UPDATE pairing_codes SET used_at = ? WHERE code_hash = ?').run(now.toISOString(), codeHash);
    db.prepare('INSERT INTO kiosks (id, name, token_hash, enrolled_at) VALUES (?, ?, ?, ?)').run(
      kioskId,
      code.name,
      tokenHash,
      now.toISOString(),
    );
    return db.prepare(`SELECT ${KIOSK_COLUMNS} FROM kiosks WHERE id = ?`).get(kioskId) as KioskRow;
  })();
}

/** The enrolled, not revoked kiosk holding this token, or undefined. */
export function kioskByTokenHash(db: Database, tokenHash: string): KioskRow | undefined {
  return prepared(db, `SELECT ${KIOSK_COLUMNS} FROM kiosks WHERE token_hash = ? AND revoked_at IS NULL`).get(tokenHash) as
    | KioskRow
    | undefined;
}

export function listKiosks(db: Database): KioskRow[] {
  return db.prepare(`SELECT ${KIOSK_COLUMNS} FROM kiosks ORDER BY name, id`).all() as KioskRow[];
}

/** Revokes a kiosk's token; returns false if there is no such kiosk. */
export function revokeKiosk(db: Database, kioskId: string, now: Date): boolean {
  return (
    db.prepare('UPDATE kiosks SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?').run(now.toISOString(), kioskId)
      .changes === 1
  );
}

export interface KioskSyncState {
  at: Date;
  waiting: number;
  appVersion: string;
  /** Running totals of abandoned forms per date. */
  abandoned: Record<string, number>;
  /** Running totals of responses made per date (a kiosk from before them sends none). */
  made?: Record<string, number>;
}

/** What a kiosk says of itself at each sync, so a coordinator can see one that went quiet. */
export function recordSync(db: Database, kioskId: string, { at, waiting, appVersion, abandoned, made = {} }: KioskSyncState): void {
  const upsertAbandoned = prepared(
    db,
    `INSERT INTO abandoned_counts (kiosk_id, date, count) VALUES (?, ?, ?)
     ON CONFLICT (kiosk_id, date) DO UPDATE SET count = max(count, excluded.count)`,
  );
  db.transaction(() => {
    prepared(db, 'UPDATE kiosks SET last_sync_at = ?, waiting_at_sync = ?, app_version = ? WHERE id = ?').run(
      at.toISOString(),
      waiting,
      appVersion,
      kioskId,
    );
    for (const [date, count] of Object.entries(abandoned)) upsertAbandoned.run(kioskId, date, count);
    recordMade(db, kioskId, made);
  })();
}

/** Forms started and left without an answer, per date, over all kiosks. */
export function abandonedBetween(db: Database, from: string, to: string): { date: string; count: number }[] {
  return db
    .prepare('SELECT date, sum(count) AS count FROM abandoned_counts WHERE date BETWEEN ? AND ? GROUP BY date ORDER BY date')
    .all(from, to) as { date: string; count: number }[];
}

/** When each kiosk in use (not revoked) last synced, null for one that never has; for the metrics. */
export function lastSyncTimes(db: Database): (string | null)[] {
  return prepared(db, 'SELECT last_sync_at FROM kiosks WHERE revoked_at IS NULL').pluck().all() as (string | null)[];
}
