import type { FeedbackResponse } from '../../src/domain/response';
import { addToCounts } from './answer-counts';
import type { Database } from './database';
import { recordSync, type KioskSyncState } from './kiosks';
import { addReceived } from './made-received-counts';
import { accepted, insertResponses, type FindForm, type StoreOutcome } from './responses';

/**
 * A kiosk's sync in one transaction (a savepoint of its group): its responses, the count of
 * those that were new, and what it said of itself land together or not at all.
 */
function storeSyncBatch(db: Database, kioskId: string, responses: FeedbackResponse[], state: KioskSyncState): StoreOutcome[] {
  return db.transaction(() => {
    const outcomes = insertResponses(db, responses);
    addReceived(db, kioskId, responses.filter((_, i) => outcomes[i] === 'accepted').map((r) => r.date));
    recordSync(db, kioskId, state);
    return outcomes;
  })();
}

export interface SyncBatch {
  kioskId: string;
  responses: FeedbackResponse[];
  state: KioskSyncState;
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
 * Group commit: the batches that arrive together are written in one outer transaction, so
 * they share one fsync and the pages their random ids touch, instead of paying for a durable
 * commit each (the same idea as PostgreSQL's commit_delay). Each batch is its own savepoint
 * inside it, so a batch that fails takes only itself back; a failed commit fails them all,
 * and no kiosk hears "accepted" for anything that is not on disk.
 */
export function createSyncBatchWriter(db: Database, findForm: FindForm): (batch: SyncBatch) => Promise<StoreOutcome[]> {
  let queue: Waiting[] = [];
  let timer: NodeJS.Timeout | null = null;
  let lastGroupSize = 0;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const group = queue;
    queue = [];
    lastGroupSize = group.length;
    const settled: { batch: Waiting; outcomes?: StoreOutcome[]; error?: unknown }[] = [];
    try {
      db.transaction(() => {
        for (const batch of group) {
          try {
            settled.push({ batch, outcomes: storeSyncBatch(db, batch.kioskId, batch.responses, batch.state) });
          } catch (error) {
            // Some faults (a full disk, an I/O error) make SQLite roll back the whole group, not
            // only this batch's savepoint: then nothing of the group is stored, and what came after
            // must not run outside it as transactions of its own.
            if (!db.inTransaction) throw error;
            settled.push({ batch, error });
          }
        }
        // The group's new responses are counted together: fewer rows to update than batch by batch.
        addToCounts(db, settled.flatMap(({ batch, outcomes }) => (outcomes ? accepted(batch.responses, outcomes, findForm) : [])));
      })();
    } catch (commitError) {
      group.forEach((batch) => batch.reject(commitError));
      return;
    }
    for (const { batch, outcomes, error } of settled) {
      if (outcomes) batch.resolve(outcomes);
      else batch.reject(error);
    }
  };

  return (batch) =>
    new Promise<StoreOutcome[]>((resolve, reject) => {
      queue.push({ ...batch, resolve, reject });
      if (queue.length >= MAX_GROUP) flush();
      else if (queue.length === 1) timer = setTimeout(flush, lastGroupSize > 1 ? GROUP_WINDOW_MS : 0);
    });
}
