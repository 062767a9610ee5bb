import { expect, test } from '@playwright/test';
import { CoordinatorPage } from './pages/coordinator-page';
import { KioskPage } from './pages/kiosk-page';
import { StaffMenuPage } from './pages/staff-menu-page';
import { startAppServer, type AppServer } from './support/app-server';
import { expectNoAxeViolations } from './support/axe';
import { addCoordinator, makePairingCode } from './support/server-data';

const PASSWORD = 'kahvia ja pullaa aamulla';
let server: AppServer;
test.beforeEach(async () => {
  server = await startAppServer();
  addCoordinator(server.dataDir, 'aino', PASSWORD);
});
test.afterEach(() => server.stop());

test('what visitors give at a kiosk appears in the coordinator\u2019s dashboard, against the day log', async ({ browser }) => {
  const kioskPage = await browser.newPage();
  await kioskPage.clock.install();
  const kiosk = new KioskPage(kioskPage);
  const staff = new StaffMenuPage(kioskPage);
  await kiosk.open(server.url);
  await staff.open();
  await staff.enroll(makePairingCode(server.dataDir, 'Aula'), '2468');
  await expect(kioskPage.getByText('Aula', { exact: true })).toBeVisible();
  await staff.close();
  for (const face of ['Hyvä', 'Hyvä', 'Tosi huono']) await kiosk.giveOnlyAFace(face);
  await staff.open();
  await staff.unlock('2468');
  await staff.sendNow();
  await expect(staff.waiting()).toHaveText('0');

  const page = await browser.newPage();
  const cspErrors: string[] = [];
  // The charts must live within the strict CSP (no inline styles or scripts).
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) cspErrors.push(message.text());
  });
  const coordinator = new CoordinatorPage(page);
  await coordinator.open(server.url);
  await coordinator.signIn('aino', PASSWORD);
  await coordinator.goTo('Päiväkirja');
  const today = (await page.getByRole('rowheader').filter({ hasText: new RegExp(`^\\w+ ${Number(new Intl.DateTimeFormat('en', { day: 'numeric', timeZone: 'Europe/Helsinki' }).format(new Date()))}\\.`) }).textContent())!;
  await coordinator.logDay(today, { meals: '30', present: ['Terveysasema'], note: '' });

  await coordinator.goTo('Yleiskuva');
  await expect(coordinator.figure('Vastauksia')).toHaveText('3');
  await expect(coordinator.figure('Aterioita')).toHaveText('30');
  await expect(coordinator.figure('Vastauksia aterioista')).toHaveText(/10\s?%/);
  await expect(coordinator.answerRow('Millainen päivä päiväkeskuksessa oli tänään?', 'Hyvä')).toContainText(/2 \(67\s?%\)/);
  await expect(coordinator.answerRow('Millainen päivä päiväkeskuksessa oli tänään?', 'Tosi huono')).toContainText(/1 \(33\s?%\)/);
  await expect(page.getByText('Paikalla: 1 päivää, 3 vastausta.')).toBeVisible();
  await expect(page.locator('canvas').first()).toBeVisible();
  await expectNoAxeViolations(page, 'dashboard');
  expect(cspErrors).toEqual([]);
});
