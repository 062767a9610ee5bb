import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { KioskPage } from './pages/kiosk-page';
import { startAppServer } from './support/app-server';
import { waitForServiceWorkerControl } from './support/service-worker';
import { UPDATE_WHEN_QUIET_MS } from '../src/kiosk/timing';

test('a new app version waits while someone is answering and is applied on the start screen', async ({ page }) => {
  const dist = mkdtempSync(join(tmpdir(), 'kiosk-dist-'));
  cpSync('dist', dist, { recursive: true });
  const server = await startAppServer(dist);
  try {
    await page.clock.install();
    const kiosk = new KioskPage(page);
    await kiosk.open(server.url);
    await waitForServiceWorkerControl(page);
    await page.evaluate(() => ((window as unknown as { thisPage: boolean }).thisPage = true));

    await kiosk.giveFeedback();
    await kiosk.choose('Hyvä');

    // A new version is published while the visitor is answering.
    appendFileSync(join(dist, 'sw.js'), '\n// next version\n');
    // As every build does: its compressed copies too, which are what a browser is sent.
    execFileSync(process.execPath, ['scripts/precompress.mjs', dist]);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await page.waitForFunction(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));

    // Nothing happens to the visitor's answers, however long they take.
    await page.clock.runFor(UPDATE_WHEN_QUIET_MS * 3);
    expect(await page.evaluate(() => (window as unknown as { thisPage?: boolean }).thisPage)).toBe(true);
    await expect(kiosk.answerOption('Hyvä')).toBeChecked();

    // Back on the start screen, once nobody touches it, the new version takes over.
    await kiosk.back();
    await expect(kiosk.startButton()).toBeVisible();
    const reloaded = page.waitForEvent('load');
    await page.clock.runFor(UPDATE_WHEN_QUIET_MS + 1_000);
    await reloaded;
    await expect(kiosk.startButton()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { thisPage?: boolean }).thisPage)).toBeUndefined();
    expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting))).toBe(false);
  } finally {
    await server.stop();
    rmSync(dist, { recursive: true, force: true });
  }
});
