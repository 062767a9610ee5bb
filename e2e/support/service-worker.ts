import type { Page } from '@playwright/test';

/**
 * Waits until the service worker is active and controls this page: a worker does not control
 * the page that registered it until it claims it, and going offline before that tests nothing.
 */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });
}
