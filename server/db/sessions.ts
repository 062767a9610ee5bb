import type { Database } from './database';

export interface SessionRow {
  username: string;
  lastSeenAt: string;
  expiresAt: string;
}

export async function createSession(db: Database, idHash: string, username: string, now: Date, expiresAt: Date): Promise<void> {
  await db.q
    .insertInto('sessions')
    .values({ id_hash: idHash, username, created_at: now.toISOString(), last_seen_at: now.toISOString(), expires_at: expiresAt.toISOString() })
    .execute();
}

/** The live session with this id hash, or undefined; expired sessions are removed on the way. */
export async function liveSession(db: Database, idHash: string, now: Date, idleLimitMs: number): Promise<SessionRow | undefined> {
  const row = await db.q
    .selectFrom('sessions')
    .select(['username', 'last_seen_at as lastSeenAt', 'expires_at as expiresAt'])
    .where('id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const idleSince = now.getTime() - Date.parse(row.lastSeenAt);
  if (Date.parse(row.expiresAt) <= now.getTime() || idleSince >= idleLimitMs) {
    await endSession(db, idHash);
    return undefined;
  }
  return row;
}

export async function touchSession(db: Database, idHash: string, now: Date): Promise<void> {
  await db.q.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id_hash', '=', idHash).execute();
}

export async function endSession(db: Database, idHash: string): Promise<void> {
  await db.q.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Ends every session of a coordinator but one (after a password change, the others go). */
export async function endOtherSessions(db: Database, username: string, keepIdHash: string): Promise<void> {
  await db.q.deleteFrom('sessions').where('username', '=', username).where('id_hash', '<>', keepIdHash).execute();
}

export async function removeExpiredSessions(db: Database, now: Date): Promise<void> {
  await db.q.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
}
