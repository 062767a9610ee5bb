import { useSyncExternalStore } from 'react';
import type { KioskSetup } from '../domain/kiosk-setup';
import { readStoredSetupEtag, saveStoredSetup } from '../storage/kiosk-form';
import { browserTimer } from '../sync/browser-timer';
import { loadLater } from './load-later';
import type { SyncEngine, SyncStatus } from '../sync/sync-engine';

/**
 * The kiosk's one sync engine, loaded after the first screen (it needs Dexie) and started on a
 * schedule of its own: never by a visitor's Send.
 */
let engine: SyncEngine | undefined;
let starting: Promise<SyncEngine> | undefined;
const listeners = new Set<() => void>();
const setupListeners = new Set<(setup: KioskSetup) => void>();

/** Called with each new setup (form, notices, opening hours) once it is stored for offline use. */
export function onNewSetup(listener: (setup: KioskSetup) => void): () => void {
  setupListeners.add(listener);
  return () => setupListeners.delete(listener);
}

/** Runs a task unless another tab of this kiosk is already sending (Web Locks). */
async function exclusively(task: () => Promise<void>): Promise<boolean> {
  if (!navigator.locks) {
    await task();
    return true;
  }
  return navigator.locks.request('kiosk-sync', { ifAvailable: true }, async (lock) => {
    if (!lock) return false;
    await task();
    return true;
  });
}

export function startSync(): Promise<SyncEngine> {
  starting ??= (async () => {
    const { createSyncEngine, outbox, abandoned, made, kept, enrollment } = await loadLater();
    engine = createSyncEngine({
      store: {
        takeBatch: outbox.takeBatch,
        acknowledge: outbox.acknowledge,
        dropExpiredKept: kept.dropExpiredKept,
        resendIfDatabaseChanged: kept.resendIfDatabaseChanged,
        setAside: outbox.setAside,
        countWaiting: outbox.countWaiting,
        abandonedTotals: abandoned.abandonedTotals,
        madeTotals: made.madeTotals,
        readEnrollment: enrollment.readEnrollment,
        storedSetupEtag: async () => readStoredSetupEtag(),
        saveSetup: async (setup, etag) => saveStoredSetup(setup, etag),
      },
      onNewSetup: (setup) => setupListeners.forEach((listener) => listener(setup)),
      fetch: (input, init) => fetch(input, init),
      appVersion: __APP_VERSION__,
      random: Math.random,
      now: () => new Date(),
      setTimer: browserTimer,
      exclusively,
    });
    engine.subscribe(() => listeners.forEach((listener) => listener()));
    engine.start();
    window.addEventListener('online', () => {
      void engine?.syncNow();
      void sendLeftoverComments();
    });
    void sendLeftoverComments();
    return engine;
  })();
  return starting;
}

const commentSenders = new Map<string, { sendNow(): Promise<void> }>();

/**
 * Comments written in a preview opened from the staff menu that could not go before the
 * preview ended (offline): the kiosk sends them, each with the link it was written under.
 */
async function sendLeftoverComments(): Promise<void> {
  try {
    const { tokensWithComments, browserCommentSender } = await loadLater();
    for (const token of await tokensWithComments()) {
      let sender = commentSenders.get(token);
      if (!sender) commentSenders.set(token, (sender = browserCommentSender(token)));
      void sender.sendNow();
    }
  } catch (error) {
    console.error('Waiting comments could not be sent:', error instanceof Error ? error.name : error);
  }
}

export function useSyncStatus(): SyncStatus | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => engine?.status() ?? null,
    () => null,
  );
}

export function refreshSyncStatus(): Promise<void> {
  return startSync().then((e) => e.refresh());
}

export function syncNow(): Promise<void> {
  return startSync().then((e) => e.syncNow());
}
