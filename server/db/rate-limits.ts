import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from './database';

export interface Attempts {
  /** Attempts in the current window, this one included. */
  count: number;
  /** Milliseconds until the window ends. */
  msLeft: number;
}

/**
 * Counts an attempt under a key, in a window of `windowMs` that starts with the key's first
 * attempt; the database adds it (`count + 1`, or 1 in a new window), so attempts made on several
 * server instances at once are all counted. The key is stored as a hash: who tried from where is
 * not kept. Ended windows are deleted.
 */
export async function countAttempt(db: Database, key: string, windowMs: number, now: Date): Promise<Attempts> {
  const keyHash = createHash('sha256').update(key).digest('base64url');
  const at = now.toISOString();
  const ended = sql<boolean>`rate_limits.window_ends <= ${at}`;
  const row = await db.q
    .insertInto('rate_limits')
    .values({ key_hash: keyHash, window_ends: new Date(now.getTime() + windowMs).toISOString(), count: 1 })
    .onConflict((oc) =>
      oc.column('key_hash').doUpdateSet({
        count: sql<number>`CASE WHEN ${ended} THEN 1 ELSE rate_limits.count + 1 END`,
        window_ends: sql<string>`CASE WHEN ${ended} THEN excluded.window_ends ELSE rate_limits.window_ends END`,
      }),
    )
    .returning(['count', 'window_ends'])
    .executeTakeFirstOrThrow();
  return { count: row.count, msLeft: Math.max(0, Date.parse(row.window_ends) - now.getTime()) };
}

/** Deletes the counts whose windows have ended. */
export async function removeEndedAttempts(db: Database, now: Date): Promise<void> {
  await db.q.deleteFrom('rate_limits').where('window_ends', '<=', now.toISOString()).execute();
}
