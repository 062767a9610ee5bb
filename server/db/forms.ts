import { parseFormDefinition, type FormDefinition } from '../../src/domain/form-schema';
import type { Database } from './database';

/** Makes sure a form version is known (the bundled default form on first start). */
export async function ensureFormVersion(db: Database, form: FormDefinition, publish: boolean): Promise<void> {
  await db.q
    .insertInto('form_versions')
    .values({ form_id: form.id, version: form.version, definition: JSON.stringify(form), published: publish ? 1 : 0 })
    .onConflict((oc) => oc.columns(['form_id', 'version']).doNothing())
    .execute();
}

const parsed = (rows: { definition: string }[]) => rows.map((row) => parseFormDefinition(JSON.parse(row.definition)));

/** Every known form version, parsed: a stored definition that no longer parses is an error. */
export async function allFormVersions(db: Database): Promise<FormDefinition[]> {
  return parsed(await db.q.selectFrom('form_versions').select('definition').execute());
}

export interface FormCatalog {
  /** The form version if it is known here now (after `load`); never asks the database. */
  find(formId: string, version: number): FormDefinition | undefined;
  /** Looks up in the database the versions among these that are not known here yet. */
  load(keys: { formId: string; formVersion: number }[]): Promise<void>;
}

/**
 * The known form versions, parsed once and kept in memory: a sync request checks every
 * response against its form, and reparsing the forms per request would cost more than storing.
 * A version not in memory is looked up in the database (`load`) before anything is refused: one
 * published a moment ago (here, on another server instance, or from the command line) is known
 * at once. A stored version never changes, so what is in memory never goes stale.
 */
export async function formCatalog(db: Database): Promise<FormCatalog> {
  const byKey = new Map((await allFormVersions(db)).map((form) => [`${form.id}@${form.version}`, form]));
  return {
    find: (formId, version) => byKey.get(`${formId}@${version}`),
    async load(keys) {
      const missing = new Map<string, { formId: string; formVersion: number }>();
      for (const key of keys) {
        if (typeof key.formId !== 'string' || !Number.isInteger(key.formVersion)) continue;
        const name = `${key.formId}@${key.formVersion}`;
        if (!byKey.has(name)) missing.set(name, key);
      }
      for (const { formId, formVersion } of missing.values()) {
        const row = await db.q
          .selectFrom('form_versions')
          .select('definition')
          .where('form_id', '=', formId)
          .where('version', '=', formVersion)
          .executeTakeFirst();
        if (row) byKey.set(`${formId}@${formVersion}`, parseFormDefinition(JSON.parse(row.definition)));
      }
    },
  };
}

/** The published version of a form with the highest number, or undefined. */
export async function publishedForm(db: Database, formId: string): Promise<FormDefinition | undefined> {
  const row = await db.q
    .selectFrom('form_versions')
    .select('definition')
    .where('form_id', '=', formId)
    .where('published', '=', 1)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? parseFormDefinition(JSON.parse(row.definition)) : undefined;
}

/** The versions of a form, oldest first. */
export async function formVersions(db: Database, formId: string): Promise<FormDefinition[]> {
  return parsed(await db.q.selectFrom('form_versions').select('definition').where('form_id', '=', formId).orderBy('version').execute());
}

/** Every form's id with its newest version's title, for choosing one. */
export async function formList(db: Database): Promise<{ id: string; title: Record<string, string> }[]> {
  const rows = await db.q
    .selectFrom('form_versions as f')
    .select(['f.form_id as id', 'f.definition'])
    .where('f.version', '=', (eb) => eb.selectFrom('form_versions as g').select((g) => g.fn.max('g.version').as('v')).whereRef('g.form_id', '=', 'f.form_id'))
    .orderBy('f.form_id')
    .execute();
  return rows.map((row) => ({ id: row.id, title: (JSON.parse(row.definition) as FormDefinition).title }));
}

/**
 * The forms these units' kiosks get now (`defaultFormId` for a unit with none of its own) or
 * have responses to, each with its newest version's title: another unit's own form is not among
 * them. With `unused`, also the forms no unit uses and none has answered (a new form being made).
 */
export async function formsOfUnitsAndResponses(
  db: Database,
  units: readonly string[],
  defaultFormId: string,
  { unused }: { unused: boolean },
): Promise<{ id: string; title: Record<string, string> }[]> {
  const all = await formList(db);
  const used = await db.q.selectFrom('unit_forms').select(['unit_id', 'form_id']).execute();
  const answered = await db.q.selectFrom('response_counts').select(['unit_id', 'form_id']).distinct().execute();
  const mine = new Set(units);
  const ids = new Set([...used, ...answered].filter((row) => mine.has(row.unit_id)).map((row) => row.form_id));
  if (units.some((unit) => !used.some((row) => row.unit_id === unit))) ids.add(defaultFormId);
  if (unused) {
    const inUse = new Set([...used, ...answered].map((row) => row.form_id));
    for (const form of all) if (!inUse.has(form.id) && form.id !== defaultFormId) ids.add(form.id);
  }
  return all.filter((form) => ids.has(form.id));
}
