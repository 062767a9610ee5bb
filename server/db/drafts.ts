import { sql, type ExpressionBuilder } from 'kysely';
import type { FormDefinition } from '../../src/domain/form-schema';
import { holdUntilCommit, inTransaction, type Database } from './database';
import type { Tables } from './tables';
import { formVersions, publishedForm } from './forms';
import { noticeById, type NoticeRow } from './notices';
import { useFormInUnits } from './units';

export interface DraftRow {
  formId: string;
  basedOnVersion: number;
  definition: unknown;
  updatedAt: string;
  updatedBy: string;
}

export async function draftOf(db: Database, formId: string): Promise<DraftRow | undefined> {
  const row = await db.q
    .selectFrom('form_drafts')
    .select(['form_id as formId', 'based_on_version as basedOnVersion', 'definition', 'updated_at as updatedAt', 'updated_by as updatedBy'])
    .where('form_id', '=', formId)
    .executeTakeFirst();
  return row ? { ...row, definition: JSON.parse(row.definition) as unknown } : undefined;
}

/**
 * Makes a new form's first draft, a copy of another form's published version: a unit that
 * wants a form of its own starts from the one it has. Undefined when `copyOf` has no published
 * version; false when a form with this id exists already (or has a draft).
 */
export function startNewForm(db: Database, formId: string, copyOf: string, by: string, now: Date): Promise<DraftRow | undefined | false> {
  return inTransaction(db, async (trx) => {
    await holdUntilCommit(trx, `draft:${formId}`);
    if ((await formVersions(trx, formId)).length > 0 || (await draftOf(trx, formId))) return false;
    const source = await publishedForm(trx, copyOf);
    if (!source) return undefined;
    await trx.q
      .insertInto('form_drafts')
      .values({ form_id: formId, based_on_version: 0, definition: JSON.stringify({ ...source, id: formId, version: 1 }), updated_at: now.toISOString(), updated_by: by })
      .execute();
    return draftOf(trx, formId);
  });
}

/** Makes a draft from the published version, unless the form has one already. */
export function startDraft(db: Database, formId: string, by: string, now: Date): Promise<DraftRow | undefined> {
  return inTransaction(db, async (trx) => {
    const existing = await draftOf(trx, formId);
    if (existing) return existing;
    const published = await publishedForm(trx, formId);
    if (!published) return undefined;
    // Of two coordinators starting a draft at the same moment (on two server instances), the
    // second finds the first's draft here instead of failing.
    await trx.q
      .insertInto('form_drafts')
      .values({ form_id: formId, based_on_version: published.version, definition: JSON.stringify(published), updated_at: now.toISOString(), updated_by: by })
      .onConflict((oc) => oc.column('form_id').doNothing())
      .execute();
    return draftOf(trx, formId);
  });
}

/**
 * Saves a coordinator's draft over the one they loaded, `basedOn` being its `updatedAt` as they
 * loaded it. When it was saved again since (by another coordinator, or in another tab) nothing
 * is saved ('changed'): two editors never overwrite each other unseen. Each save gets an
 * `updatedAt` later than the one before, even within the same millisecond, so that an editor
 * holding the older one is always told.
 */
export function saveDraft(db: Database, formId: string, definition: unknown, by: string, now: Date, basedOn: string): Promise<{ saved: DraftRow } | { changed: DraftRow } | 'gone'> {
  return inTransaction(db, async (trx) => {
    // Not in the middle of a publish on another instance (see publishDraft).
    await holdUntilCommit(trx, `draft:${formId}`);
    const updatedAt = new Date(Math.max(now.getTime(), Date.parse(basedOn) + 1)).toISOString();
    const result = await trx.q
      .updateTable('form_drafts')
      .set({ definition: JSON.stringify(definition), updated_at: updatedAt, updated_by: by })
      .where('form_id', '=', formId)
      .where('updated_at', '=', basedOn)
      .executeTakeFirst();
    // The draft as this save left it, read in the same transaction: a save a moment later is not it.
    if (result.numUpdatedRows === 1n) return { saved: (await draftOf(trx, formId))! };
    // The draft as another coordinator left it, read in the same transaction.
    const current = await draftOf(trx, formId);
    return current ? { changed: current } : 'gone';
  });
}

/** The links of a subject: a form's are those to its draft, not those to notices over it. */
const linksOf = (subject: PreviewSubject) => (eb: ExpressionBuilder<Tables, 'preview_links'>) =>
  'noticeId' in subject ? eb('notice_id', '=', subject.noticeId) : eb.and([eb('form_id', '=', subject.formId), eb('notice_id', 'is', null)]);

/** Ends a form's preview links (those not ended already keep their time); a notice's links over the form go on. */
async function revokePreviewLinks(db: Database, formId: string, now: Date): Promise<void> {
  await db.q
    .updateTable('preview_links')
    .set({ revoked_at: sql<string>`coalesce(revoked_at, ${now.toISOString()})` })
    .where(linksOf({ formId }))
    .execute();
}

/**
 * Publishes a checked draft as the form's next version to these units, and ends the draft and
 * its preview links, in one transaction. The units' kiosks, and those of every other unit that
 * has the form, pick the version up at their next sync. `checkedAt` is the
 * draft's last save as the caller checked it: when the draft is gone meanwhile (published or
 * discarded a moment before) nothing is published ('gone'), nor when it was saved again since
 * ('changed'), so what is published is always what was checked.
 */
export function publishDraft(db: Database, formId: string, definition: FormDefinition, now: Date, checkedAt: string, units: readonly string[]): Promise<number | 'gone' | 'changed'> {
  return inTransaction(db, async (trx) => {
    // Two coordinators publishing at once, on two instances: the second finds the draft gone.
    await holdUntilCommit(trx, `draft:${formId}`);
    const current = await trx.q.selectFrom('form_drafts').select('updated_at').where('form_id', '=', formId).executeTakeFirst();
    if (!current) return 'gone';
    if (current.updated_at !== checkedAt) return 'changed';
    const newest = Math.max(0, ...(await formVersions(trx, formId)).map((form) => form.version));
    const version = newest + 1;
    await trx.q
      .insertInto('form_versions')
      .values({ form_id: formId, version, definition: JSON.stringify({ ...definition, id: formId, version }), published: 1 })
      .execute();
    await trx.q.deleteFrom('form_drafts').where('form_id', '=', formId).execute();
    await revokePreviewLinks(trx, formId, now);
    await useFormInUnits(trx, formId, units);
    return version;
  });
}

/** Drops a form's draft and ends its preview links; the published versions stay as they are. */
export function discardDraft(db: Database, formId: string, now: Date): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const result = await trx.q.deleteFrom('form_drafts').where('form_id', '=', formId).executeTakeFirst();
    await revokePreviewLinks(trx, formId, now);
    return result.numDeletedRows === 1n;
  });
}

export interface PreviewLink {
  /** The hash of the token: names the link for revoking without being the secret. */
  id: string;
  /** A coordinator's name, or "kiosk NAME" for a preview opened from a kiosk's staff menu. */
  madeFor: string;
  createdAt: string;
  revokedAt: string | null;
}

/** What a preview link opens: a form's draft, or a notice shown on the start screen of a form. */
export type PreviewSubject = { formId: string } | { noticeId: string };

export async function addPreviewLink(db: Database, formId: string, tokenHash: string, madeFor: string, now: Date, noticeId: string | null = null): Promise<void> {
  await db.q.insertInto('preview_links').values({ token_hash: tokenHash, form_id: formId, made_for: madeFor, created_at: now.toISOString(), notice_id: noticeId }).execute();
}

/** A form's own links (those to its draft), or a notice's. */
export function previewLinks(db: Database, subject: PreviewSubject): Promise<PreviewLink[]> {
  return db.q
    .selectFrom('preview_links')
    .select(['token_hash as id', 'made_for as madeFor', 'created_at as createdAt', 'revoked_at as revokedAt'])
    .where(linksOf(subject))
    .orderBy('created_at', 'desc')
    .execute();
}

export async function revokePreviewLink(db: Database, subject: PreviewSubject, id: string, now: Date): Promise<boolean> {
  const result = await db.q
    .updateTable('preview_links')
    .set({ revoked_at: sql<string>`coalesce(revoked_at, ${now.toISOString()})` })
    .where(linksOf(subject))
    .where('token_hash', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** A link that opens something now: a form's draft, or a notice not yet published over the form it was made for. */
export type LivePreview = { state: 'live'; formId: string } & ({ kind: 'draft'; draft: DraftRow } | { kind: 'notice'; notice: NoticeRow });

/**
 * What a preview link opens: its draft (or notice) while it lives; "ended" once it was revoked,
 * or its draft published or discarded (its notice published or removed); "unknown" when no link
 * has this token (mistyped, or cut short).
 */
export async function previewLink(db: Database, tokenHash: string): Promise<LivePreview | { state: 'ended' | 'unknown' }> {
  const link = await db.q.selectFrom('preview_links').select(['form_id', 'revoked_at', 'notice_id']).where('token_hash', '=', tokenHash).executeTakeFirst();
  if (!link) return { state: 'unknown' };
  if (link.revoked_at !== null) return { state: 'ended' };
  if (link.notice_id !== null) {
    const notice = await noticeById(db, link.notice_id);
    return notice && notice.publishedAt === null ? { state: 'live', formId: link.form_id, kind: 'notice', notice } : { state: 'ended' };
  }
  const draft = await draftOf(db, link.form_id);
  return draft ? { state: 'live', formId: link.form_id, kind: 'draft', draft } : { state: 'ended' };
}

/**
 * The kiosk's own live link to its form's draft, if the token it kept is one: the staff menu's
 * preview button opens the same link again instead of making a new one at each tap.
 */
export async function liveKioskLink(db: Database, tokenHash: string, formId: string, madeFor: string): Promise<boolean> {
  const link = await db.q
    .selectFrom('preview_links')
    .select('token_hash')
    .where('token_hash', '=', tokenHash)
    .where('form_id', '=', formId)
    .where('made_for', '=', madeFor)
    .where('notice_id', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return link !== undefined && (await draftOf(db, formId)) !== undefined;
}
