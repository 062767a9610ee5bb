import { expect, test, type Page } from '@playwright/test';
import { CoordinatorPage } from './pages/coordinator-page';
import { KioskPage } from './pages/kiosk-page';
import { PreviewPage } from './pages/preview-page';
import { StaffMenuPage } from './pages/staff-menu-page';
import { expectKioskSizes, expectNoAxeViolations } from './support/axe';
import { fakeSpeech, spokenOn } from './support/fake-speech';
import { COORDINATOR, makePairingCode, startServerWithCoordinator, storedComments, storedResponseRows } from './support/server-data';

const NURSE = {
  fi: 'Palautteenne perusteella terveysaseman hoitaja on nyt paikalla joka tiistai.',
  sv: 'Tack vare er respons är hälsostationens sjukskötare här varje tisdag.',
  en: 'Because of your feedback, a nurse from the health station is now here every Tuesday.',
};
const BREAKFAST = {
  fi: 'Aamupala on nyt tarjolla jo kello kahdeksalta.',
  sv: 'Frukosten serveras nu redan från klockan åtta.',
  en: 'Breakfast is now served from eight o’clock.',
};

/** Today in Helsinki, as the server and the kiosk count days. */
function helsinkiDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** From `at` to a minute past the next Helsinki midnight. */
function untilTomorrow(at: Date): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Helsinki', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((part) => [part.type, Number(part.value)]),
  );
  return (86_400 - (parts.hour! * 3600 + parts.minute! * 60 + parts.second!)) * 1000 + 60_000;
}

async function signedIn(page: Page, url: string) {
  const coordinator = new CoordinatorPage(page);
  await coordinator.open(url);
  await coordinator.signIn(COORDINATOR.username, COORDINATOR.password);
  await expect(coordinator.signedInAs(COORDINATOR.username)).toBeVisible();
  return coordinator;
}

test('a published notice reaches the kiosk with its form, takes turns with another under the start button, and is gone once its last day has passed', async ({ page, browser }) => {
  const server = await startServerWithCoordinator();
  const coordinatorContext = await browser.newContext({ locale: 'fi-FI' });
  try {
    const now = new Date();
    const today = helsinkiDate(now);
    const coordinator = await signedIn(await coordinatorContext.newPage(), server.url);
    await coordinator.goTo('Ilmoitukset');
    await coordinator.writeNotice(NURSE, { from: today, to: today });
    // Shown since yesterday: the newer notice goes first.
    await coordinator.writeNotice(BREAKFAST, { from: helsinkiDate(new Date(now.getTime() - 86_400_000)), to: helsinkiDate(new Date(now.getTime() + 7 * 86_400_000)) });
    await expectNoAxeViolations(coordinator.page, 'the notices, two drafts');
    // A draft is shown nowhere but in a preview.
    await coordinator.publishNotice(NURSE.fi);

    await page.clock.install({ time: now });
    await fakeSpeech(page);
    const kiosk = new KioskPage(page);
    await kiosk.open(server.url);
    await new StaffMenuPage(page).enrollAs('Aula', makePairingCode(server.dataDir, 'Aula'));
    const notices = page.getByRole('region', { name: 'Ilmoitukset' });
    await expect(notices).toContainText(NURSE.fi);
    await expect(notices).not.toContainText(BREAKFAST.fi);

    // The second one, published while the kiosk stands there, comes with its next sync.
    await coordinator.publishNotice(BREAKFAST.fi);
    await new StaffMenuPage(page).open();
    await new StaffMenuPage(page).unlock('2468');
    await new StaffMenuPage(page).sendAll();
    await new StaffMenuPage(page).close();
    await expect(notices.getByRole('listitem')).toHaveText([NURSE.fi, BREAKFAST.fi]);
    await expectNoAxeViolations(page, 'start screen with notices');
    await expectKioskSizes(page, 'start screen with notices');

    // One at a time, the next after ten seconds, and nothing moves.
    const shown = notices.locator('.notices__text:visible');
    await expect(shown).toHaveText(NURSE.fi);
    await expect(notices.getByText('1 / 2')).toBeVisible();
    const button = await kiosk.startButton().boundingBox();
    const links = await page.getByRole('button', { name: 'Tietosuoja' }).boundingBox();
    await page.clock.runFor(10_000);
    await expect(shown).toHaveText(BREAKFAST.fi);
    await expect(notices.getByText('2 / 2')).toBeVisible();
    expect(await kiosk.startButton().boundingBox()).toEqual(button);
    expect(await page.getByRole('button', { name: 'Tietosuoja' }).boundingBox()).toEqual(links);
    // A slow reader stops the change, and starts it again.
    const stop = notices.getByRole('button', { name: 'Pysäytä vaihtuminen' });
    await stop.click();
    await expect(stop).toHaveAttribute('aria-pressed', 'true');
    await page.clock.runFor(30_000);
    await expect(shown).toHaveText(BREAKFAST.fi);
    await stop.click();
    await page.clock.runFor(10_000);
    await expect(shown).toHaveText(NURSE.fi);

    // In the visitor's language, and read aloud with the start screen's texts.
    await kiosk.chooseLanguage('English');
    await expect(page.getByRole('region', { name: 'Notices' }).getByRole('listitem')).toHaveText([NURSE.en, BREAKFAST.en]);
    await kiosk.chooseLanguage('Suomi');
    await page.getByRole('button', { name: 'Lue ääneen' }).click();
    const spoken = (await spokenOn(page)).at(-1)!;
    expect(spoken.lang).toBe('fi-FI');
    expect(spoken.text).toContain(`Anna palautetta. ${NURSE.fi} ${BREAKFAST.fi}`);

    // A visitor's answer holds nothing of the notices beside the form.
    await kiosk.giveOnlyAFace('Hyvä');
    await new StaffMenuPage(page).open();
    await new StaffMenuPage(page).unlock('2468');
    await new StaffMenuPage(page).sendAll();
    await new StaffMenuPage(page).close();
    const [response] = storedResponseRows(server.dataDir);
    expect(Object.keys(response!).sort()).toEqual(['answers', 'date', 'form_id', 'form_version', 'id', 'language', 'part_of_day', 'unit_id']);
    expect(JSON.stringify(response)).not.toMatch(/notice|hoitaja|aamupala/i);

    // The nurse's last day passes on the kiosk's own clock: it goes, also without asking the server.
    await page.clock.fastForward(untilTomorrow(now));
    await expect(notices.getByRole('listitem')).toHaveText([BREAKFAST.fi]);
    await expect(notices.getByText('1 / 2')).toBeHidden();
  } finally {
    await coordinatorContext.close();
    await server.stop();
  }
});

test('a reviewer previews a notice before it is published and comments on its wording; the coordinator reads the comment beside it', async ({ page, browser }) => {
  const server = await startServerWithCoordinator();
  const coordinatorContext = await browser.newContext({ locale: 'fi-FI' });
  try {
    const today = helsinkiDate(new Date());
    const coordinator = await signedIn(await coordinatorContext.newPage(), server.url);
    await coordinator.goTo('Ilmoitukset');
    await coordinator.writeNotice(NURSE, { from: today, to: today });
    await coordinator.notice(NURSE.fi).getByRole('button', { name: 'Tee esikatselulinkki' }).click();
    const link = (await coordinator.notice(NURSE.fi).getByTestId('preview-link').getAttribute('href'))!;

    await page.goto(link);
    const preview = new PreviewPage(page);
    await expect(preview.banner()).toContainText('ilmoitus, jota ei ole vielä julkaistu');
    await expect(page.getByRole('region', { name: 'Ilmoitukset' })).toContainText(NURSE.fi);
    await expectNoAxeViolations(page, 'preview of a notice');
    await preview.commentOnThisScreen('Sana "terveysasema" on vaikea, sanoisin "hoitaja".');
    await expect(preview.commentNews()).toHaveText('Kommentti on lähetetty.');
    expect(storedComments(server.dataDir)).toEqual([expect.objectContaining({ target: expect.stringMatching(/^notice:/), language: 'fi' })]);

    await coordinator.page.reload();
    await expect(coordinator.notice(NURSE.fi).getByText('Sana "terveysasema" on vaikea, sanoisin "hoitaja".')).toBeVisible();
    await coordinator.publishNotice(NURSE.fi);
    // Published: the review has ended.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/päättynyt/i);
  } finally {
    await coordinatorContext.close();
    await server.stop();
  }
});
