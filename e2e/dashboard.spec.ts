import { expect, test, type Browser } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { CoordinatorPage } from './pages/coordinator-page';
import { KioskPage } from './pages/kiosk-page';
import { StaffMenuPage } from './pages/staff-menu-page';
import type { AppServer } from './support/app-server';
import { expectNoAxeViolations } from './support/axe';
import { COORDINATOR, startServerWithCoordinator, makePairingCode } from './support/server-data';

const PASSWORD = COORDINATOR.password;
let server: AppServer;
test.beforeEach(async () => {
  server = await startServerWithCoordinator();
});
test.afterEach(() => server.stop());

/** A kiosk enrolled through its staff menu, some visits (on the kiosk's clock, `at`), then Send now. */
async function visitsSentFromAKiosk(browser: Browser, visits: (kiosk: KioskPage) => Promise<void>, at?: Date) {
  const kioskPage = await browser.newPage();
  await kioskPage.clock.install(at ? { time: at } : {});
  const kiosk = new KioskPage(kioskPage);
  const staff = new StaffMenuPage(kioskPage);
  await kiosk.open(server.url);
  await staff.enrollAs('Aula', makePairingCode(server.dataDir, 'Aula'));
  await visits(kiosk);
  await staff.open();
  await staff.unlock('2468');
  await staff.sendAll();
}

test('a free text that names someone is redacted by a coordinator, and is gone from the dashboard and the download', async ({ browser }) => {
  // Free texts come only from ISO weeks that have ended: these visits were given 8 days ago.
  const visited = new Date(Date.now() - 8 * 86_400_000);
  await visitsSentFromAKiosk(
    browser,
    async (kiosk) => {
      await kiosk.giveAFaceAndAText('Hyvä', 'Kiitos Matti Meikäläiselle avusta');
      await kiosk.giveAFaceAndAText('Hyvä', 'Hyvä ruoka tänään');
      for (const face of ['Hyvä', 'Ihan ok', 'Huono']) await kiosk.giveOnlyAFace(face);
    },
    visited,
  );
  const page = await browser.newPage();
  const coordinator = new CoordinatorPage(page);
  await coordinator.open(server.url);
  await coordinator.signIn('aino', PASSWORD);
  await expect(coordinator.freeText('Kiitos Matti Meikäläiselle avusta')).toBeVisible();
  // How many wrote something: counted from the listed texts of whole weeks, never per day.
  await expect(page.getByText('Haluatko sanoa vielä jotain?: 2 kirjoitti jotain.')).toBeVisible();
  await expect(page.getByText(/^ISO-viikot \d{4}-W\d\d–\d{4}-W\d\d/)).toBeVisible();
  await expectNoAxeViolations(page, 'dashboard with free texts');
  await coordinator.redact('Kiitos Matti Meikäläiselle avusta');
  await expect(page.getByText('Haluatko sanoa vielä jotain?: 1 kirjoitti jotain.')).toBeVisible();
  await page.reload();
  await expect(coordinator.freeText('Hyvä ruoka tänään')).toBeVisible();
  await expect(page.getByText('Matti Meikäläiselle')).toHaveCount(0);

  await expect(page.getByText('Kuluvan viikon tekstit näkyvät vasta, kun viikko on päättynyt (sunnuntain jälkeen).')).toBeVisible();

  await coordinator.goTo('Lataukset');
  const visitedDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(visited);
  await coordinator.setRange(visitedDate, visitedDate);
  await coordinator.chooseForDownload('Jakso', 'Viikko (ISO)');
  const texts = parse((await coordinator.download('Vapaat vastaukset (CSV)')).content, { delimiter: ';', bom: true }) as string[][];
  expect(texts[0]).toEqual(['unit', 'question', 'text']);
  expect(texts.slice(1).map((row) => row[2])).toEqual(['Hyvä ruoka tänään']);
});

test('what visitors give at a kiosk appears in the coordinator\u2019s dashboard and in each CSV download, against the day log', async ({ browser }) => {
  await visitsSentFromAKiosk(browser, async (kiosk) => {
    for (const face of ['Hyvä', 'Hyvä', 'Tosi huono']) await kiosk.giveOnlyAFace(face);
  });

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

  await coordinator.goTo('Lataukset');
  await expectNoAxeViolations(page, 'downloads');
  const todayDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(new Date());
  await coordinator.setRange(todayDate, todayDate);
  await coordinator.chooseForDownload('Jakso', 'Päivä');
  await coordinator.chooseForDownload('Tekstien kieli', 'englanti');
  const csv = (content: Buffer) => {
    expect([...content.subarray(0, 3)], 'UTF-8 byte order mark').toEqual([0xef, 0xbb, 0xbf]);
    return parse(content, { delimiter: ';', bom: true }) as string[][];
  };

  const summary = await coordinator.download('Yhteenveto (CSV)');
  expect(summary.name).toBe(`summary-todays-feedback-${todayDate}-${todayDate}.csv`);
  const summaryRows = csv(summary.content);
  const faceRow = (answer: string) => summaryRows.find((r) => r[2] === 'day' && r[5] === answer)!;
  expect(faceRow('Good').slice(6)).toEqual(['2', '0,667', '3', '30', '']);
  expect(faceRow('Good')[0]).toBe('Päiväkeskus');
  expect(faceRow('Very bad').slice(6)).toEqual(['1', '0,333', '3', '30', '']);

  const responses = csv((await coordinator.download('Kaikki vastaukset (CSV)')).content);
  const faceColumn = responses[0]!.indexOf('How was the day centre today?');
  expect(responses.slice(1).map((r) => r[faceColumn]).sort()).toEqual(['Good', 'Good', 'Very bad']);
  expect(responses.slice(1).every((r) => r[0] === 'Päiväkeskus' && r[1] === todayDate)).toBe(true);

  const dayLog = csv((await coordinator.download('Päiväkirja (CSV)')).content);
  expect(dayLog[1]!.slice(0, 3)).toEqual(['Päiväkeskus', todayDate, '30']);
  expect(dayLog[0]![dayLog[1]!.indexOf('1', 3)]).toBe('Health station');

  const freeTexts = csv((await coordinator.download('Vapaat vastaukset (CSV)')).content);
  expect(freeTexts).toEqual([['unit', 'question', 'text']]);
});
