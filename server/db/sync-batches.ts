import { sql } from 'kysely';
import type { FeedbackResponse } from '../../src/domain/response';
import { addToCounts } from './answer-counts';
import { inTransaction, type Database } from './database';
import { recordSync, type KioskSyncState } from './kiosks';
import { addReceived } from './made-received-counts';
import { accepted, insertResponses, type FindForm, type StoreOutcome } from './responses';

export interface SyncBatch {
  kioskId: string;
  responses: FeedbackResponse[];
  state: KioskSyncState;
}

/**
 * A kiosk's batch in the caller's transaction: its responses, the count of those that were new,
 * and what it said of itself land together or not at all. The running counts are left to the
 * caller, which may count several batches at once.
 */
async function storeBatch(trx: Database, { kioskId, responses, state }: SyncBatch): Promise<StoreOutcome[]> {
  const outcomes = await insertResponses(trx, responses);
  await addReceived(
    trx,
    kioskId,
    responses.filter((_, i) => outcomes[i] === 'accepted').map((r) => r.date),
  );
  await recordSync(trx, kioskId, state);
  return outcomes;
}

/**
 * Stores kiosks' batches, each answered with an outcome per response once it is durable. On
 * SQLite the batches that arrive together share one commit (see groupCommit); on PostgreSQL each
 * is a transaction of its own, which the database commits alongside other instances' own.
 */
export function createSyncBatchWriter(db: Database, findForm: FindForm): (batch: SyncBatch) => Promise<StoreOutcome[]> {
  return db.dialect === 'sqlite' ? groupCommit(db, findForm) : (batch) => eachInItsOwnTransaction(db, findForm, batch);
}

// How often a batch is tried again when PostgreSQL took its transaction back to break a deadlock
// or a serialization conflict with another instance's: nothing of it was stored, so it is safe.
const CONFLICT_RETRIES = 3;
const CONFLICT_CODES = new Set(['40P01', '40001']);

async function eachInItsOwnTransaction(db: Database, findForm: FindForm, batch: SyncBatch): Promise<StoreOutcome[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await inTransaction(db, async (trx) => {
        const outcomes = await storeBatch(trx, batch);
        await addToCounts(trx, accepted(batch.responses, outcomes, findForm));
        return outcomes;
      });
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (attempt >= CONFLICT_RETRIES || typeof code !== 'string' || !CONFLICT_CODES.has(code)) throw error;
    }
  }
}

interface Waiting extends SyncBatch {
  resolve(outcomes: StoreOutcome[]): void;
  reject(error: unknown): void;
}

// Under load, gather batches for up to this long before committing; a lone batch waits for
// nothing. Kiosks sync every quarter of an hour, so a few milliseconds are free.
const GROUP_WINDOW_MS = 5;
// Commit at once when this many batches wait, which bounds a transaction's size.
const MAX_GROUP = 16;

/**
 * Group commit, on SQLite: the batches that arrive together are written in one outer
 * transaction, so they share one fsync and the pages their random ids touch, instead of paying
 * for a durable commit each (the same idea as PostgreSQL's commit_delay). Each batch is its own
 * savepoint inside it, so a batch that fails takes only itself back; a failed commit fails them
 * all, and no kiosk hears "accepted" for anything that is not on disk. One group is written at a
 * time; batches that arrive meanwhile wait for the next.
 */
function groupCommit(db: Database, findForm: FindForm): (batch: SyncBatch) => Promise<StoreOutcome[]> {
  const connection = db.sqlite!.connection;
  let queue: Waiting[] = [];
  let timer: NodeJS.Timeout | null = null;
  let writing = false;
  let lastGroupSize = 0;

  const write = async (group: Waiting[]) => {
    const settled: { batch: Waiting; outcomes?: StoreOutcome[]; error?: unknown }[] = [];
    let groupLost: unknown = null;
    try {
      await inTransaction(db, async (trx) => {
        for (const batch of group) {
          await sql`SAVEPOINT batch`.execute(trx.q);
          try {
            settled.push({ batch, outcomes: await storeBatch(trx, batch) });
            await sql`RELEASE batch`.execute(trx.q);
          } catch (error) {
            // Some faults (a full disk, an I/O error) make SQLite roll back the whole group, not
            // only this batch's savepoint: then nothing of the group is stored, and what came after
            // must not run outside it as transactions of its own.
            if (!connection.inTransaction) throw (groupLost = error);
            await sql`ROLLBACK TO batch`.execute(trx.q);
            await sql`RELEASE batch`.execute(trx.q);
            settled.push({ batch, error });
          }
        }
        // The group's new responses are counted together: fewer rows to update than batch by batch.
        await addToCounts(trx, settled.flatMap(({ batch, outcomes }) => (outcomes ? accepted(batch.responses, outcomes, findForm) : [])));
      });
    } catch (commitError) {
      // The fault that took the group back, rather than the failed rollback that followed it.
      group.forEach((batch) => batch.reject(groupLost ?? commitError));
      return;
    }
    for (const { batch, outcomes, error } of settled) {
      if (outcomes) batch.resolve(outcomes);
      else batch.reject(error);
    }
  };

  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    writing = true;
    while (queue.length > 0) {
      const group = queue.slice(0, MAX_GROUP);
      queue = queue.slice(group.length);
      lastGroupSize = group.length;
      await write(group);
    }
    writing = false;
  };

  return (batch) =>
    new Promise<StoreOutcome[]>((resolve, reject) => {
      queue.push({ ...batch, resolve, reject });
      if (writing) return;
      if (queue.length >= MAX_GROUP) void flush();
      else if (queue.length === 1) timer = setTimeout(() => void flush(), lastGroupSize > 1 ? GROUP_WINDOW_MS : 0);
    });
}
