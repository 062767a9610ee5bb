import { useSyncExternalStore } from 'react';
import type { Workbox } from 'workbox-window';
import { UPDATE_CHECK_EVERY_MS } from './timing';
import { loadLater } from './load-later';
import { whenIdle } from './when-idle';

/**
 * The one place the service worker is registered. A new version waits until the kiosk says
 * it is safe (the start screen, nobody answering), then takes over and the page reloads.
 */
export type UpdateState = 'none' | 'waiting' | 'applying';

let workbox: Workbox | undefined;
let state: UpdateState = 'none';
const listeners = new Set<() => void>();

function setState(next: UpdateState) {
  state = next;
  for (const listener of listeners) listener();
}

const logFailure = (what: string) => (error: unknown) =>
  // Offline for days is normal for a kiosk: a failed check is reported, not thrown.
  console.warn(`Service worker ${what} failed:`, error instanceof Error ? error.name : error);

/**
 * Registers once the first screen is up: workbox-window is no part of the first screen's code. It
 * comes with the later code; if that cannot be fetched (a first visit on failing Wi-Fi), it is
 * tried again, less and less often, so that the kiosk still becomes ready for offline use.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  whenIdle(() => loadAndRegister(0));
}

function loadAndRegister(failures: number): void {
  loadLater().then(
    ({ Workbox }) => register(new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL })),
    (error: unknown) => {
      logFailure('loading')(error);
      window.setTimeout(() => loadAndRegister(failures + 1), Math.min(10 * 60_000, 15_000 * 2 ** failures));
    },
  );
}

function register(registering: Workbox): void {
  workbox = registering;
  workbox.addEventListener('waiting', () => setState('waiting'));
  // Reload only when this page asked for the update. The first install takes control quietly
  // (clientsClaim); workbox's own isUpdate flag is false for updates found later in a page that
  // had no controller when it loaded, which is every kiosk's first day.
  workbox.addEventListener('controlling', () => {
    if (state === 'applying') window.location.reload();
  });
  workbox.register().catch(logFailure('registration'));
  window.setInterval(() => workbox?.update().catch(logFailure('update check')), UPDATE_CHECK_EVERY_MS);
}

export function useUpdateState(): UpdateState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
    () => 'none' as const,
  );
}

/**
 * Lets the waiting version take over; call only when no visitor is in the middle of answers.
 * From here until the reload the kiosk must not start a visit (see the start screen).
 */
export function applyUpdate(): void {
  if (!workbox || state !== 'waiting') return;
  setState('applying');
  workbox.messageSkipWaiting();
}
