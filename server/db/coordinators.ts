import type { Database } from './database';

/** Adds a coordinator; returns false if the username is taken. */
export async function addCoordinator(db: Database, username: string, passwordHash: string, now: Date): Promise<boolean> {
  const result = await db.q
    .insertInto('coordinators')
    .values({ username, password_hash: passwordHash, created_at: now.toISOString() })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return result.numInsertedOrUpdatedRows === 1n;
}

export async function coordinatorPasswordHash(db: Database, username: string): Promise<string | undefined> {
  const row = await db.q.selectFrom('coordinators').select('password_hash').where('username', '=', username).executeTakeFirst();
  return row?.password_hash;
}

export async function setCoordinatorPassword(db: Database, username: string, passwordHash: string): Promise<void> {
  await db.q.updateTable('coordinators').set({ password_hash: passwordHash }).where('username', '=', username).execute();
}
