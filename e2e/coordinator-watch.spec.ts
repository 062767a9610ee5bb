import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { CoordinatorPage } from './pages/coordinator-page';
import { KioskPage } from './pages/kiosk-page';
import { StaffMenuPage } from './pages/staff-menu-page';
import { startAppServer, type AppServer } from './support/app-server';
import { expectNoAxeViolations } from './support/axe';
import { addCoordinator, COORDINATOR, makePairingCode } from './support/server-data';

const run = promisify(execFile);

let backupDir: string;
let server: AppServer;
test.beforeEach(async () => {
  // An empty backup folder: no backup has been made yet.
  backupDir = mkdtempSync(join(tmpdir(), 'feedback-watch-backups-'));
  server = await startAppServer('dist', { env: { BACKUP_DIR: backupDir, BACKUP_PASSPHRASE: '' } });
  addCoordinator(server.dataDir, COORDINATOR.username, COORDINATOR.password);
});
test.afterEach(async () => {
  await server.stop();
  rmSync(backupDir, { recursive: true, force: true });
});

/** Today as the made-and-received table names it ("ti 24.11."). */
const today = () => new Intl.DateTimeFormat('fi', { weekday: 'short', day: 'numeric', month: 'numeric', timeZone: 'Europe/Helsinki' }).format(new Date());

test('a kiosk makes answers and sends them, and the coordinator sees as many received as were made, none missing', async ({ browser, page }) => {
  const kioskContext = await browser.newContext({ locale: 'fi-FI', timezoneId: 'Europe/Helsinki', viewport: { width: 1280, height: 800 } });
  const kioskPage = await kioskContext.newPage();
  await kioskPage.clock.install();
  const kiosk = new KioskPage(kioskPage);
  const staff = new StaffMenuPage(kioskPage);
  await kiosk.open(server.url);
  await staff.enrollAs('Aula', makePairingCode(server.dataDir, 'Aula'));
  for (const face of ['Hyvä', 'Huono', 'Tosi hyvä']) await kiosk.giveOnlyAFace(face);
  await staff.open();
  await staff.unlock('2468');
  await staff.sendAll();

  const coordinator = new CoordinatorPage(page);
  await coordinator.open(server.url, '/kiosks');
  await coordinator.signIn(COORDINATOR.username, COORDINATOR.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Laitteet' })).toBeVisible();
  await expect(coordinator.madeAndReceived('Aula', today())).toHaveText(['3', '3', '0']);
  await expect(page.getByText('Laitteella vielä odottavat vastaukset näkyvät puuttuvina, kunnes ne saapuvat.')).toBeVisible();
  // The kiosk is in touch: the only thing that needs attention is the backup.
  await expect(coordinator.warnings().getByRole('listitem')).toHaveText(['Varmuuskopiota ei löydy. Pyydä ylläpitoa tarkistamaan varmuuskopiointi.']);
  await expectNoAxeViolations(page, 'kiosks with made and received');
  await kioskContext.close();
});

test('the coordinator is warned that no backup exists, and the warning is gone once npm run backup has made one', async ({ page }) => {
  const coordinator = new CoordinatorPage(page);
  await coordinator.open(server.url);
  await coordinator.signIn(COORDINATOR.username, COORDINATOR.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Yleiskuva' })).toBeVisible();
  await expect(coordinator.warnings()).toContainText('Varmuuskopiota ei löydy. Pyydä ylläpitoa tarkistamaan varmuuskopiointi.');
  await expectNoAxeViolations(page, 'overview with a warning');
  // On every section.
  await coordinator.goTo('Päiväkirja');
  await expect(coordinator.warnings()).toContainText('Varmuuskopiota ei löydy.');

  await run(process.execPath, ['--import', 'tsx', resolve('server/cli/backup.ts')], {
    env: { ...process.env, DATA_DIR: server.dataDir, BACKUP_DIR: backupDir, BACKUP_PASSPHRASE: '' },
  });
  expect(readdirSync(backupDir)).toHaveLength(1);

  // Asked again as the coordinator moves to another section.
  await coordinator.goTo('Yleiskuva');
  await expect(coordinator.warnings()).toHaveCount(0);
});
