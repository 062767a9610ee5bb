import { useEffect, useState } from 'react';

// The kiosk's language files, each loaded only when a comment on one of its texts is shown.
const files = import.meta.glob<Record<string, Record<string, string>>>('../i18n/locales/*.json', { import: 'default' });
const loaded = new Map<string, Record<string, Record<string, string>>>();

/** A kiosk text ("start.intro") in a language, once its file is here; plural texts in their "other" form. */
export function kioskText(key: string, language: string): string | undefined {
  const [group, name] = key.split('.') as [string, string];
  const texts = loaded.get(language)?.[group];
  return texts?.[name] ?? texts?.[`${name}_other`];
}

/** Loads the kiosk's texts in these languages; re-renders once they are here. */
export function useKioskTexts(languages: readonly string[]): void {
  const [, setCount] = useState(0);
  const wanted = [...new Set(languages)].filter((code) => !loaded.has(code) && files[`../i18n/locales/${code}.json`]).join(',');
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    void Promise.all(
      wanted.split(',').map(async (code) => {
        loaded.set(code, await files[`../i18n/locales/${code}.json`]!());
      }),
    ).then(
      () => live && setCount((n) => n + 1),
      (error: unknown) => console.warn('The kiosk texts could not be loaded:', error),
    );
    return () => {
      live = false;
    };
  }, [wanted]);
}
