import { expect, test } from '@playwright/test';
import { KioskPage } from './pages/kiosk-page';
import { waitForServiceWorkerControl } from './support/service-worker';

test('every request the kiosk makes, from pages and service worker, stays on its own origin', async ({ page, context, baseURL }) => {
  const requested: string[] = [];
  context.on('request', (request) => requested.push(request.url()));
  await page.clock.install();
  const kiosk = new KioskPage(page);
  await kiosk.open();
  await waitForServiceWorkerControl(page);
  await page.getByRole('button', { name: 'Tietosuoja' }).click();
  await page.getByRole('button', { name: 'Takaisin alkuun' }).click();
  await kiosk.giveFeedback();
  await kiosk.choose('Hyvä');
  await kiosk.next();
  await kiosk.choose('Terveysaseman hoitaja');
  await kiosk.next();
  for (let i = 0; i < 5; i++) await kiosk.next();
  await kiosk.send();
  await page.clock.runFor(8_000);
  await expect(kiosk.startButton()).toBeVisible();
  await page.reload();
  await expect(kiosk.startButton()).toBeVisible();

  const origin = new URL(baseURL!).origin;
  expect(requested.length).toBeGreaterThan(10);
  expect(requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
});

test('the app can be installed as a full-screen app with its own icons', async ({ page, request }) => {
  const kiosk = new KioskPage(page);
  await kiosk.open();
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifest = await (await request.get(href!)).json();
  expect(manifest).toMatchObject({
    name: 'Päiväkeskuksen palaute',
    short_name: 'Palaute',
    display: 'fullscreen',
    start_url: '/',
    theme_color: '#0a4a86',
    background_color: '#fbfaf6',
  });
  const icons = manifest.icons as { src: string; sizes: string; type: string; purpose: string }[];
  for (const wanted of [
    { sizes: '192x192', purpose: 'any' },
    { sizes: '512x512', purpose: 'any' },
    { sizes: '512x512', purpose: 'maskable' },
  ]) {
    const icon = icons.find((i) => i.sizes === wanted.sizes && i.purpose === wanted.purpose && i.type === 'image/png');
    expect(icon, `${wanted.sizes} ${wanted.purpose}`).toBeTruthy();
    const response = await request.get(icon!.src);
    expect(response.headers()['content-type']).toBe('image/png');
    const png = await response.body();
    // PNG header: width and height are big-endian at bytes 16 and 20.
    const [width, height] = wanted.sizes.split('x').map(Number);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([width, height]);
  }
});
