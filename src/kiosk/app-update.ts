import { useSyncExternalStore } from 'react';
import { Workbox } from 'workbox-window';
import { UPDATE_CHECK_EVERY_MS } from './timing';

/**
 * The one place the service worker is registered. A new version waits until the kiosk says
 * it is safe (the start screen, nobody answering), then takes over and the page reloads.
 */
let workbox: Workbox | undefined;
let updateWaiting = false;
const listeners = new Set<() => void>();

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  workbox = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
  workbox.addEventListener('waiting', () => {
    updateWaiting = true;
    for (const listener of listeners) listener();
  });
  // The first install takes control quietly (clientsClaim); only a real update reloads.
  workbox.addEventListener('controlling', (event) => {
    if (event.isUpdate) window.location.reload();
  });
  void workbox.register();
  window.setInterval(() => void workbox?.update(), UPDATE_CHECK_EVERY_MS);
}

export function useUpdateWaiting(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => updateWaiting,
    () => false,
  );
}

/** Lets the waiting version take over; call only when no visitor is in the middle of answers. */
export function applyUpdate(): void {
  workbox?.messageSkipWaiting();
}
