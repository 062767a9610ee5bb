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
