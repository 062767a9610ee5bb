import type { FormDefinition } from '../domain/form-schema';
import type { KioskSetup } from '../domain/kiosk-setup';

/**
 * What this kiosk last fetched (its published form, notices and opening hours), kept for offline
 * use with its ETag. It lives in localStorage, not IndexedDB: it must be read before the first
 * screen without loading the database code, it is small, and it holds no visitor's data.
 */
const KEY = 'kiosk:published-form';

/**
 * Which schema validated the kept setup. The sync validates what it gets before it keeps it, so
 * a kept setup is shown on the start screen without loading the validator again, unless the app
 * has since changed its schema. Raise this when the schema changes: its fingerprint test says when
 * the shape changes; a cross-field rule tightened by hand (the form's checkConsistency, a notice's
 * dates, a day's periods) needs it raised by hand. Version 1 kept the form alone.
 */
export const FORM_SCHEMA_VERSION = 2;

interface Kept {
  /** The form: named so since the kiosk kept only its form. */
  definition: unknown;
  notices?: unknown;
  openingHours?: unknown;
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

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The fields the start screen reads of the notices and the hours, for the same reason. */
function looksLikeSetup(kept: Kept): boolean {
  const { notices, openingHours } = kept;
  const noticesFit = Array.isArray(notices) && notices.every((n) => isObject(n) && isObject(n.texts) && typeof n.startsOn === 'string' && typeof n.endsOn === 'string');
  const hoursFit = openingHours === null || (isObject(openingHours) && isObject(openingHours.week) && Array.isArray(openingHours.exceptions));
  return noticesFit && hoursFit;
}

/**
 * The kept setup, or null for none. One kept by this schema is taken as it is; one kept by an
 * older schema is validated again first (`loadParser` loads the validator) and dropped if it no
 * longer fits: the kiosk then shows its bundled form, always open and without notices.
 */
export async function readStoredSetup(loadParser: () => Promise<(input: unknown) => KioskSetup>): Promise<{ setup: KioskSetup; etag: string } | null> {
  const kept = readKept();
  if (!kept || typeof kept.etag !== 'string') return null;
  if (kept.schema === FORM_SCHEMA_VERSION && looksLikeForm(kept.definition) && looksLikeSetup(kept)) {
    return { setup: { form: kept.definition, notices: kept.notices as KioskSetup['notices'], openingHours: kept.openingHours as KioskSetup['openingHours'] }, etag: kept.etag };
  }
  let parse: (input: unknown) => KioskSetup;
  try {
    parse = await loadParser();
  } catch (error) {
    // The validator could not be loaded (offline with its file evicted): the kept form stays for
    // a later start, and this one shows the bundled form.
    console.warn('The stored form could not be checked now:', error instanceof Error ? error.name : error);
    return null;
  }
  try {
    // A form kept alone (schema 1) comes with no notices and no hours.
    const setup = parse({ form: kept.definition, notices: kept.notices ?? [], openingHours: kept.openingHours ?? null });
    saveStoredSetup(setup, kept.etag);
    return { setup, etag: kept.etag };
  } catch (error) {
    console.warn('The stored setup is not valid:', error instanceof Error ? error.message.slice(0, 200) : error);
    localStorage.removeItem(KEY);
    return null;
  }
}

/** Only the ETag, for the sync's If-None-Match: no need to parse the whole setup every time. */
export function readStoredSetupEtag(): string | null {
  const kept = readKept();
  // Unreadable, or a form kept alone: ask afresh; readStoredSetup drops a bad entry at the next start.
  return kept?.schema === FORM_SCHEMA_VERSION && typeof kept.etag === 'string' ? kept.etag : null;
}

/** Keeps a setup the sync has validated. */
export function saveStoredSetup({ form, notices, openingHours }: KioskSetup, etag: string): void {
  const kept: Kept = { definition: form, notices, openingHours, etag, schema: FORM_SCHEMA_VERSION };
  localStorage.setItem(KEY, JSON.stringify(kept));
}
