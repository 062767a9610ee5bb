import { prepared, type Database } from './database';

export interface SessionRow {
  username: string;
  lastSeenAt: string;
  expiresAt: string;
}

export function createSession(db: Database, idHash: string, username: string, now: Date, expiresAt: Date): void {
  prepared(db, 'INSERT INTO sessions (id_hash, username, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
    idHash,
    username,
    now.toISOString(),
    now.toISOString(),
    expiresAt.toISOString(),
  );
}

/** The live session with this id hash, or undefined; expired sessions are removed on the way. */
export function liveSession(db: Database, idHash: string, now: Date, idleLimitMs: number): SessionRow | undefined {
  const row = prepared(
    db,
    'SELECT username, last_seen_at AS lastSeenAt, expires_at AS expiresAt FROM sessions WHERE id_hash = ?',
  ).get(idHash) as SessionRow | undefined;
  if (!row) return undefined;
  const idleSince = now.getTime() - Date.parse(row.lastSeenAt);
  if (Date.parse(row.expiresAt) <= now.getTime() || idleSince >= idleLimitMs) {
    endSession(db, idHash);
    return undefined;
  }
  return row;
}

export function touchSession(db: Database, idHash: string, now: Date): void {
  prepared(db, 'UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').run(now.toISOString(), idHash);
}

export function endSession(db: Database, idHash: string): void {
  prepared(db, 'DELETE FROM sessions WHERE id_hash = ?').run(idHash);
}

/** Ends every session of a coordinator but one (after a password change, the others go). */
export function endOtherSessions(db: Database, username: string, keepIdHash: string): void {
  db.prepare('DELETE FROM sessions WHERE username = ? AND id_hash <> ?').run(username, keepIdHash);
}

export function removeExpiredSessions(db: Database, now: Date): void {
  db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now.toISOString());
}
