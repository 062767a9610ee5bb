import { parseFormDefinition, type FormDefinition } from '../domain/form-schema';

/**
 * The published form this kiosk last fetched, kept for offline use with its ETag. It lives in
 * localStorage, not IndexedDB: it must be read before the first screen without loading the
 * database code, it is small, and it holds no visitor's data.
 */
const KEY = 'kiosk:published-form';

export function readStoredForm(): { form: FormDefinition; etag: string } | null {
  const text = localStorage.getItem(KEY);
  if (!text) return null;
  try {
    const { definition, etag } = JSON.parse(text) as { definition: unknown; etag: unknown };
    if (typeof etag !== 'string') return null;
    return { form: parseFormDefinition(definition), etag };
  } catch (error) {
    // A stored form that no longer parses is dropped: the kiosk falls back to its bundled form.
    console.warn('The stored form is not valid:', error instanceof Error ? error.message.slice(0, 200) : error);
    localStorage.removeItem(KEY);
    return null;
  }
}

/** Only the ETag, for the sync's If-None-Match: no need to parse the whole form every time. */
export function readStoredFormEtag(): string | null {
  const text = localStorage.getItem(KEY);
  if (!text) return null;
  try {
    const { etag } = JSON.parse(text) as { etag?: unknown };
    return typeof etag === 'string' ? etag : null;
  } catch {
    // Unreadable: ask for the form afresh; readStoredForm drops the entry at the next start.
    return null;
  }
}

export function saveStoredForm(form: FormDefinition, etag: string): void {
  localStorage.setItem(KEY, JSON.stringify({ definition: form, etag }));
}
