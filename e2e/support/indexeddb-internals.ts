import { expect, type BrowserContext } from '@playwright/test';

/**
 * Closes the kiosk's IndexedDB connections under it, the way a browser does under memory
 * pressure (Safari) or on a storage fault: Chromium's own chrome://indexeddb-internals page
 * has a "Force close" control that fires `close` on every open connection of an origin.
 * Returns false where the browser build has no such page.
 */
export async function forceCloseIndexedDb(context: BrowserContext, origin: string): Promise<boolean> {
  const internals = await context.newPage();
  try {
    const opened = await internals.goto('chrome://indexeddb-internals').then(
      () => true,
      () => false,
    );
    if (!opened) return false;
    const entry = internals.locator('.indexeddb-origin', { hasText: new URL(origin).host });
    // The first count is the origin's open connections; per-database details follow it.
    const openConnections = entry.locator('.connection-count').first();
    await expect(openConnections).not.toHaveText('0');
    await entry.getByText('Force close').first().click();
    await expect(openConnections).toHaveText('0');
    return true;
  } finally {
    await internals.close();
  }
}
