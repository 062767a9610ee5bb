import { kioskDb } from './kiosk-db';
import { putBackInOutbox } from './outbox';

/** Deletes the kept copies whose last day is before `today` (YYYY-MM-DD). */
export async function dropExpiredKept(today: string): Promise<void> {
  await kioskDb.kept.where('keepUntil').below(today).delete();
}

const DATABASE_ID = 'serverDatabaseId';

/**
 * Remembers the identity of the server's database from a sync answer. When it differs from the
 * one seen before (the server was restored from a backup and may lack what it acknowledged
 * since), every kept copy goes back in the outbox, to be sent again: the server stores each id
 * once, so what it still has comes back as a duplicate. Both in one transaction, so a reload
 * or a full disk between them cannot leave the new identity remembered and the copies unsent.
 * The first identity seen is no change. Returns how many copies went back.
 */
export async function resendIfDatabaseChanged(id: string): Promise<number> {
  return kioskDb.transaction('rw', kioskDb.settings, kioskDb.outbox, kioskDb.kept, async () => {
    const known = (await kioskDb.settings.get(DATABASE_ID))?.value;
    if (known === id) return 0;
    await kioskDb.settings.put({ key: DATABASE_ID, value: id });
    if (typeof known !== 'string') return 0;
    const resent = await putBackInOutbox(await kioskDb.kept.toArray());
    await kioskDb.kept.clear();
    return resent.length;
  });
}

/**
 * Forgets what belongs to the server the kiosk was enrolled with before: its database identity,
 * the copies it acknowledged and the running totals of responses made. A tablet moved to
 * another server (from a pilot to production, to another welfare area) must never send the old
 * one's responses there, and its totals would read as missing under its new enrollment.
 * Runs inside the enrollment's transaction.
 */
export async function forgetPreviousServer(): Promise<void> {
  await kioskDb.settings.delete(DATABASE_ID);
  await kioskDb.kept.clear();
  await kioskDb.made.clear();
}
