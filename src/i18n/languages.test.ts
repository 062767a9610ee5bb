import { beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from 'i18next';
import { coordinatorLanguages, coordinatorResources } from './coordinator-setup';
import { languageName, uiLanguages } from './languages';
import { previewResources } from './preview-setup';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

// Every language's texts, read here from the files (the kiosk fetches one language at a time).
const files = import.meta.glob<Resource[string]['translation']>('./locales/*.json', { eager: true, import: 'default' });
const resources: Resource = Object.fromEntries(Object.entries(files).map(([path, strings]) => [path.replace(/^.*\/(.+)\.json$/, '$1'), { translation: strings }]));

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
let areaResources: Resource = resources;
const strings = (code: string) => flatten(areaResources[code]!.translation as Tree);
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

/**
 * What a language must define: every key of the reference language, where a plural key must
 * come in each plural form that language's grammar has (Intl.PluralRules, as i18next uses).
 */
function requiredKeys(code: string): string[] {
  const categories = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of strings('fi').keys()) {
    if (PLURAL_SUFFIX.test(key)) {
      const base = key.replace(PLURAL_SUFFIX, '');
      for (const category of categories) keys.add(`${base}_${category}`);
    } else keys.add(key);
  }
  return [...keys].sort();
}

describe('language resources', () => {
  it('include Finnish, Swedish and English, named in themselves, Finnish first', () => {
    expect([...uiLanguages].sort()).toEqual(Object.keys(resources).sort());
    expect(uiLanguages.slice(0, 3)).toEqual(['fi', 'sv', 'en']);
    expect(uiLanguages.map(languageName).slice(0, 3)).toEqual(['Suomi', 'Svenska', 'English']);
  });

  it('name each language as its own texts do, so the switch shows it before they are loaded', () => {
    for (const code of uiLanguages) {
      expect(languageName(code)).toBe((resources[code]!.translation as { language: { name: string } }).language.name);
    }
  });

});

describe.each([
  ['kiosk', resources, uiLanguages],
  ['coordinator', coordinatorResources, coordinatorLanguages],
  ['preview', previewResources, uiLanguages],
] as const)('the %s texts', (_area, areaTexts, languages) => {
  beforeAll(() => {
    areaResources = areaTexts;
  });

  it('are in Finnish, Swedish and English', () => expect(languages.slice(0, 3)).toEqual(['fi', 'sv', 'en']));

  it('are in no language without the rest of its area', () => expect(Object.keys(areaTexts).sort()).toEqual([...languages].sort()));

  it.each(languages)('%s has every key, and no key the others lack', (code) => {
    const have = [...strings(code).keys()].sort();
    expect(have).toEqual(requiredKeys(code));
  });

  it.each(languages)('%s has no empty text and the same placeholders', (code) => {
    const reference = strings('fi');
    for (const [key, text] of strings(code)) {
      expect(text.trim(), key).not.toBe('');
      const base = key.replace(PLURAL_SUFFIX, '');
      const referenceText = reference.get(key) ?? reference.get(`${base}_other`) ?? '';
      expect(placeholders(text), key).toEqual(placeholders(referenceText));
    }
  });
});
