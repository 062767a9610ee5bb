import { feedbackResponse, type FeedbackResponse } from '../domain/response';
import { keptThrough, type SetAsideKind } from '../domain/sync-protocol';
import { kioskDb, type SetAsideResponse } from './kiosk-db';

/**
 * Stores a response in the outbox. Resolves only once the transaction has committed, so the
 * caller may thank the visitor; rejects (and stores nothing) if the write fails.
 */
export async function addResponse(response: FeedbackResponse): Promise<void> {
  const valid = feedbackResponse.parse(response);
  await kioskDb.transaction('rw', kioskDb.outbox, kioskDb.made, async () => {
    await kioskDb.outbox.add(valid);
    // The running total for the date, in the same transaction: made and stored are one event.
    const day = await kioskDb.made.get(valid.date);
    await kioskDb.made.put({ date: valid.date, count: (day?.count ?? 0) + 1 });
  });
}

export function countWaiting(): Promise<number> {
  return kioskDb.outbox.count();
}

/**
 * Up to `limit` waiting responses. Keys are random UUIDs, so key order is no order of answering;
 * the sender shuffles them as well. Each record is parsed on the way out (a boundary).
 */
export async function takeBatch(limit: number, skip: ReadonlySet<string> = new Set()): Promise<FeedbackResponse[]> {
  const rows = await (skip.size === 0 ? kioskDb.outbox : kioskDb.outbox.filter((row) => !skip.has(row.id))).limit(limit).toArray();
  return rows.map((row) => feedbackResponse.parse(row));
}

/**
 * Takes what the server has acknowledged out of the outbox. A copy of each is kept for
 * `keepDays` days after the response's own date (see KeptResponse), when that is not already
 * past on `today`; with 0 none is kept.
 */
export async function acknowledge(ids: string[], keepDays = 0, today = ''): Promise<void> {
  await kioskDb.transaction('rw', kioskDb.outbox, kioskDb.kept, async () => {
    if (keepDays > 0) {
      const responses = (await kioskDb.outbox.bulkGet(ids)).filter((response) => response !== undefined);
      const copies = responses.map((response) => ({ id: response.id, response, keepUntil: keptThrough(response.date, keepDays) }));
      await kioskDb.kept.bulkPut(copies.filter((copy) => copy.keepUntil >= today));
    }
    await kioskDb.outbox.bulkDelete(ids);
  });
}

/** Moves responses the server refused out of the outbox, keeping the reason for the staff. */
export async function setAside(items: Omit<SetAsideResponse, 'response'>[]): Promise<void> {
  await kioskDb.transaction('rw', kioskDb.outbox, kioskDb.setAside, async () => {
    for (const { id, reason, kind } of items) {
      const response = await kioskDb.outbox.get(id);
      if (!response) continue;
      await kioskDb.setAside.put({ id, response, reason, kind });
      await kioskDb.outbox.delete(id);
    }
  });
}

/**
 * Puts the set-aside responses back in the outbox, for the staff's "Send again" once the cause
 * is put right (a server that did not know a form, a clock). Safe to repeat: the server stores
 * each id once, and one it still refuses is set aside again with its reason. A record that is
 * no longer a valid response stays where it is, with its reason, rather than stop the rest.
 * Returns how many went back and how many stayed.
 */
export async function sendSetAsideAgain(): Promise<{ back: number; stayed: number }> {
  return kioskDb.transaction('rw', kioskDb.outbox, kioskDb.setAside, async () => {
    const items = await kioskDb.setAside.toArray();
    const valid = await putBackInOutbox(items);
    await kioskDb.setAside.bulkDelete(valid.map((response) => response.id));
    return { back: valid.length, stayed: items.length - valid.length };
  });
}

/**
 * Puts kept responses back in the outbox (inside a transaction over it), each read again as a
 * response on the way; returns those that were. One that no longer reads as a response stays out.
 */
export async function putBackInOutbox(records: { response: unknown }[]): Promise<FeedbackResponse[]> {
  const valid = records.flatMap((record) => {
    const parsed = feedbackResponse.safeParse(record.response);
    return parsed.success ? [parsed.data] : [];
  });
  await kioskDb.outbox.bulkPut(valid);
  return valid;
}

/** What the staff menu shows of a set-aside response: its date (if it still reads as one), why, and what kind of fault. */
export interface SetAsideEntry {
  id: string;
  date: string | null;
  reason: string;
  kind: SetAsideKind;
}

export async function setAsideResponses(): Promise<SetAsideEntry[]> {
  const rows = await kioskDb.setAside.toArray();
  // Read as stored, which may be damaged: a bad record is listed, not a reason to fail the list.
  return rows.map((row) => ({
    id: String(row.id),
    date: feedbackResponse.safeParse(row.response).data?.date ?? null,
    reason: String(row.reason),
    kind: row.kind === 'clock' ? 'clock' : 'invalid',
  }));
}
