import type { PictureName } from '../domain/pictures';

// The bundled pictures' markup, inside the visit's code: no picture is a file of its own to fetch
// or precache, and none ever comes from the network. They are the project's own files.
const markup = import.meta.glob<string>('./pictures/*.svg', { eager: true, query: '?raw', import: 'default' });

export function pictureMarkup(name: PictureName): string {
  const svg = markup[`./pictures/${name}.svg`];
  if (!svg) throw new Error(`No bundled picture "${name}"`);
  return svg;
}

/** Decorative: the words beside a picture always say the same thing. */
export function Picture({ name, className = 'picture' }: { name: PictureName; className?: string }) {
  return <span className={className} aria-hidden="true" dangerouslySetInnerHTML={{ __html: pictureMarkup(name) }} />;
}
