import { randomBytes } from 'node:crypto';
import type { Database } from './database';

/**
 * The database's random identity (22 base64url characters, 128 bits), sent with every sync
 * answer. It changes only when a backup is restored, which tells kiosks to send again what they
 * keep of the responses the server acknowledged.
 */
export async function databaseId(db: Database): Promise<string> {
  const row = await db.q.selectFrom('database_identity').select('id').where('only_row', '=', 1).executeTakeFirstOrThrow();
  return row.id;
}

/** Gives the database a new random identity (after a restore) and returns it. */
export async function renewDatabaseId(db: Database): Promise<string> {
  const id = randomBytes(16).toString('base64url');
  await db.q
    .insertInto('database_identity')
    .values({ only_row: 1, id })
    .onConflict((oc) => oc.column('only_row').doUpdateSet({ id }))
    .execute();
  return id;
}
