import { afterEach, describe, expect, it, vi } from 'vitest';
import { coordinatorLanguageName, coordinatorLanguages, coordinatorResources } from './coordinator-setup';
import { kioskLanguageCodes, languageNameIn } from './kiosk-language-codes';
import { namedLanguages, shippedLanguageName } from './language-names';
import { languageName, uiLanguages } from './languages';
import { previewResources } from './preview-setup';

// The languages the product has texts in: the kiosk's, the preview's and the coordinator's.
const supported = [...new Set([...uiLanguages, ...kioskLanguageCodes, ...Object.keys(previewResources), ...coordinatorLanguages])].sort();
const kioskNames = import.meta.glob<{ name: string }>('./locales/*.json', { eager: true, import: 'language' });
type Named = { language?: { name?: string } };
const startOfSentence = (name: string, language: string) => name.charAt(0).toLocaleUpperCase(language) + name.slice(1);

afterEach(() => vi.unstubAllGlobals());

describe('the names of the supported languages', () => {
  it('are the supported languages, no more', () => expect([...namedLanguages].sort()).toEqual(supported));

  it.each(supported)('each has a name in %s, composed Unicode and not its code', (reader) => {
    for (const code of supported) {
      const name = shippedLanguageName(code, reader);
      expect(name, `${code} in ${reader}`).toBeTruthy();
      expect(name).not.toBe(code);
      expect(name).toBe(name?.normalize('NFC'));
    }
  });

  it('name each language in itself as the language switch and its own texts do', () => {
    for (const code of supported) {
      // The switch and the "language.name" texts begin a line, so they begin with a capital.
      const self = startOfSentence(shippedLanguageName(code, code)!, code);
      expect(self).toBe(languageName(code));
      const ownNames = [
        kioskNames[`./locales/${code}.json`]?.name,
        (previewResources[code]?.translation as Named | undefined)?.language?.name,
        (coordinatorResources[code]?.translation as Named | undefined)?.language?.name,
      ];
      for (const name of ownNames.filter((name) => name !== undefined)) expect(name).toBe(self);
    }
    for (const code of coordinatorLanguages) expect(coordinatorLanguageName(code)).toBe(languageName(code));
  });

  it('agree with the names the downloads give the languages of their labels', () => {
    for (const code of coordinatorLanguages) {
      const names = (coordinatorResources[code]!.translation as { downloads: { languages: Record<string, string> } }).downloads.languages;
      for (const [language, name] of Object.entries(names)) expect(name).toBe(shippedLanguageName(language, code));
    }
  });
});

describe('a language named for a reader', () => {
  it('comes from the table, whatever the browser knows', () => {
    // A browser without a Finnish name for Northern Sámi answers with the code.
    vi.stubGlobal('Intl', { ...Intl, DisplayNames: class { of = (code: string) => code; } });
    expect(languageNameIn('se', 'fi')).toBe('pohjoissaame');
    expect(languageNameIn('se', 'sv')).toBe('nordsamiska');
    expect(languageNameIn('se', 'en')).toBe('Northern Sámi');
    expect(languageNameIn('fi', 'se')).toBe('suomagiella');
    expect(languageNameIn('sv', 'fi-FI')).toBe('ruotsi');
    expect(languageNameIn('de', 'fi')).toBe('de');
  });

  it("is the browser's name for a language outside the table, else its code", () => {
    expect(languageNameIn('de', 'en')).toBe(new Intl.DisplayNames(['en'], { type: 'language' }).of('de'));
    expect(languageNameIn('not a code', 'fi')).toBe('not a code');
  });
});
