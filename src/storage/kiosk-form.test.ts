import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { defaultForm } from '../domain/default-form';
import { kioskSetup, parseKioskSetup, type KioskSetup } from '../domain/kiosk-setup';
import { FORM_SCHEMA_VERSION, readStoredSetup, readStoredSetupEtag, saveStoredSetup } from './kiosk-form';

// The schema's shape for each FORM_SCHEMA_VERSION (1: the form alone). When the first test fails,
// the schema has changed: raise FORM_SCHEMA_VERSION, so that kiosks validate what they kept again
// before they show it, and add the new fingerprint here.
const FINGERPRINTS: Record<number, string> = {
  1: '1ae0ae87d1286e59',
  2: '3d8f9fc6b21d631e',
};

describe('the kept setup', () => {
  it('is trusted only while the schema is the one that validated it', () => {
    const shape = JSON.stringify(z.toJSONSchema(kioskSetup));
    expect(createHash('sha256').update(shape).digest('hex').slice(0, 16)).toBe(FINGERPRINTS[FORM_SCHEMA_VERSION]);
  });
});

const NOTICE = { id: '0f8f2a6e-2f6b-4c1e-9a53-6b0c1f1d2e3a', texts: { fi: 'Hoitaja tiistaisin.' }, startsOn: '2026-12-01', endsOn: '2026-12-31' };
const HOURS = { week: { mon: [{ opens: '09:00', closes: '15:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, exceptions: [] };
const SETUP: KioskSetup = { form: defaultForm, notices: [NOTICE], openingHours: HOURS };

describe('reading the kept setup', () => {
  let parsed = 0;
  const loadParser = async () => (input: unknown) => {
    parsed += 1;
    return parseKioskSetup(input);
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
    saveStoredSetup(SETUP, '"v7"');
    parsed = 0;
    expect(await readStoredSetup(loadParser)).toEqual({ setup: SETUP, etag: '"v7"' });
    // Validated when it was kept: not again on the start screen.
    expect(parsed).toBe(0);
    expect(readStoredSetupEtag()).toBe('"v7"');
  });

  it('validates a form kept alone by an older app again, with no notices and no hours, and then keeps it marked as checked', async () => {
    items.set(KEY, JSON.stringify({ definition: defaultForm, etag: '"todays-feedback-1"', schema: 1 }));
    // The form alone's ETag is not the setup's: the sync asks afresh.
    expect(readStoredSetupEtag()).toBeNull();
    parsed = 0;
    expect(await readStoredSetup(loadParser)).toEqual({ setup: { form: defaultForm, notices: [], openingHours: null }, etag: '"todays-feedback-1"' });
    expect(parsed).toBe(1);
    expect(JSON.parse(items.get(KEY)!)).toMatchObject({ schema: FORM_SCHEMA_VERSION, notices: [], openingHours: null });
  });

  it('does not take damaged notices or hours as such, and validates the entry again', async () => {
    items.set(KEY, JSON.stringify({ definition: defaultForm, notices: [{ texts: 'x' }], openingHours: null, etag: '"v7"', schema: FORM_SCHEMA_VERSION }));
    expect(await readStoredSetup(loadParser)).toBeNull();
    items.set(KEY, JSON.stringify({ definition: defaultForm, notices: [], openingHours: { week: 'always' }, etag: '"v7"', schema: FORM_SCHEMA_VERSION }));
    expect(await readStoredSetup(loadParser)).toBeNull();
  });

  it('drops a form kept by an older schema that no longer fits it', async () => {
    items.set(KEY, JSON.stringify({ definition: { ...defaultForm, questions: 'none' }, etag: '"v7"', schema: 0 }));
    expect(await readStoredSetup(loadParser)).toBeNull();
    expect(items.has(KEY)).toBe(false);
  });

  it('keeps a form kept by an older schema when the validator cannot be loaded now', async () => {
    items.set(KEY, JSON.stringify({ definition: defaultForm, etag: '"v7"' }));
    expect(await readStoredSetup(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')))).toBeNull();
    expect(JSON.parse(items.get(KEY)!)).toEqual({ definition: defaultForm, etag: '"v7"' });
  });

  it('does not take a damaged entry as a form, even under the current schema', async () => {
    items.set(KEY, JSON.stringify({ definition: { title: 'x' }, etag: '"v7"', schema: FORM_SCHEMA_VERSION }));
    expect(await readStoredSetup(loadParser)).toBeNull();
    items.set(KEY, '{not json');
    expect(await readStoredSetup(loadParser)).toBeNull();
    expect(readStoredSetupEtag()).toBeNull();
  });
});
