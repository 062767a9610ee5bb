import type { PictureName } from '../domain/pictures';

// Bundled files, precached by the service worker: no picture ever comes from the network.
const urls = import.meta.glob<string>('./pictures/*.svg', { eager: true, query: '?url', import: 'default' });

export function pictureUrl(name: PictureName): string {
  const url = urls[`./pictures/${name}.svg`];
  if (!url) throw new Error(`No bundled picture "${name}"`);
  return url;
}

/** Decorative: the words beside a picture always say the same thing. */
export function Picture({ name, className = 'picture' }: { name: PictureName; className?: string }) {
  return <img className={className} src={pictureUrl(name)} alt="" width={64} height={64} draggable={false} />;
}
