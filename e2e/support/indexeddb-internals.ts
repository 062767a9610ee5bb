import { expect, type BrowserContext } from '@playwright/test';

/**
 * Closes the kiosk's IndexedDB connections under it, the way a browser does under memory
 * pressure (Safari) or on a storage fault: Chromium's own chrome://indexeddb-internals page
 * has a "Force close" control that fires `close` on every open connection of an origin.
 * (Chromium's headless shell lacks such pages; run the tests with full Chromium.)
 */
export async function forceCloseIndexedDb(context: BrowserContext, origin: string): Promise<void> {
  const internals = await context.newPage();
  try {
    await internals.goto('chrome://indexeddb-internals').catch((error: unknown) => {
      throw new Error(`This test needs a Chromium with chrome://indexeddb-internals (full Chromium, not the headless shell): ${String(error)}`);
    });
    const entry = internals.locator('.indexeddb-origin', { hasText: new URL(origin).host });
    // The first count is the origin's open connections; per-database details follow it.
    const openConnections = entry.locator('.connection-count').first();
    await expect(openConnections).not.toHaveText('0');
    await entry.getByText('Force close').first().click();
    await expect(openConnections).toHaveText('0');
  } finally {
    await internals.close();
  }
}
