import { expect, test, type Browser } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { CoordinatorPage } from './pages/coordinator-page';
import { DraftEditorPage } from './pages/draft-editor-page';
import { KioskPage } from './pages/kiosk-page';
import { StaffMenuPage } from './pages/staff-menu-page';
import type { AppServer } from './support/app-server';
import { expectNoAxeViolations } from './support/axe';
import { COORDINATOR, startServerWithCoordinator } from './support/server-data';

/**
 * Two units of one welfare area, each with a kiosk: answers land in their own unit, a unit
 * coordinator sees and downloads only theirs, a viewer cannot reach free texts, an area
 * administrator compares the units side by side, and a form published to one unit reaches only
 * that unit's kiosk.
 */
const PASSWORD = COORDINATOR.password;
const HERE = 'Päiväkeskus';
const THERE = 'Kemin päiväkeskus';
const OWN_WORDING = 'Miten Kemissä menee tänään?';
let server: AppServer;
test.beforeEach(async () => {
  server = await startServerWithCoordinator();
});
test.afterEach(() => server.stop());

const csv = (content: Buffer) => parse(content, { delimiter: ';', bom: true }) as string[][];

async function kioskWith(browser: Browser, code: string) {
  const page = await browser.newPage();
  // The kiosk's clock runs from now; the visits move it on to the start screen.
  await page.clock.install();
  const kiosk = new KioskPage(page);
  const staff = new StaffMenuPage(page);
  await kiosk.open(server.url);
  await staff.enrollAs('Aula', code);
  const send = async () => {
    await staff.open();
    await staff.unlock('2468');
    await staff.sendAll();
    await staff.close();
  };
  return { page, kiosk, send };
}

test('two units, each with a kiosk: each sees its own, a viewer only counts, and the area administrator compares them', async ({ browser }) => {
  // The area administrator adds the second unit, a unit coordinator and a viewer of the first.
  const desk = await browser.newPage();
  const admin = new CoordinatorPage(desk);
  await admin.open(server.url, '/units');
  await admin.signIn('aino', PASSWORD);
  await expect(desk.getByRole('heading', { level: 1, name: 'Toimipisteet ja käyttäjät' })).toBeVisible();
  await admin.addUnit(THERE);
  await admin.addUser('kaisa', PASSWORD, 'Toimipisteen koordinaattori', [HERE]);
  await admin.addUser('veikko', PASSWORD, 'Katselija', [HERE]);
  await expectNoAxeViolations(desk, 'units and users');
  await desk.reload();

  // A kiosk for each unit, paired from the area.
  await admin.goTo('Laitteet');
  const here = await kioskWith(browser, await admin.makePairingCode('Aula', HERE));
  const there = await kioskWith(browser, await admin.makePairingCode('Aula', THERE));

  // 1. Answers at each kiosk land in their own unit.
  await here.kiosk.giveAFaceAndAText('Hyvä', 'Täällä on hyvä olla');
  await here.kiosk.giveOnlyAFace('Hyvä');
  await here.send();
  await there.kiosk.giveAFaceAndAText('Huono', 'Kemissä oli kylmä');
  await there.send();

  // 2. A unit coordinator sees and downloads only their unit's.
  const kaisaPage = await browser.newPage();
  const kaisa = new CoordinatorPage(kaisaPage);
  await kaisa.open(server.url);
  await kaisa.signIn('kaisa', PASSWORD);
  await expect(kaisa.signedInAs('kaisa')).toBeVisible();
  await expect(kaisa.figure('Vastauksia')).toHaveText('2');
  await expect(kaisaPage.getByRole('group', { name: 'Toimipisteet' })).toHaveCount(0);
  await expect(kaisa.sections().filter({ hasText: 'Toimipisteet' })).toHaveCount(0);
  await kaisa.goTo('Lataukset');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(new Date());
  await kaisa.setRange(today, today);
  const rows = csv((await kaisa.download('Kaikki vastaukset (CSV)')).content);
  expect(rows.slice(1).map((row) => row[0])).toEqual([HERE, HERE]);
  expect(rows.flat().join(' ')).not.toContain(THERE);

  // 3. A viewer sees the dashboard and the summary, never the free texts.
  const veikkoPage = await browser.newPage();
  const veikko = new CoordinatorPage(veikkoPage);
  await veikko.open(server.url);
  await veikko.signIn('veikko', PASSWORD);
  await expect(veikko.figure('Vastauksia')).toHaveText('2');
  await expect(veikko.sections()).toHaveText(['Yleiskuva', 'Raportti', 'Lataukset', 'Oma tili']);
  await expect(veikkoPage.getByText('Täällä on hyvä olla')).toHaveCount(0);
  await expect(veikko.alert()).toHaveCount(0);
  await veikko.goTo('Lataukset');
  await expect(veikkoPage.getByRole('link', { name: 'Vapaat vastaukset (CSV)' })).toHaveCount(0);
  const refused = await veikkoPage.request.get(`${server.url}/api/coordinator/free-texts?form=todays-feedback&from=${today}&to=${today}`);
  expect(refused.status()).toBe(403);
  expect(await refused.text()).not.toContain('hyvä olla');

  // 4. The area administrator compares the two units side by side.
  await admin.goTo('Yleiskuva');
  await expect(admin.figure('Vastauksia')).toHaveText('3');
  await admin.chooseUnits([HERE, THERE], { sideBySide: true });
  await desk.getByRole('button', { name: 'Näytä' }).click();
  const byUnit = desk.getByRole('table', { name: 'Toimipisteittäin' });
  const responsesOf = (unit: string) => byUnit.getByRole('row').filter({ has: desk.getByRole('rowheader', { name: unit, exact: true }) }).getByRole('cell').first();
  await expect(responsesOf(HERE)).toHaveText('2');
  await expect(responsesOf(THERE)).toHaveText('1');
  // A column per unit in each question's table (in the order of their ids): the bad day is the second unit's.
  await expect(admin.answerRow('Millainen päivä päiväkeskuksessa oli tänään?', 'Huono').getByRole('cell')).toHaveText([/^1 /, /^0 /]);
  await expectNoAxeViolations(desk, 'dashboard side by side');
  await admin.goTo('Lataukset');
  await admin.setRange(today, today);
  await admin.chooseUnits([HERE, THERE], { sideBySide: true });
  const summary = csv((await admin.download('Yhteenveto (CSV)')).content);
  const faces = summary.filter((row) => row[2] === 'day' && row[6] !== '0');
  expect(faces.map((row) => [row[0], row[5], row[6]]).sort()).toEqual([
    [THERE, 'Huono', '1'],
    [HERE, 'Hyvä', '2'],
  ]);

  // 5. A form of the second unit's own reaches only its kiosk.
  await admin.goTo('Lomakkeet');
  await desk.getByText('Uusi lomake toimipisteelle').click();
  await desk.getByLabel('Uuden lomakkeen tunnus').fill('kemin-palaute');
  await desk.getByRole('button', { name: 'Tee kopio' }).click();
  const editor = new DraftEditorPage(desk);
  await editor.questionTitle(1, 'suomi').fill(OWN_WORDING);
  await editor.save();
  await editor.publish(1, [THERE]);
  // The kiosk asks for its form after a send and keeps it: until it has, a reload shows the old one.
  // Each try starts from the start screen, where the staff menu is (a failed try leaves a question open).
  await expect(async () => {
    await there.page.reload();
    await there.send();
    await there.page.reload();
    await there.kiosk.giveFeedback();
    await expect(there.page.getByRole('heading', { level: 1, name: OWN_WORDING })).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 60_000 });
  await there.kiosk.expectQuestion(OWN_WORDING);
  await here.send();
  await here.page.reload();
  await here.kiosk.giveFeedback();
  await here.kiosk.expectQuestion('Millainen päivä päiväkeskuksessa oli tänään?');
});
