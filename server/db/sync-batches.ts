import type { FeedbackResponse } from '../../src/domain/response';
import { addToCounts } from './answer-counts';
import { inTransaction, type Database } from './database';
import { recordSyncs, type KioskSyncState } from './kiosks';
import { accepted, insertResponses, type FindForm, type StoreOutcome } from './responses';

export interface SyncBatch {
  kioskId: string;
  /** The kiosk's unit, which its responses are stored in. */
  unitId: string;
  responses: FeedbackResponse[];
  state: KioskSyncState;
}

/**
 * Kiosks' batches in the caller's transaction: their responses, each id stored once (the first
 * of an id in the group wins), what the kiosks said of themselves with what was received from
 * each, and the running counts of the new responses, all together or not at all. A few
 * statements for the whole group, not per batch. Returns each batch's outcomes.
 */
async function storeBatches(trx: Database, batches: SyncBatch[], findForm: FindForm): Promise<StoreOutcome[][]> {
  const ofUnits = batches.map((batch) => batch.responses.map((response) => ({ ...response, unitId: batch.unitId })));
  const outcomes = await insertResponses(trx, ofUnits.flat());
  let next = 0;
  const perBatch = batches.map((batch) => outcomes.slice(next, (next += batch.responses.length)));
  await recordSyncs(
    trx,
    batches.map((batch, b) => ({ kioskId: batch.kioskId, state: batch.state, receivedDates: batch.responses.filter((_, i) => perBatch[b]![i] === 'accepted').map((r) => r.date) })),
  );
  await addToCounts(trx, ofUnits.flatMap((responses, b) => accepted(responses, perBatch[b]!, findForm)));
  return perBatch;
}

// How often a batch is tried again when PostgreSQL took its transaction back to break a deadlock
// or a serialization conflict with another instance's: nothing of it was stored, so it is safe.
const CONFLICT_RETRIES = 3;
const CONFLICT_CODES = new Set(['40P01', '40001']);

/** One batch in a transaction of its own, tried again after a conflict with another instance. */
async function storeAlone(db: Database, batch: SyncBatch, findForm: FindForm): Promise<StoreOutcome[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      return (await inTransaction(db, (trx) => storeBatches(trx, [batch], findForm)))[0]!;
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
 * Stores kiosks' batches, each answered with an outcome per response once it is durable, with
 * group commit: the batches that arrive together at this server are written in one transaction,
 * so they share one durable commit and a few statements instead of paying for them each (the
 * same idea as PostgreSQL's commit_delay, and on PostgreSQL beside other instances' commits).
 * When the group fails as a whole (a batch of a revoked kiosk, a full disk, a conflict with
 * another instance), nothing of it is stored, and its batches are stored again one by one, each
 * in a transaction of its own: only a batch that fails alone is refused. No kiosk hears
 * "accepted" for anything that is not committed. One group is written at a time; batches that
 * arrive meanwhile wait for the next.
 */
export function createSyncBatchWriter(db: Database, findForm: FindForm): (batch: SyncBatch) => Promise<StoreOutcome[]> {
  let queue: Waiting[] = [];
  let timer: NodeJS.Timeout | null = null;
  let writing = false;
  let lastGroupSize = 0;

  const oneByOne = async (group: Waiting[]) => {
    for (const batch of group) await storeAlone(db, batch, findForm).then(batch.resolve, batch.reject);
  };

  const write = async (group: Waiting[]) => {
    if (group.length === 1) return oneByOne(group);
    let outcomes: StoreOutcome[][];
    try {
      outcomes = await inTransaction(db, (trx) => storeBatches(trx, group, findForm));
    } catch {
      return oneByOne(group);
    }
    group.forEach((batch, i) => batch.resolve(outcomes[i]!));
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
