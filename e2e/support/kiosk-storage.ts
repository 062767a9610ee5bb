import type { Page } from '@playwright/test';

export interface StoredResponse {
  id: string;
  formId: string;
  formVersion: number;
  language: string;
  date: string;
  partOfDay: string;
  answers: Record<string, string | string[]>;
}

const DB = 'day-centre-feedback';

/** Reads a store of the kiosk's IndexedDB directly (not through the app's code). */
async function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    async ({ db, store }) => {
      const names = (await indexedDB.databases()).map((d) => d.name);
      if (!names.includes(db)) return [];
      return new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open(db);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          if (!database.objectStoreNames.contains(store)) {
            database.close();
            return resolve([]);
          }
          const request = database.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => {
            database.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      });
    },
    { db: DB, store },
  );
}

export const readOutbox = (page: Page) => readStore<StoredResponse>(page, 'outbox');

/** The copies of acknowledged responses the kiosk keeps for a while, to send again after a restore. */
export const readKept = (page: Page) => readStore<{ id: string; response: StoredResponse; keepUntil: number }>(page, 'kept');

/** Reviewers' comments the device still keeps (not yet delivered, or refused). */
export const readQueuedComments = (page: Page) => readStore<{ id: string; comment: { text: string } }>(page, 'comments');

/** The drafts a preview keeps on the device for the life of its link. */
export const readKeptDrafts = (page: Page) => readStore<{ token: string; definition: unknown }>(page, 'drafts');

export async function abandonedCount(page: Page, date: string): Promise<number> {
  const days = await readStore<{ date: string; count: number }>(page, 'abandoned');
  return days.find((d) => d.date === date)?.count ?? 0;
}

/** Today's date in Helsinki, as the kiosk writes it. */
export function helsinkiToday(at = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(at);
}

/**
 * Everything a later person, or anyone holding the tablet, could dig out of the browser:
 * every IndexedDB record, web storage, history length and the cached URLs, as one string.
 */
export async function everythingStored(page: Page): Promise<{ dump: string; historyLength: number }> {
  return page.evaluate(async () => {
    const parts: unknown[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(database.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = database.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        parts.push({ db: info.name, store, rows });
      }
      database.close();
    }
    parts.push({ localStorage: { ...localStorage }, sessionStorage: { ...sessionStorage } });
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      parts.push({ cache: name, urls: (await cache.keys()).map((r) => r.url) });
    }
    parts.push({ url: location.href, state: history.state as unknown });
    return { dump: JSON.stringify(parts), historyLength: history.length };
  });
}

/**
 * Puts a record straight into the kiosk's outbox, bypassing the app: how a response written by
 * an older app version, or damaged on the device, would sit there.
 */
export const putInOutbox = (page: Page, record: unknown) => putInStore(page, 'outbox', record);

/** Puts a record straight among the set-aside responses: as one an earlier server refused. */
export const putInSetAside = (page: Page, record: unknown) => putInStore(page, 'setAside', record);

async function putInStore(page: Page, store: string, record: unknown): Promise<void> {
  await page.evaluate(
    ({ db, store, record }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(db);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          const transaction = database.transaction(store, 'readwrite');
          transaction.objectStore(store).put(record);
          transaction.oncomplete = () => {
            database.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    { db: DB, store, record },
  );
}
