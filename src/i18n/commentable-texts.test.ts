import { describe, expect, it } from 'vitest';
import { KIOSK_SCREEN_TEXTS } from '../domain/draft-comment';
import en from './locales/en.json';
import fi from './locales/fi.json';
import se from './locales/se.json';
import sv from './locales/sv.json';

const locales = { fi, sv, en, se } as Record<string, Record<string, Record<string, string>>>;

describe('the kiosk texts a reviewer can comment on', () => {
  it('are each in every language file of the kiosk, so each has a text to show beside the comment', () => {
    for (const [language, texts] of Object.entries(locales)) {
      for (const key of Object.values(KIOSK_SCREEN_TEXTS).flat()) {
        const [group, name] = key.split('.') as [string, string];
        const found = texts[group]?.[name] ?? texts[group]?.[`${name}_other`];
        expect(found, `${language}: ${key}`).toEqual(expect.any(String));
      }
    }
  });
});

