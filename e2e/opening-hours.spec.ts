import { expect, test } from '@playwright/test';
import { CoordinatorPage } from './pages/coordinator-page';
import { KioskPage } from './pages/kiosk-page';
import { StaffMenuPage } from './pages/staff-menu-page';
import { expectKioskSizes, expectNoAxeViolations } from './support/axe';
import { COORDINATOR, makePairingCode, setUnitHours, startServerWithCoordinator, storedResponseRows } from './support/server-data';

/** The instant a Helsinki wall clock shows `time` on `date` (winter or summer time alike). */
function helsinkiInstant(date: string, time: string): Date {
  const wall = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  for (const offsetHours of [2, 3]) {
    const at = new Date(`${date}T${time}:00Z`);
    at.setUTCHours(at.getUTCHours() - offsetHours);
    if (wall.format(at).replace(',', '') === `${date} ${time}`) return at;
  }
  throw new Error(`No instant shows ${date} ${time} in Helsinki`);
}

/** The calendar day after `date`. */
function nextDate(date: string): string {
  const at = new Date(`${date}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() + 1);
  return at.toISOString().slice(0, 10);
}

/** The first Monday to Friday after `date`. */
function firstWeekdayAfter(date: string): string {
  let day = nextDate(date);
  while ([0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) day = nextDate(day);
  return day;
}

const helsinkiDate = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

test('outside the opening hours the kiosk shows a calm closed screen with the next opening, after the visit in progress has ended; staff and the sync still work', async ({ page, browser }) => {
  const server = await startServerWithCoordinator();
  const coordinatorContext = await browser.newContext({ locale: 'fi-FI' });
  try {
    // The unit is open 09–15 every day of the week.
    const coordinator = new CoordinatorPage(await coordinatorContext.newPage());
    await coordinator.open(server.url);
    await coordinator.signIn(COORDINATOR.username, COORDINATOR.password);
    await coordinator.goTo('Aukioloajat');
    const unitHours = coordinator.page.getByRole('region', { name: 'Toimipisteen aukioloajat' });
    await unitHours.getByRole('checkbox', { name: 'Aukioloajat käytössä' }).check();
    for (const day of ['lauantai', 'sunnuntai']) await unitHours.getByRole('row', { name: new RegExp(`^${day}`) }).getByRole('button', { name: 'Avoinna' }).click();
    await unitHours.getByRole('button', { name: 'Tallenna aukioloajat' }).click();
    await expect(coordinator.page.getByRole('status')).toHaveText('Aukioloajat tallennettu: kioskit saavat ne seuraavassa synkronoinnissa.');
    await expectNoAxeViolations(coordinator.page, 'the opening hours');

    // A minute before closing, today: the kiosk's own clock decides.
    const today = helsinkiDate(new Date());
    await page.clock.install({ time: helsinkiInstant(today, '14:59') });
    const kiosk = new KioskPage(page);
    const staff = new StaffMenuPage(page);
    await kiosk.open(server.url);
    await staff.enrollAs('Aula', makePairingCode(server.dataDir, 'Aula'));
    await expect(kiosk.startButton()).toBeVisible();

    // A visit begun before closing is not cut short.
    await kiosk.answerOnlyTheFace('Hyvä');
    await page.clock.runFor(50_000);
    await kiosk.expectReview();
    await kiosk.send();
    // The thank-you returns, and the kiosk is closed now.
    await page.clock.runFor(11_000);
    const closed = page.getByRole('heading', { level: 1, name: 'Päiväkeskus on kiinni.' });
    await expect(closed).toBeVisible();
    await expect(page.getByText('Palautetta voi antaa aukioloaikana.')).toBeVisible();
    await expect(page.getByText(/^Seuraavan kerran auki: \S+ \d+\.\d+\. klo 9\.00\.$/)).toBeVisible();
    // In each of the kiosk's languages at once: nobody is there to choose.
    await expect(page.getByText('Dagcentret är stängt.')).toBeVisible();
    await expect(page.getByText('The day centre is closed.')).toBeVisible();
    await expect(page.locator('[lang="sv"]').getByText(/^Öppet nästa gång: .+ kl\. 9\.00\.$/)).toBeVisible();
    await expect(kiosk.startButton()).toHaveCount(0);
    await expectNoAxeViolations(page, 'closed screen');
    await expectKioskSizes(page, 'closed screen');
    // Dark: the screen does not glow through the night.
    expect(await page.locator('.closed').evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(0, 0, 0)');

    // A tap anywhere starts nothing.
    await page.mouse.click(400, 300);
    await expect(closed).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: kiosk.ui.question.progress })).toHaveCount(0);

    // The kiosk gets hours of its own: a holiday tomorrow, and its weekends closed.
    const tomorrow = nextDate(today);
    await coordinator.page.reload();
    const kioskHours = coordinator.page.getByRole('region', { name: 'Laite Aula' });
    await kioskHours.getByRole('checkbox', { name: 'Aukioloajat käytössä' }).check();
    await kioskHours.getByRole('button', { name: 'Lisää poikkeuspäivä' }).click();
    await kioskHours.getByLabel('Päivä', { exact: true }).fill(tomorrow);
    await kioskHours.getByLabel('Selite').fill('Pyhäpäivä');
    await kioskHours.getByRole('button', { name: 'Tallenna aukioloajat' }).click();
    await expect(coordinator.page.getByRole('status')).toHaveText('Aukioloajat tallennettu: kioskit saavat ne seuraavassa synkronoinnissa.');

    // The sync goes on by itself while closed: the response goes, and the new hours come.
    await page.clock.runFor(21 * 60_000);
    await expect.poll(() => storedResponseRows(server.dataDir).length).toBe(1);
    const opens = firstWeekdayAfter(tomorrow);
    const [, month, day] = opens.split('-').map(Number);
    await expect(page.getByText(`Seuraavan kerran auki:`)).toContainText(`${day}.${month}. klo 9.00.`);
    // Nothing of the hours goes with a response: the same columns as ever, the date and part of day from the Helsinki clock.
    const [row] = storedResponseRows(server.dataDir);
    expect(Object.keys(row!).sort()).toEqual(['answers', 'date', 'form_id', 'form_version', 'id', 'language', 'part_of_day', 'unit_id']);
    expect(row).toMatchObject({ date: today, part_of_day: 'afternoon' });

    // The staff menu still opens on the closed screen.
    await staff.open();
    await staff.unlock('2468');
    await expect(staff.waiting()).toHaveText('0');
    await staff.close();
    await expect(closed).toBeVisible();

    // The morning it opens next, it opens by itself.
    await page.clock.fastForward(helsinkiInstant(opens, '09:00').getTime() + 30_000 - (await page.evaluate(() => Date.now())));
    await expect(kiosk.startButton()).toBeVisible();
    await expect(closed).toHaveCount(0);
  } finally {
    await coordinatorContext.close();
    await server.stop();
  }
});

test('a visit left unfinished at closing time ends with the idle reset, and then the kiosk is closed', async ({ page }) => {
  const server = await startServerWithCoordinator();
  try {
    const open = [{ opens: '09:00', closes: '15:00' }];
    setUnitHours(server.dataDir, { week: { mon: open, tue: open, wed: open, thu: open, fri: open, sat: open, sun: open }, exceptions: [] });
    await page.clock.install({ time: helsinkiInstant(helsinkiDate(new Date()), '14:59') });
    const kiosk = new KioskPage(page);
    await kiosk.open(server.url);
    await new StaffMenuPage(page).enrollAs('Aula', makePairingCode(server.dataDir, 'Aula'));

    await kiosk.giveFeedback();
    await kiosk.choose('Hyvä');
    await page.clock.runFor(61_000);
    // Past closing time, the visitor is still asked, not shut out.
    await expect(kiosk.idleWarning()).toBeVisible();
    await page.clock.runFor(31_000);
    await expect(page.getByRole('heading', { level: 1, name: 'Päiväkeskus on kiinni.' })).toBeVisible();
  } finally {
    await server.stop();
  }
});
