type Later = typeof import('./later');

let loaded: Later | undefined;

/** The one dynamic import of what the kiosk loads after its start screen (see later.ts). */
export const loadLater = (): Promise<Later> =>
  import('./later').then((later) => {
    loaded = later;
    return later;
  });

/**
 * later.ts's exports once they have arrived, else undefined. Rendering from them directly needs
 * no Suspense round trip, which React holds back for up to 300 ms before showing what resolved.
 */
export const laterIfLoaded = (): Later | undefined => loaded;
