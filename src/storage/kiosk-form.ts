import type { FormDefinition } from '../domain/form-schema';

/**
 * The published form this kiosk last fetched, kept for offline use with its ETag. It lives in
 * localStorage, not IndexedDB: it must be read before the first screen without loading the
 * database code, it is small, and it holds no visitor's data.
 */
const KEY = 'kiosk:published-form';

/**
 * Which form schema validated the kept form. The sync validates a form before it keeps it, so a
 * kept form is shown on the start screen without loading the validator again, unless the app has
 * since changed its schema. Raise this when the schema changes: its fingerprint test says when the
 * shape changes; a cross-field rule tightened in form-schema.ts (checkConsistency) needs it raised
 * by hand.
 */
export const FORM_SCHEMA_VERSION = 1;

interface Kept {
  definition: unknown;
  etag: unknown;
  schema?: unknown;
}

function readKept(): Kept | null {
  const text = localStorage.getItem(KEY);
  if (!text) return null;
  try {
    const kept = JSON.parse(text) as unknown;
    return typeof kept === 'object' && kept !== null ? (kept as Kept) : null;
  } catch {
    return null;
  }
}

/** The few fields the start screen reads, so a damaged entry cannot break the first render. */
function looksLikeForm(value: unknown): value is FormDefinition {
  const form = value as Partial<FormDefinition> | null;
  return (
    typeof form === 'object' &&
    form !== null &&
    Array.isArray(form.languages) &&
    Array.isArray(form.questions) &&
    typeof form.title === 'object' &&
    form.title !== null
  );
}

/**
 * The kept form, or null for none. A form kept by this schema is taken as it is; one kept by an
 * older schema is validated again first (`loadParser` loads the validator) and dropped if it no
 * longer fits: the kiosk then shows its bundled form.
 */
export async function readStoredForm(
  loadParser: () => Promise<(input: unknown) => FormDefinition>,
): Promise<{ form: FormDefinition; etag: string } | null> {
  const kept = readKept();
  if (!kept || typeof kept.etag !== 'string') return null;
  if (kept.schema === FORM_SCHEMA_VERSION && looksLikeForm(kept.definition)) return { form: kept.definition, etag: kept.etag };
  let parse: (input: unknown) => FormDefinition;
  try {
    parse = await loadParser();
  } catch (error) {
    // The validator could not be loaded (offline with its file evicted): the kept form stays for
    // a later start, and this one shows the bundled form.
    console.warn('The stored form could not be checked now:', error instanceof Error ? error.name : error);
    return null;
  }
  try {
    const form = parse(kept.definition);
    saveStoredForm(form, kept.etag);
    return { form, etag: kept.etag };
  } catch (error) {
    console.warn('The stored form is not valid:', error instanceof Error ? error.message.slice(0, 200) : error);
    localStorage.removeItem(KEY);
    return null;
  }
}

/** Only the ETag, for the sync's If-None-Match: no need to parse the whole form every time. */
export function readStoredFormEtag(): string | null {
  const etag = readKept()?.etag;
  // Unreadable: ask for the form afresh; readStoredForm drops the entry at the next start.
  return typeof etag === 'string' ? etag : null;
}

/** Keeps a form the sync has validated. */
export function saveStoredForm(form: FormDefinition, etag: string): void {
  localStorage.setItem(KEY, JSON.stringify({ definition: form, etag, schema: FORM_SCHEMA_VERSION }));
}
