import { randomUUID } from 'node:crypto';
import type { KioskNotice, NoticeInput, NoticeTexts } from '../../src/domain/notice';
import { inTransaction, type Database } from './database';

/** A notice as the coordinator's area sees it. */
export interface NoticeRow extends KioskNotice {
  units: string[];
  /** Null for a draft: shown only through a preview link. */
  publishedAt: string | null;
  updatedAt: string;
  updatedBy: string;
}

/** At most this many notices go to a kiosk: more could never be read one at a time. */
export const MAX_KIOSK_NOTICES = 20;

type Row = { id: string; texts: string; starts_on: string; ends_on: string; published_at: string | null; updated_at: string; updated_by: string };

async function withUnits(db: Database, rows: Row[]): Promise<NoticeRow[]> {
  if (rows.length === 0) return [];
  const links = await db.q.selectFrom('notice_units').select(['notice_id', 'unit_id']).where('notice_id', 'in', rows.map((row) => row.id)).orderBy('unit_id').execute();
  return rows.map((row) => ({
    id: row.id,
    texts: JSON.parse(row.texts) as NoticeTexts,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    units: links.filter((link) => link.notice_id === row.id).map((link) => link.unit_id),
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  }));
}

const COLUMNS = ['id', 'texts', 'starts_on', 'ends_on', 'published_at', 'updated_at', 'updated_by'] as const;

/**
 * The notices shown only to units among `units`: one that is also published to a unit outside
 * them belongs to someone else as well, and is left out. The latest first.
 */
export async function noticesWithin(db: Database, units: readonly string[]): Promise<NoticeRow[]> {
  if (units.length === 0) return [];
  const rows = await db.q
    .selectFrom('notices')
    .select(COLUMNS)
    .where(({ exists, not, selectFrom }) =>
      not(exists(selectFrom('notice_units').select('notice_id').whereRef('notice_units.notice_id', '=', 'notices.id').where('unit_id', 'not in', [...units]))),
    )
    .orderBy('ends_on', 'desc')
    .orderBy('starts_on', 'desc')
    .orderBy('id')
    .execute();
  return withUnits(db, rows);
}

export async function noticeById(db: Database, id: string): Promise<NoticeRow | undefined> {
  const row = await db.q.selectFrom('notices').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? (await withUnits(db, [row]))[0] : undefined;
}

async function setUnits(db: Database, id: string, units: readonly string[]): Promise<void> {
  await db.q.deleteFrom('notice_units').where('notice_id', '=', id).execute();
  await db.q
    .insertInto('notice_units')
    .values([...new Set(units)].sort().map((unit_id) => ({ notice_id: id, unit_id })))
    .execute();
}

/** A new draft notice; returns it. */
export function addNotice(db: Database, notice: NoticeInput, by: string, now: Date): Promise<NoticeRow> {
  return inTransaction(db, async (trx) => {
    const id = randomUUID();
    await trx.q
      .insertInto('notices')
      .values({ id, texts: JSON.stringify(notice.texts), starts_on: notice.startsOn, ends_on: notice.endsOn, updated_at: now.toISOString(), updated_by: by })
      .execute();
    await setUnits(trx, id, notice.units);
    return (await noticeById(trx, id))!;
  });
}

/**
 * Changes a draft's wording, days or units. A published notice is not changed in place: kiosks
 * show it as it was reviewed ('published'); it can be taken off and written anew.
 */
export function updateNotice(
  db: Database,
  id: string,
  notice: NoticeInput,
  basedOn: string,
  by: string,
  now: Date,
): Promise<NoticeRow | 'gone' | 'published' | { changed: NoticeRow }> {
  return inTransaction(db, async (trx) => {
    // Only a draft as the editor read it: never a notice published (or saved by someone else)
    // meanwhile, also with another server instance writing at the same moment.
    const result = await trx.q
      .updateTable('notices')
      .set({ texts: JSON.stringify(notice.texts), starts_on: notice.startsOn, ends_on: notice.endsOn, updated_at: laterThan(basedOn, now), updated_by: by })
      .where('id', '=', id)
      .where('published_at', 'is', null)
      .where('updated_at', '=', basedOn)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) {
      const current = await noticeById(trx, id);
      if (!current) return 'gone';
      return current.publishedAt !== null ? 'published' : { changed: current };
    }
    await setUnits(trx, id, notice.units);
    return (await noticeById(trx, id))!;
  });
}

/** A save's time, later than the one it replaces even within the same millisecond, so `basedOn` always tells saves apart. */
function laterThan(previous: string, now: Date): string {
  const at = now.toISOString();
  return at > previous ? at : new Date(Date.parse(previous) + 1).toISOString();
}

/** Publishes a draft: the kiosks of its units get it at their next sync. False when it is not a draft (any more). */
export async function publishNotice(db: Database, id: string, expectedUpdatedAt: string, now: Date): Promise<boolean> {
  const result = await db.q
    .updateTable('notices')
    .set({ published_at: now.toISOString() })
    .where('id', '=', id)
    .where('published_at', 'is', null)
    .where('updated_at', '=', expectedUpdatedAt)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Removes a notice, with the reviewers' comments on it; its preview links end. */
export function removeNotice(db: Database, id: string): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    await trx.q.deleteFrom('draft_comments').where('target', '=', noticeTarget(id)).execute();
    const result = await trx.q.deleteFrom('notices').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows === 1n;
  });
}

/**
 * The published notices a unit's kiosks keep: those whose last day is `today` or later (a kiosk
 * shows each from its first day by its own clock, also offline), at most MAX_KIOSK_NOTICES, the
 * soonest first. Only what a visitor sees: no units, no author, no times.
 */
export async function noticesForKiosk(db: Database, unitId: string, today: string): Promise<KioskNotice[]> {
  const rows = await db.q
    .selectFrom('notices')
    .innerJoin('notice_units', 'notice_units.notice_id', 'notices.id')
    .select(['id', 'texts', 'starts_on', 'ends_on'])
    .where('notice_units.unit_id', '=', unitId)
    .where('published_at', 'is not', null)
    .where('ends_on', '>=', today)
    .orderBy('starts_on')
    .orderBy('id')
    .limit(MAX_KIOSK_NOTICES)
    .execute();
  return rows.map((row) => kioskNoticeOf({ id: row.id, texts: JSON.parse(row.texts) as NoticeTexts, startsOn: row.starts_on, endsOn: row.ends_on }));
}

/** What a kiosk (or a preview of one) gets of a notice. */
export const kioskNoticeOf = (notice: KioskNotice): KioskNotice => ({ id: notice.id, texts: notice.texts, startsOn: notice.startsOn, endsOn: notice.endsOn });

/** How a comment on a notice is kept among reviewers' comments. */
export const NOTICE_TARGET_PREFIX = 'notice:';
export const noticeTarget = (id: string) => `${NOTICE_TARGET_PREFIX}${id}`;
