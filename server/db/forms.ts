import { parseFormDefinition, type FormDefinition } from '../../src/domain/form-schema';
import { prepared, type Database } from './database';

/** Makes sure a form version is known (the bundled default form on first start). */
export function ensureFormVersion(db: Database, form: FormDefinition, publish: boolean): void {
  db.prepare(
    `INSERT INTO form_versions (form_id, version, definition, published) VALUES (?, ?, ?, ?)
     ON CONFLICT (form_id, version) DO NOTHING`,
  ).run(form.id, form.version, JSON.stringify(form), publish ? 1 : 0);
}

/** Every known form version, parsed: a stored definition that no longer parses is an error. */
export function allFormVersions(db: Database): FormDefinition[] {
  const rows = db.prepare('SELECT definition FROM form_versions').all() as { definition: string }[];
  return rows.map((row) => parseFormDefinition(JSON.parse(row.definition)));
}

export interface FormCatalog {
  find(formId: string, version: number): FormDefinition | undefined;
}

/**
 * The known form versions, parsed once and kept in memory: a sync request checks every
 * response against its form, and reparsing the forms per request would cost more than storing.
 * A version not in memory is looked up in the database before anything is refused: one
 * published a moment ago (here, on another server instance, or from the command line) is known
 * at once. A stored version never changes, so what is in memory never goes stale.
 */
export function formCatalog(db: Database): FormCatalog {
  const byKey = new Map(allFormVersions(db).map((form) => [`${form.id}@${form.version}`, form]));
  return {
    find(formId, version) {
      const key = `${formId}@${version}`;
      const known = byKey.get(key);
      if (known) return known;
      const row = prepared(db, 'SELECT definition FROM form_versions WHERE form_id = ? AND version = ?').get(formId, version) as { definition: string } | undefined;
      if (!row) return undefined;
      const form = parseFormDefinition(JSON.parse(row.definition));
      byKey.set(key, form);
      return form;
    },
  };
}

/** The published version of a form with the highest number, or undefined. */
export function publishedForm(db: Database, formId: string): FormDefinition | undefined {
  const row = db
    .prepare('SELECT definition FROM form_versions WHERE form_id = ? AND published = 1 ORDER BY version DESC LIMIT 1')
    .get(formId) as { definition: string } | undefined;
  return row ? parseFormDefinition(JSON.parse(row.definition)) : undefined;
}

/** The versions of a form, oldest first. */
export function formVersions(db: Database, formId: string): FormDefinition[] {
  const rows = db.prepare('SELECT definition FROM form_versions WHERE form_id = ? ORDER BY version').all(formId) as { definition: string }[];
  return rows.map((row) => parseFormDefinition(JSON.parse(row.definition)));
}

/** Every form's id with its newest version's title, for choosing one. */
export function formList(db: Database): { id: string; title: Record<string, string> }[] {
  const rows = db
    .prepare('SELECT form_id AS id, definition FROM form_versions f WHERE version = (SELECT max(version) FROM form_versions WHERE form_id = f.form_id) ORDER BY form_id')
    .all() as { id: string; definition: string }[];
  return rows.map((row) => ({ id: row.id, title: (JSON.parse(row.definition) as FormDefinition).title }));
}
