import i18next, { type Resource, type ResourceLanguage } from 'i18next';

// The preview's texts, a file per language like the kiosk's, in the preview's own chunk: the
// kiosk's first screen does not carry them.
const files = import.meta.glob<ResourceLanguage>('./preview/*.json', { eager: true, import: 'default' });

export const previewResources: Resource = Object.fromEntries(
  Object.entries(files).map(([path, strings]) => [path.replace(/^.*\/(.+)\.json$/, '$1'), { translation: strings }]),
);

/** Adds the preview's texts to the kiosk's i18next, beside the kiosk's own. */
export function addPreviewTexts(): void {
  for (const [language, { translation }] of Object.entries(previewResources)) {
    i18next.addResourceBundle(language, 'translation', translation, true, false);
  }
}
