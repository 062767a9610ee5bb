/**
 * Drain benchmark: a real kiosk in headless Chromium, enrolled through its staff menu, with
 * 10,000 responses waiting in IndexedDB (as after days offline), sends them all to a real
 * server process. Prints the time from "Send now" to an empty outbox.
 * Run: npm run bench:server   (WAITING=10000 by default; needs a built app)
 */
import { chromium } from '@playwright/test';
import { startAppServer } from '../e2e/support/app-server';
import { chromiumLaunchOptions } from '../e2e/support/chromium';
import { makePairingCode, storedResponses } from '../e2e/support/server-data';

const WAITING = Number(process.env.WAITING ?? 10_000);
const PIN = '2468';

// Fills the outbox the way days of visits would, straight into IndexedDB. Plain script text:
// the TypeScript runner's helpers do not exist inside the page.
const fillOutbox = (count: number) => `
new Promise(function (resolve, reject) {
  var open = indexedDB.open('day-centre-feedback');
  open.onerror = function () { reject(open.error); };
  open.onsuccess = function () {
    var db = open.result;
    var tx = db.transaction('outbox', 'readwrite');
    var store = tx.objectStore('outbox');
    var faces = ['1', '2', '3', '4', '5'];
    for (var i = 0; i < ${count}; i++) {
      store.put({
        id: crypto.randomUUID(),
        formId: 'todays-feedback',
        formVersion: 1,
        language: ['fi', 'sv', 'en'][i % 3],
        date: '2026-11-' + String(1 + (i % 28)).padStart(2, '0'),
        partOfDay: i % 2 ? 'morning' : 'afternoon',
        answers: { day: faces[i % 5], needs: ['food'] }
      });
    }
    tx.oncomplete = function () { db.close(); resolve(); };
    tx.onerror = function () { reject(tx.error); };
  };
})`;

const server = await startAppServer();
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'fi-FI', timezoneId: 'Europe/Helsinki' });
  // Timers stand still, so the kiosk's own schedule cannot start the send before the benchmark does.
  await page.clock.install();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Henkilökunnan valikko' }).click();
  await page.getByLabel('Parituskoodi').fill(makePairingCode(server.dataDir, 'Bench'));
  await page.getByLabel('Uusi PIN (4–8 numeroa)').fill(PIN);
  await page.getByLabel('PIN uudelleen').fill(PIN);
  await page.getByRole('button', { name: 'Ota käyttöön' }).click();
  await page.getByText('Bench', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Sulje' }).click();

  await page.evaluate(fillOutbox(WAITING));
  await page.getByRole('button', { name: 'Henkilökunnan valikko' }).click();
  await page.getByLabel('PIN', { exact: true }).fill(PIN);
  await page.getByRole('button', { name: 'Avaa' }).click();
  const waiting = page.getByTestId('waiting');
  await page.waitForFunction((expected) => document.querySelector('[data-testid="waiting"]')?.textContent === expected, String(WAITING));

  const started = performance.now();
  await page.getByRole('button', { name: 'Lähetä nyt' }).click();
  while ((await waiting.textContent()) !== '0') await new Promise((resolve) => setTimeout(resolve, 20));
  const seconds = (performance.now() - started) / 1000;

  const stored = storedResponses(server.dataDir);
  if (stored.length !== WAITING || new Set(stored.map((r) => r.id)).size !== WAITING) {
    throw new Error(`Expected ${WAITING} responses stored once each, found ${stored.length}`);
  }
  console.log(
    `kiosk drain, real Chromium: ${WAITING.toLocaleString('en')} waiting responses sent in ${seconds.toFixed(2)} s ` +
      `(${Math.round(WAITING / seconds).toLocaleString('en')} responses/s, batches of 100; target at most 10 s)`,
  );
} finally {
  await browser.close();
  await server.stop();
}
