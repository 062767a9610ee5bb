import { parseFormDefinition, type FormDefinition } from '../../src/domain/form-schema';
import type { Database } from './database';

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
  /** Reads the versions again; call after a version is added or published. */
  reload(): void;
}

/**
 * The known form versions, parsed once and kept in memory: a sync request checks every
 * response against its form, and reparsing the forms per request would cost more than storing.
 */
export function formCatalog(db: Database): FormCatalog {
  let byKey = new Map<string, FormDefinition>();
  let loadedAt = 0;
  const reload = () => {
    byKey = new Map(allFormVersions(db).map((form) => [`${form.id}@${form.version}`, form]));
    loadedAt = Date.now();
  };
  reload();
  return {
    find(formId, version) {
      const key = `${formId}@${version}`;
      // A version published since the last load (another process, the command line): look
      // again, at most once a second, so unknown versions cannot make every request reparse.
      if (!byKey.has(key) && Date.now() - loadedAt > 1000) reload();
      return byKey.get(key);
    },
    reload,
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
