import type { FeedbackResponse } from '../../src/domain/response';
import type { Database } from './database';
import { recordSync, type KioskSyncState } from './kiosks';
import { storeResponses, type StoreOutcome } from './responses';

/**
 * A kiosk's sync in one transaction: its responses and what it said of itself land together
 * or not at all, with one write to disk.
 */
export function storeSyncBatch(
  db: Database,
  kioskId: string,
  responses: FeedbackResponse[],
  state: KioskSyncState,
): StoreOutcome[] {
  return db.transaction(() => {
    const outcomes = storeResponses(db, responses);
    recordSync(db, kioskId, state);
    return outcomes;
  })();
}
