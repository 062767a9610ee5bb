import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type BrowserContext } from '@playwright/test';
import { KioskPage } from './pages/kiosk-page';
import { startAppServer } from './support/app-server';
import { chromiumLaunchOptions } from './support/chromium';
import { readOutbox } from './support/kiosk-storage';
import { waitForServiceWorkerControl } from './support/service-worker';

function launch(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    ...chromiumLaunchOptions(),
    viewport: { width: 1280, height: 800 },
    locale: 'fi-FI',
    timezoneId: 'Europe/Helsinki',
  });
}

test('a kiosk visited once works from a cold start with the server gone, and keeps what it was given', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'kiosk-profile-'));
  const server = await startAppServer();
  try {
    // First and only visit while the server is up.
    let context = await launch(profile);
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await waitForServiceWorkerControl(page);
    await context.close();

    // The server process is gone: nothing on the network answers any more.
    await server.stop();
    await expect(fetch(server.url)).rejects.toThrow();

    // Cold start: a new browser process on the same profile.
    context = await launch(profile);
    page = context.pages()[0] ?? (await context.newPage());
    await page.clock.install();
    const kiosk = new KioskPage(page);
    await kiosk.open(server.url);

    const faces = ['Tosi huono', 'Ihan ok', 'Tosi hyvä'];
    for (const face of faces) {
      await kiosk.answerOnlyTheFace(face);
      await kiosk.send();
      await page.clock.runFor(11_000);
      await expect(kiosk.startButton()).toBeVisible();
    }

    // Each other language's texts are a file of their own, fetched when picked: precached too.
    await kiosk.chooseLanguage('Svenska');
    await expect(kiosk.startButton()).toBeVisible();
    await kiosk.giveFeedback();
    await kiosk.expectQuestion('Hur var dagen på dagcentret i dag?');

    await page.reload();
    await expect(page.getByRole('button', { name: 'Anna palautetta' })).toBeVisible();
    const stored = await readOutbox(page);
    expect(stored.map((r) => r.answers.day).sort()).toEqual(['1', '3', '5']);
    await context.close();
  } finally {
    await server.stop();
    rmSync(profile, { recursive: true, force: true });
  }
});
