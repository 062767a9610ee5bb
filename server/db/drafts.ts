import type { FormDefinition } from '../../src/domain/form-schema';
import type { Database } from './database';
import { formVersions, publishedForm } from './forms';

export interface DraftRow {
  formId: string;
  basedOnVersion: number;
  definition: unknown;
  updatedAt: string;
  updatedBy: string;
}

export function draftOf(db: Database, formId: string): DraftRow | undefined {
  const row = db
    .prepare('SELECT form_id AS formId, based_on_version AS basedOnVersion, definition, updated_at AS updatedAt, updated_by AS updatedBy FROM form_drafts WHERE form_id = ?')
    .get(formId) as (Omit<DraftRow, 'definition'> & { definition: string }) | undefined;
  return row ? { ...row, definition: JSON.parse(row.definition) as unknown } : undefined;
}

/** Makes a draft from the published version, unless the form has one already. */
export function startDraft(db: Database, formId: string, by: string, now: Date): DraftRow | undefined {
  return db.transaction(() => {
    const existing = draftOf(db, formId);
    if (existing) return existing;
    const published = publishedForm(db, formId);
    if (!published) return undefined;
    db.prepare('INSERT INTO form_drafts (form_id, based_on_version, definition, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)').run(
      formId,
      published.version,
      JSON.stringify(published),
      now.toISOString(),
      by,
    );
    return draftOf(db, formId);
  })();
}

export function saveDraft(db: Database, formId: string, definition: unknown, by: string, now: Date): boolean {
  return (
    db.prepare('UPDATE form_drafts SET definition = ?, updated_at = ?, updated_by = ? WHERE form_id = ?').run(JSON.stringify(definition), now.toISOString(), by, formId)
      .changes === 1
  );
}

/**
 * Publishes a checked draft as the form's next version and ends the draft and its preview
 * links, in one transaction. Kiosks pick the version up at their next sync.
 */
export function publishDraft(db: Database, formId: string, definition: FormDefinition, now: Date): number {
  return db.transaction(() => {
    const newest = Math.max(0, ...formVersions(db, formId).map((form) => form.version));
    const version = newest + 1;
    db.prepare('INSERT INTO form_versions (form_id, version, definition, published) VALUES (?, ?, ?, 1)').run(
      formId,
      version,
      JSON.stringify({ ...definition, id: formId, version }),
    );
    db.prepare('DELETE FROM form_drafts WHERE form_id = ?').run(formId);
    db.prepare('UPDATE preview_links SET revoked_at = coalesce(revoked_at, ?) WHERE form_id = ?').run(now.toISOString(), formId);
    return version;
  })();
}

/** Drops a form's draft and ends its preview links; the published versions stay as they are. */
export function discardDraft(db: Database, formId: string, now: Date): boolean {
  return db.transaction(() => {
    const removed = db.prepare('DELETE FROM form_drafts WHERE form_id = ?').run(formId).changes === 1;
    db.prepare('UPDATE preview_links SET revoked_at = coalesce(revoked_at, ?) WHERE form_id = ?').run(now.toISOString(), formId);
    return removed;
  })();
}

export interface PreviewLink {
  /** The hash of the token: names the link for revoking without being the secret. */
  id: string;
  /** A coordinator's name, or "kiosk NAME" for a preview opened from a kiosk's staff menu. */
  madeFor: string;
  createdAt: string;
  revokedAt: string | null;
}

export function addPreviewLink(db: Database, formId: string, tokenHash: string, madeFor: string, now: Date): void {
  db.prepare('INSERT INTO preview_links (token_hash, form_id, made_for, created_at) VALUES (?, ?, ?, ?)').run(tokenHash, formId, madeFor, now.toISOString());
}

export function previewLinks(db: Database, formId: string): PreviewLink[] {
  return db
    .prepare('SELECT token_hash AS id, made_for AS madeFor, created_at AS createdAt, revoked_at AS revokedAt FROM preview_links WHERE form_id = ? ORDER BY created_at DESC')
    .all(formId) as PreviewLink[];
}

export function revokePreviewLink(db: Database, formId: string, id: string, now: Date): boolean {
  return db.prepare('UPDATE preview_links SET revoked_at = coalesce(revoked_at, ?) WHERE form_id = ? AND token_hash = ?').run(now.toISOString(), formId, id).changes === 1;
}

/** The draft a live preview link opens, or undefined (revoked, published or removed). */
export function draftForPreview(db: Database, tokenHash: string): DraftRow | undefined {
  const link = db.prepare('SELECT form_id AS formId FROM preview_links WHERE token_hash = ? AND revoked_at IS NULL').get(tokenHash) as
    | { formId: string }
    | undefined;
  return link ? draftOf(db, link.formId) : undefined;
}
