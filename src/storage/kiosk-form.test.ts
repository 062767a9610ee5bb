import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { defaultForm } from '../domain/default-form';
import { formDefinition, parseFormDefinition } from '../domain/form-schema';
import { FORM_SCHEMA_VERSION, readStoredForm, readStoredFormEtag, saveStoredForm } from './kiosk-form';

// The schema's shape for each FORM_SCHEMA_VERSION. When the first test fails, the form schema has
// changed: raise FORM_SCHEMA_VERSION, so that kiosks validate their kept form again before they
// show it, and add the new fingerprint here.
const FINGERPRINTS: Record<number, string> = {
  1: '1ae0ae87d1286e59',
};

describe('the kept form', () => {
  it('is trusted only while the form schema is the one that validated it', () => {
    const shape = JSON.stringify(z.toJSONSchema(formDefinition));
    expect(createHash('sha256').update(shape).digest('hex').slice(0, 16)).toBe(FINGERPRINTS[FORM_SCHEMA_VERSION]);
  });
});

describe('reading the kept form', () => {
  let parsed = 0;
  const loadParser = async () => (input: unknown) => {
    parsed += 1;
    return parseFormDefinition(input);
  };
  const KEY = 'kiosk:published-form';
  const items = new Map<string, string>();
  beforeEach(() => {
    items.clear();
    // Only what kiosk-form uses of the browser's localStorage.
    globalThis.localStorage = {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
      removeItem: (key: string) => void items.delete(key),
    } as Storage;
  });

  it('gives back what the sync kept, with its ETag', async () => {
    saveStoredForm(defaultForm, '"v7"');
    parsed = 0;
    expect(await readStoredForm(loadParser)).toEqual({ form: defaultForm, etag: '"v7"' });
    // Validated when it was kept: not again on the start screen.
    expect(parsed).toBe(0);
    expect(readStoredFormEtag()).toBe('"v7"');
  });

  it('validates a form kept by an older schema again, and then keeps it marked as checked', async () => {
    items.set(KEY, JSON.stringify({ definition: defaultForm, etag: '"v7"' }));
    parsed = 0;
    expect(await readStoredForm(loadParser)).toEqual({ form: defaultForm, etag: '"v7"' });
    expect(parsed).toBe(1);
    expect(JSON.parse(items.get(KEY)!)).toMatchObject({ schema: FORM_SCHEMA_VERSION });
  });

  it('drops a form kept by an older schema that no longer fits it', async () => {
    items.set(KEY, JSON.stringify({ definition: { ...defaultForm, questions: 'none' }, etag: '"v7"', schema: 0 }));
    expect(await readStoredForm(loadParser)).toBeNull();
    expect(items.has(KEY)).toBe(false);
  });

  it('keeps a form kept by an older schema when the validator cannot be loaded now', async () => {
    items.set(KEY, JSON.stringify({ definition: defaultForm, etag: '"v7"' }));
    expect(await readStoredForm(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')))).toBeNull();
    expect(JSON.parse(items.get(KEY)!)).toEqual({ definition: defaultForm, etag: '"v7"' });
  });

  it('does not take a damaged entry as a form, even under the current schema', async () => {
    items.set(KEY, JSON.stringify({ definition: { title: 'x' }, etag: '"v7"', schema: FORM_SCHEMA_VERSION }));
    expect(await readStoredForm(loadParser)).toBeNull();
    items.set(KEY, '{not json');
    expect(await readStoredForm(loadParser)).toBeNull();
    expect(readStoredFormEtag()).toBeNull();
  });
});
