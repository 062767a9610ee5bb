import { useSyncExternalStore } from 'react';
import { Workbox } from 'workbox-window';
import { UPDATE_CHECK_EVERY_MS } from './timing';

/**
 * The one place the service worker is registered. A new version waits until the kiosk says
 * it is safe (the start screen, nobody answering), then takes over and the page reloads.
 */
let workbox: Workbox | undefined;
let updateWaiting = false;
let updateRequested = false;
const listeners = new Set<() => void>();

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  workbox = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
  workbox.addEventListener('waiting', () => {
    updateWaiting = true;
    for (const listener of listeners) listener();
  });
  // Reload only when this page asked for the update. The first install takes control quietly
  // (clientsClaim); workbox's own isUpdate flag is false for updates found later in a page that
  // had no controller when it loaded, which is every kiosk's first day.
  workbox.addEventListener('controlling', () => {
    if (updateRequested) window.location.reload();
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
  if (!workbox) return;
  updateRequested = true;
  workbox.messageSkipWaiting();
}
