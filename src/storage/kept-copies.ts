import { kioskDb } from './kiosk-db';
import { putBackInOutbox } from './outbox';

/** Deletes the kept copies whose time is up. */
export async function dropExpiredKept(now: Date): Promise<void> {
  await kioskDb.kept.where('keepUntil').belowOrEqual(now.getTime()).delete();
}

/**
 * Puts every kept copy back in the outbox, to be sent again: the server's database was restored
 * and may lack them. The server stores each id once, so what it still has comes back as a
 * duplicate. A copy that no longer reads as a response is dropped. Returns how many went back.
 */
export async function resendKept(): Promise<number> {
  return kioskDb.transaction('rw', kioskDb.outbox, kioskDb.kept, async () => {
    const resent = await putBackInOutbox(await kioskDb.kept.toArray());
    await kioskDb.kept.clear();
    return resent.length;
  });
}

const DATABASE_ID = 'serverDatabaseId';

/**
 * Remembers the identity of the server's database from a sync answer, and says whether it
 * differs from the one seen before (a restore); the first one seen is no change.
 */
export async function noteDatabaseId(id: string): Promise<boolean> {
  return kioskDb.transaction('rw', kioskDb.settings, async () => {
    const known = (await kioskDb.settings.get(DATABASE_ID))?.value;
    if (known === id) return false;
    await kioskDb.settings.put({ key: DATABASE_ID, value: id });
    return typeof known === 'string';
  });
}
