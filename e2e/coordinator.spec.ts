import { expect, test } from '@playwright/test';
import { CoordinatorPage } from './pages/coordinator-page';
import { KioskPage } from './pages/kiosk-page';
import { StaffMenuPage } from './pages/staff-menu-page';
import type { AppServer } from './support/app-server';
import { expectNoAxeViolations } from './support/axe';
import { COORDINATOR, startServerWithCoordinator, endAllSessions } from './support/server-data';

const PASSWORD = COORDINATOR.password;
let server: AppServer;
test.beforeEach(async () => {
  server = await startServerWithCoordinator();
});
test.afterEach(() => server.stop());

test('a coordinator signs in (a wrong password is refused), keeps the day log, and sees it in the audit log', async ({ page }) => {
  const coordinator = new CoordinatorPage(page);
  await coordinator.open(server.url, '/day-log');
  await expectNoAxeViolations(page, 'sign-in');
  await coordinator.signIn('aino', 'not my password');
  await expect(coordinator.alert()).toHaveText('The username or the password is wrong.');
  await coordinator.signIn('aino', PASSWORD);
  await expect(coordinator.signedInAs('aino')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Päiväkirja' })).toBeVisible();

  const month = new Intl.DateTimeFormat('fi', { month: 'long', year: 'numeric', timeZone: 'Europe/Helsinki' }).format(new Date());
  await expect(page.getByRole('heading', { level: 2, name: month })).toBeVisible();
  const firstDay = page.getByRole('rowheader').first();
  const day = (await firstDay.textContent())!;
  await coordinator.logDay(day, { meals: '48', present: ['Terveysasema', 'Turvakoti'], note: 'Soita 040 123 4567' });
  await expectNoAxeViolations(page, 'day log');

  await page.reload();
  await expect(coordinator.dayRow(day)).toContainText('48');
  await expect(coordinator.dayRow(day)).toContainText('Terveysasema, Turvakoti');
  await expect(coordinator.dayRow(day)).toContainText('Soita [PHONE REMOVED]');

  await coordinator.goTo('Tapahtumaloki');
  const log = page.getByRole('table');
  await expect(log.getByRole('row').nth(1)).toContainText('Tallensi päiväkirjan');
  await expect(log).toContainText('Kirjautui sisään');
  await expect(log).toContainText('Epäonnistunut kirjautuminen');
  await expect(log).toContainText('Lisäsi koordinaattorin');
  await expectNoAxeViolations(page, 'audit log');
});

test('a coordinator changes their password, signs out, and only the new one works', async ({ page }) => {
  const coordinator = new CoordinatorPage(page);
  await coordinator.open(server.url);
  await coordinator.signIn('aino', PASSWORD);
  await coordinator.goTo('Oma tili');
  await expectNoAxeViolations(page, 'account');
  await coordinator.changePassword(PASSWORD, 'Salasana2026!');
  await expect(coordinator.alert()).toContainText('common passwords');
  await coordinator.changePassword(PASSWORD, 'hiljaa hyvä tulee 7');
  await expect(page.getByRole('status')).toHaveText('Salasana vaihdettu. Muut istunnot kirjattiin ulos.');
  await coordinator.signOut();
  await coordinator.signIn('aino', PASSWORD);
  await expect(coordinator.alert()).toBeVisible();
  await coordinator.signIn('aino', 'hiljaa hyvä tulee 7');
  await expect(coordinator.signedInAs('aino')).toBeVisible();
});

test('the kiosk never loads or precaches the coordinator\u2019s code', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  const kiosk = new KioskPage(page);
  await kiosk.open(server.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await kiosk.answerOnlyTheFace('Hyvä');
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    return urls;
  });
  expect(cached.length).toBeGreaterThan(10);
  const loaded = [...new Set([...requested.map((path) => new URL(path, server.url).href), ...cached])].filter((url) => url.endsWith('.js'));
  expect(loaded.filter((url) => url.includes('coordinator'))).toEqual([]);
  // By content too: no script the kiosk has holds the area's texts or the chart library.
  for (const url of loaded) {
    const script = await (await fetch(url)).text();
    expect(/coordinator:language|Tapahtumaloki|dashboard-heading|chartjs/.test(script), `${url} holds coordinator code`).toBe(false);
  }
});

test("the coordinator's page, signed out, logs no error and links no manifest (installing it never installs the kiosk); the kiosk's page does link one", async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(`${server.url}/coordinator`);
  await expect(page.getByRole('heading', { level: 1, name: 'Kirjaudu sisään' })).toBeVisible();
  await expect(page.locator('link[rel="manifest"]')).toHaveCount(0);
  expect(errors).toEqual([]);
  await page.goto(server.url);
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
});

test('a coordinator pairs a kiosk from the area, sees its last sync, and revokes it; the kiosk\u2019s staff menu says so', async ({ browser }) => {
  const page = await browser.newPage();
  const coordinator = new CoordinatorPage(page);
  await coordinator.open(server.url, '/kiosks');
  await coordinator.signIn('aino', PASSWORD);
  await expect(page.getByText('Yhtään laitetta ei ole otettu käyttöön.')).toBeVisible();
  const code = await coordinator.makePairingCode('Aula');
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await expectNoAxeViolations(page, 'kiosks');

  const kioskPage = await browser.newPage();
  const kiosk = new KioskPage(kioskPage);
  const staff = new StaffMenuPage(kioskPage);
  await kiosk.open(server.url);
  await staff.open();
  await staff.enroll(code, '2468');
  await expect(kioskPage.getByText('Aula', { exact: true })).toBeVisible();
  await staff.sendAll();

  await page.reload();
  await expect(coordinator.kioskRow('Aula')).toContainText('Käytössä');
  await expect(coordinator.kioskRow('Aula')).toContainText('0.2.0');
  await coordinator.revokeKiosk('Aula');

  await staff.sendNow();
  await expect(kioskPage.getByText(/not enrolled, or its enrollment was revoked/)).toBeVisible();
});

test('a download after the session has ended brings back the sign-in instead of saving an error as the file', async ({ page }) => {
  const coordinator = new CoordinatorPage(page);
  await coordinator.open(server.url, '/downloads');
  await coordinator.signIn('aino', PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Lataukset' })).toBeVisible();
  // The links appear once the form list has loaded; end the session only after that.
  const summary = page.getByRole('link', { name: 'Yhteenveto (CSV)' });
  await expect(summary).toBeVisible();
  endAllSessions(server.dataDir);
  let downloaded = false;
  page.on('download', () => (downloaded = true));
  await summary.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kirjaudu sisään' })).toBeVisible();
  await expect(page.getByText('Istunto päättyi. Kirjaudu uudelleen.')).toBeVisible();
  expect(downloaded).toBe(false);
});
