import { feedbackResponse, type FeedbackResponse } from '../domain/response';
import { kioskDb } from './kiosk-db';

/**
 * Stores a response in the outbox. Resolves only once the transaction has committed, so the
 * caller may thank the visitor; rejects (and stores nothing) if the write fails.
 */
export async function addResponse(response: FeedbackResponse): Promise<void> {
  const valid = feedbackResponse.parse(response);
  await kioskDb.transaction('rw', kioskDb.outbox, async () => {
    await kioskDb.outbox.add(valid);
  });
}

export function countWaiting(): Promise<number> {
  return kioskDb.outbox.count();
}

/**
 * Up to `limit` waiting responses. Keys are random UUIDs, so key order is no order of answering;
 * the sender shuffles them as well. Each record is parsed on the way out (a boundary).
 */
export async function takeBatch(limit: number): Promise<FeedbackResponse[]> {
  const rows = await kioskDb.outbox.limit(limit).toArray();
  return rows.map((row) => feedbackResponse.parse(row));
}

/** Deletes what the server has acknowledged: a kiosk keeps only what still waits. */
export async function acknowledge(ids: string[]): Promise<void> {
  await kioskDb.outbox.bulkDelete(ids);
}

/** Moves responses the server refused out of the outbox, keeping the reason for the staff. */
export async function setAside(items: { id: string; reason: string }[]): Promise<void> {
  await kioskDb.transaction('rw', kioskDb.outbox, kioskDb.setAside, async () => {
    for (const { id, reason } of items) {
      const response = await kioskDb.outbox.get(id);
      if (!response) continue;
      await kioskDb.setAside.put({ id, response, reason });
      await kioskDb.outbox.delete(id);
    }
  });
}

export function setAsideResponses() {
  return kioskDb.setAside.toArray();
}
