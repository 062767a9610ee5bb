import { sql } from 'kysely';
import { inTransaction, type Database } from './database';
import { addMadeAndReceived } from './made-received-counts';

export interface KioskRow {
  id: string;
  name: string;
  enrolledAt: string;
  revokedAt: string | null;
  lastSyncAt: string | null;
  waitingAtSync: number | null;
  appVersion: string | null;
  /** The unit the kiosk was paired for: its responses are stored in it. */
  unitId: string;
}

const KIOSK_COLUMNS = [
  'id',
  'name',
  'enrolled_at as enrolledAt',
  'revoked_at as revokedAt',
  'last_sync_at as lastSyncAt',
  'waiting_at_sync as waitingAtSync',
  'app_version as appVersion',
  'unit_id as unitId',
] as const;

/** A pairing code for a kiosk of a unit: the kiosk enrolled with it belongs to that unit. */
export async function addPairingCode(db: Database, codeHash: string, kioskName: string, unitId: string, expiresAt: Date): Promise<void> {
  await db.q.insertInto('pairing_codes').values({ code_hash: codeHash, kiosk_name: kioskName, unit_id: unitId, expires_at: expiresAt.toISOString() }).execute();
}

/**
 * Uses a pairing code and enrolls a kiosk under it, in one transaction: a code works once,
 * and only before it expires. Returns the new kiosk, or null if the code is unknown, used or old.
 */
export function enrollWithPairingCode(
  db: Database,
  { codeHash, kioskId, tokenHash, now }: { codeHash: string; kioskId: string; tokenHash: string; now: Date },
): Promise<KioskRow | null> {
  return inTransaction(db, async (trx) => {
    // Marking the code used is the claim: of two enrollments with one code at the same moment
    // (on two server instances), the one whose update finds it unused gets it.
    const code = await trx.q
      .updateTable('pairing_codes')
      .set({ used_at: now.toISOString() })
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now.toISOString())
      .returning(['kiosk_name', 'unit_id'])
      .executeTakeFirst();
    if (!code) return null;
    await trx.q.insertInto('kiosks').values({ id: kioskId, name: code.kiosk_name, unit_id: code.unit_id, token_hash: tokenHash, enrolled_at: now.toISOString() }).execute();
    return trx.q.selectFrom('kiosks').select(KIOSK_COLUMNS).where('id', '=', kioskId).executeTakeFirstOrThrow();
  });
}

/** The enrolled, not revoked kiosk holding this token, or undefined. */
export function kioskByTokenHash(db: Database, tokenHash: string): Promise<KioskRow | undefined> {
  return db.q.selectFrom('kiosks').select(KIOSK_COLUMNS).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst();
}

/** The kiosks of these units, by name. */
export function listKiosks(db: Database, units: readonly string[]): Promise<KioskRow[]> {
  if (units.length === 0) return Promise.resolve([]);
  return db.q.selectFrom('kiosks').select(KIOSK_COLUMNS).where('unit_id', 'in', [...units]).orderBy('name').orderBy('id').execute();
}

/** A kiosk by id, revoked or not, or undefined. */
export function kioskById(db: Database, kioskId: string): Promise<KioskRow | undefined> {
  return db.q.selectFrom('kiosks').select(KIOSK_COLUMNS).where('id', '=', kioskId).executeTakeFirst();
}

/** Revokes a kiosk's token; returns false if there is no such kiosk. */
export async function revokeKiosk(db: Database, kioskId: string, now: Date): Promise<boolean> {
  const result = await db.q
    .updateTable('kiosks')
    .set({ revoked_at: sql<string>`coalesce(revoked_at, ${now.toISOString()})` })
    .where('id', '=', kioskId)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
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
export function recordSync(db: Database, kioskId: string, state: KioskSyncState): Promise<void> {
  return recordSyncs(db, [{ kioskId, state }]);
}

/**
 * What kiosks said of themselves at their syncs (several at once: a group of batches), with the
 * dates of the responses the server accepted from each: their last sync, waiting count and app
 * version, and their running totals of abandoned forms and of responses made, of which the
 * largest reported is kept (a running total only grows). A kiosk with two batches in the group
 * is left as its later one says. Rows go in key order, so transactions never deadlock on them.
 */
export function recordSyncs(db: Database, syncs: { kioskId: string; state: KioskSyncState; receivedDates?: string[] }[]): Promise<void> {
  return inTransaction(db, async (trx) => {
    const latest = new Map(syncs.map(({ kioskId, state }) => [kioskId, state]));
    for (const kioskId of [...latest.keys()].sort()) {
      const { at, waiting, appVersion } = latest.get(kioskId)!;
      await trx.q
        .updateTable('kiosks')
        .set({ last_sync_at: at.toISOString(), waiting_at_sync: waiting, app_version: appVersion })
        .where('id', '=', kioskId)
        .execute();
    }
    const abandoned = new Map<string, { kiosk_id: string; date: string; count: number }>();
    for (const { kioskId, state } of syncs) {
      for (const [date, count] of Object.entries(state.abandoned)) {
        const key = `${kioskId}|${date}`;
        abandoned.set(key, { kiosk_id: kioskId, date, count: Math.max(count, abandoned.get(key)?.count ?? 0) });
      }
    }
    if (abandoned.size > 0) {
      await trx.q
        .insertInto('abandoned_counts')
        .values([...abandoned.keys()].sort().map((key) => abandoned.get(key)!))
        .onConflict((oc) =>
          oc.columns(['kiosk_id', 'date']).doUpdateSet({ count: sql<number>`CASE WHEN excluded.count > abandoned_counts.count THEN excluded.count ELSE abandoned_counts.count END` }),
        )
        .execute();
    }
    await addMadeAndReceived(
      trx,
      syncs.map(({ kioskId, state, receivedDates }) => ({ kioskId, ...(state.made ? { made: state.made } : {}), ...(receivedDates ? { receivedDates } : {}) })),
    );
  });
}

/** Forms started and left without an answer, per unit and date, over the units' kiosks. */
export function abandonedBetween(db: Database, units: readonly string[], from: string, to: string): Promise<{ unit: string; date: string; count: number }[]> {
  if (units.length === 0) return Promise.resolve([]);
  return db.q
    .selectFrom('abandoned_counts as a')
    .innerJoin('kiosks as k', 'k.id', 'a.kiosk_id')
    .select(['k.unit_id as unit', 'a.date', (eb) => eb.fn.sum<number>('a.count').as('count')])
    .where('k.unit_id', 'in', [...units])
    .where('a.date', '>=', from)
    .where('a.date', '<=', to)
    .groupBy(['k.unit_id', 'a.date'])
    .orderBy('a.date')
    .execute();
}

/** When each kiosk in use (not revoked) last synced, null for one that never has; for the metrics. */
export async function lastSyncTimes(db: Database): Promise<(string | null)[]> {
  const rows = await db.q.selectFrom('kiosks').select('last_sync_at').where('revoked_at', 'is', null).execute();
  return rows.map((row) => row.last_sync_at);
}
