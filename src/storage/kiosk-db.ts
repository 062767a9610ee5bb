import { Dexie, type EntityTable } from 'dexie';
import type { DraftComment } from '../domain/draft-comment';
import type { FeedbackResponse } from '../domain/response';
import type { SetAsideKind } from '../domain/sync-protocol';

/** How many forms were started and left without an answer on a date: a number, nothing else. */
export interface AbandonedDay {
  date: string;
  count: number;
}

/**
 * A response the server refused for good: kept with the reason for the staff menu, never resent
 * by itself; the staff can send it again once the cause is put right. `kind` is "clock" when
 * its date was ahead of the server's (kept before kinds existed: none, read as "invalid").
 */
export interface SetAsideResponse {
  id: string;
  response: FeedbackResponse;
  reason: string;
  kind?: SetAsideKind;
}

/** How many responses the kiosk made on a date (its running total): a number, nothing else. */
export interface MadeDay {
  date: string;
  count: number;
}

/**
 * A response the server acknowledged, kept through the date `keepUntil` (YYYY-MM-DD) so that it
 * can be sent again if the server's database is restored from a backup taken before it arrived.
 * The date is counted from the response's own date, never from when it was sent: a time of
 * sending would tell, within a sync's quarter of an hour, when the visitor answered. Never
 * shown anywhere; deleted when it expires.
 */
export interface KeptResponse {
  id: string;
  response: FeedbackResponse;
  keepUntil: string;
}

/** The kiosk's own settings (enrollment), one row per key. */
export interface KioskSetting {
  key: string;
  value: unknown;
}

/**
 * A draft as a preview link last opened it, kept so that the review goes on after a reload
 * without a connection; deleted once the server says the link no longer works.
 */
export interface KeptDraft {
  token: string;
  definition: unknown;
  /** The notices the link shows on the start screen (a notice's own link); absent when kept before notices. */
  notices?: unknown;
}

/**
 * A reviewer's comment on a draft, waiting to be sent with the preview link it was written
 * under; `refused` holds the server's reason once the link no longer works.
 */
export interface QueuedComment {
  id: string;
  token: string;
  comment: DraftComment;
  refused?: string;
}

/**
 * The kiosk's IndexedDB. The outbox is keyed by the random response id, so IndexedDB's own
 * order says nothing about the order in which visitors answered. Migrations are the numbered
 * versions below; add a version, never edit one that has shipped.
 */
export class KioskDatabase extends Dexie {
  outbox!: EntityTable<FeedbackResponse, 'id'>;
  abandoned!: EntityTable<AbandonedDay, 'date'>;
  setAside!: EntityTable<SetAsideResponse, 'id'>;
  settings!: EntityTable<KioskSetting, 'key'>;
  comments!: EntityTable<QueuedComment, 'id'>;
  kept!: EntityTable<KeptResponse, 'id'>;
  made!: EntityTable<MadeDay, 'date'>;
  drafts!: EntityTable<KeptDraft, 'token'>;

  constructor(name = 'day-centre-feedback') {
    // Strict durability: a response is on disk, not only in the OS cache, before the thank-you.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ outbox: 'id', abandoned: 'date' });
    this.version(2).stores({ setAside: 'id', settings: 'key' });
    this.version(3).stores({ comments: 'id, token' });
    this.version(4).stores({ kept: 'id, keepUntil', made: 'date' });
    this.version(5).stores({ drafts: 'token' });
  }
}

export const kioskDb = new KioskDatabase();
