import type { FeedbackResponse } from '../domain/response';
import type { SyncAnswer, SyncRejection } from '../domain/sync-protocol';

/** Fisher–Yates with an injectable random source: the order in a request says nothing either. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** What the kiosk does with the server's answer to one batch. */
export type BatchOutcome =
  | { kind: 'stored'; done: string[] }
  | { kind: 'rejected'; setAside: { id: string; reason: string }[] }
  | { kind: 'not-enrolled'; message: string }
  | { kind: 'retry'; message: string };

/**
 * Decides from the HTTP status and body. Deleting happens only for ids the server named as
 * accepted or already had; anything unclear is kept and sent again later (safe: ids are unique).
 */
export function outcomeOf(sent: FeedbackResponse[], status: number, body: unknown): BatchOutcome {
  if (status === 200) {
    const results = (body as Partial<SyncAnswer> | null)?.results;
    if (!Array.isArray(results)) return { kind: 'retry', message: 'The server answered without results.' };
    const sentIds = new Set(sent.map((r) => r.id));
    const done = results
      .filter((r) => (r.status === 'accepted' || r.status === 'duplicate') && sentIds.has(r.id))
      .map((r) => r.id);
    return { kind: 'stored', done };
  }
  if (status === 422) {
    const rejected = (body as Partial<SyncRejection> | null)?.rejected;
    if (!Array.isArray(rejected) || rejected.length === 0) {
      return { kind: 'retry', message: 'The server rejected the batch without saying which response.' };
    }
    const setAside = rejected.flatMap((r) => {
      const response = sent[r.index];
      return response ? [{ id: response.id, reason: String(r.reason) }] : [];
    });
    return setAside.length > 0
      ? { kind: 'rejected', setAside }
      : { kind: 'retry', message: 'The server rejected responses this kiosk did not send.' };
  }
  const message = String((body as { error?: unknown } | null)?.error ?? `The server answered ${status}.`);
  if (status === 401) return { kind: 'not-enrolled', message };
  return { kind: 'retry', message };
}
