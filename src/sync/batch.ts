import type { FeedbackResponse } from '../domain/response';
import type { SetAsideKind, SyncAnswer, SyncRejection } from '../domain/sync-protocol';

/** Fisher–Yates with an injectable random source: the order in a request says nothing either. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** A response set aside: kept off the outbox with the server's reason and what kind of fault it is. */
export interface SetAsideItem {
  id: string;
  reason: string;
  kind: SetAsideKind;
}

/** What the kiosk does with the server's answer to one batch. */
export type BatchOutcome =
  | { kind: 'stored'; done: string[] }
  /** Nothing was stored: set these aside, hold back the deferred ones for now, send the rest again. */
  | { kind: 'rejected'; setAside: SetAsideItem[]; deferred: { id: string; reason: string }[] }
  | { kind: 'not-enrolled'; message: string }
  /** The server did not take the batch; `retryAfterMs` is the wait it asked for, if any. */
  | { kind: 'retry'; message: string; unreachable: boolean; retryAfterMs: number | null };

/**
 * Statuses that mean the server itself could not be reached or cannot take anything now:
 * a reverse proxy answers 502 or 504 while the app server is down or restarting, 503 while it
 * is overloaded or in maintenance, 429 when asked to slow down. The kiosk treats them as "the
 * server cannot be reached", so it comes back within a minute of the server.
 */
const UNREACHABLE_STATUSES = new Set([429, 502, 503, 504]);

/** The wait a Retry-After header asks for (seconds, or an HTTP date), or null. */
export function retryAfterMs(header: string | null, now: Date): number | null {
  if (!header) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/**
 * Decides from the HTTP status and body. Deleting happens only for ids the server named as
 * accepted or already had; anything unclear is kept and sent again later (safe: ids are unique).
 */
export function outcomeOf(sent: FeedbackResponse[], status: number, body: unknown, retryAfter: number | null = null): BatchOutcome {
  if (status === 200) {
    const results = (body as Partial<SyncAnswer> | null)?.results;
    if (!Array.isArray(results)) return retry('The server answered without results.');
    const sentIds = new Set(sent.map((r) => r.id));
    const done = results
      .filter((r) => (r.status === 'accepted' || r.status === 'duplicate') && sentIds.has(r.id))
      .map((r) => r.id);
    return { kind: 'stored', done };
  }
  if (status === 422) {
    const rejected = (body as Partial<SyncRejection> | null)?.rejected;
    if (!Array.isArray(rejected) || rejected.length === 0) return retry('The server rejected the batch without saying which response.');
    const setAside: SetAsideItem[] = [];
    const deferred: { id: string; reason: string }[] = [];
    for (const r of rejected) {
      const response = sent[r.index];
      if (!response) continue;
      const reason = String(r.reason);
      // A server from before the kinds sent none: its rejections were all for good.
      if (r.kind === 'unknown-version') deferred.push({ id: response.id, reason });
      else setAside.push({ id: response.id, reason, kind: r.kind === 'clock' ? 'clock' : 'invalid' });
    }
    return setAside.length + deferred.length > 0 ? { kind: 'rejected', setAside, deferred } : retry('The server rejected responses this kiosk did not send.');
  }
  const message = String((body as { error?: unknown } | null)?.error ?? `The server answered ${status}.`);
  if (status === 401) return { kind: 'not-enrolled', message };
  if (UNREACHABLE_STATUSES.has(status)) {
    return { kind: 'retry', message: `The server cannot be reached (${status}).`, unreachable: true, retryAfterMs: retryAfter };
  }
  return retry(message, retryAfter);
}

const retry = (message: string, retryAfter: number | null = null): BatchOutcome => ({ kind: 'retry', message, unreachable: false, retryAfterMs: retryAfter });
