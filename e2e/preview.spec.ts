import { expect, test } from '@playwright/test';
import { CoordinatorPage } from './pages/coordinator-page';
import { DraftEditorPage } from './pages/draft-editor-page';
import { KioskPage } from './pages/kiosk-page';
import { PreviewPage } from './pages/preview-page';
import { StaffMenuPage } from './pages/staff-menu-page';
import type { AppServer } from './support/app-server';
import { expectNoAxeViolations } from './support/axe';
import { abandonedCount, helsinkiToday, readKeptDrafts, readOutbox, readQueuedComments } from './support/kiosk-storage';
import { waitForServiceWorkerControl } from './support/service-worker';
import { COORDINATOR, makePairingCode, startServerWithCoordinator, storedComments, storedResponses } from './support/server-data';

const OLD_WORDING = 'Millainen päivä päiväkeskuksessa oli tänään?';
const NEW_WORDING = 'Miten päiväsi meni?';

let server: AppServer;
test.beforeEach(async () => {
  server = await startServerWithCoordinator();
});
test.afterEach(async () => {
  await server.stop();
});

test('a draft is reviewed in preview, commented on offline, published, and reaches an offline kiosk with its new version', async ({ browser }) => {
  test.setTimeout(120_000);
  // The coordinator makes a draft and changes the first question's Finnish wording.
  const desk = await browser.newPage();
  const coordinator = new CoordinatorPage(desk);
  const editor = new DraftEditorPage(desk);
  await coordinator.open(server.url, '/forms');
  await coordinator.signIn(COORDINATOR.username, COORDINATOR.password);
  await expect(desk.getByRole('heading', { level: 1, name: 'Lomakkeet ja luonnokset' })).toBeVisible();
  await editor.makeDraft();
  await expect(editor.questionTitle(1, 'suomi')).toHaveValue(OLD_WORDING);
  await editor.questionTitle(1, 'suomi').fill(NEW_WORDING);
  await expect(desk.getByText('Muutoksia ei ole vielä tallennettu.')).toBeVisible();
  await expectNoAxeViolations(desk, 'draft editor');
  await editor.save();
  const link = await editor.makePreviewLink();
  expect(link).toMatch(new RegExp(`^${server.url}/preview/[A-Za-z0-9_-]{43}$`));

  // The reviewer opens the link on another device: no account, no kiosk enrollment.
  const reviewerDevice = await browser.newContext();
  const requests: string[] = [];
  reviewerDevice.on('request', (request) => requests.push(new URL(request.url()).pathname));
  const reviewer = await reviewerDevice.newPage();
  const preview = new PreviewPage(reviewer);
  const visitor = new KioskPage(reviewer);
  await visitor.open(link);
  await expect(preview.banner()).toBeVisible();
  await waitForServiceWorkerControl(reviewer);
  // The unreviewed Northern Sámi wording is there to review, though no kiosk shows it yet.
  await expect(reviewer.getByRole('button', { name: 'Davvisámegiella', exact: true })).toBeVisible();

  // Every text on the screen takes a comment: the form's title, and the kiosk's own start text.
  await preview.commentOnThisScreen('Otsikko on hyvä.', { text: /^Lomakkeen nimi: Päivän palaute/ });
  await expect(preview.commentNews()).toHaveText('Kommentti on lähetetty.');
  await preview.banner().getByRole('button', { name: 'Kommentoi tätä näkymää' }).click();
  await expectNoAxeViolations(reviewer, 'comment on this screen');
  await preview.dialog().getByRole('button', { name: 'Peruuta' }).click();
  // Closed, the dialog gives the focus back to the button that opened it.
  await expect(preview.banner().getByRole('button', { name: 'Kommentoi tätä näkymää' })).toBeFocused();
  await preview.commentOnThisScreen('Dát lea čielggas.', { text: /^Kioskin teksti: Kerro, millainen päivä oli/, language: 'pohjoissaame' });
  await expect(preview.commentNews()).toHaveText('2 kommenttia on lähetetty.');
  await expect(visitor.startButton()).toBeVisible();

  await visitor.giveFeedback();
  await visitor.expectQuestion(NEW_WORDING);
  await expectNoAxeViolations(reviewer, 'preview of a question');

  // Offline, a comment on this question is kept on the device, and the reviewer stays on it.
  await reviewerDevice.setOffline(true);
  await preview.commentOnThisScreen('”Päiväsi” on hyvä sana. Kysymys on nyt selkeä.');
  await visitor.expectQuestion(NEW_WORDING);
  await expect(preview.commentNews()).toHaveText('1 kommentti odottaa lähetystä. Se lähtee, kun yhteys toimii.');
  expect(await readQueuedComments(reviewer)).toHaveLength(1);

  // The texts view opens at the question shown: its languages under each other, with a plain word.
  await visitor.choose('Hyvä');
  await visitor.next();
  await visitor.expectQuestion('Kenet tapasit tänään?');
  await preview.showTexts();
  await expect(reviewer.getByRole('heading', { level: 1, name: 'Kysymys 2: Kenet tapasit tänään?' })).toBeVisible();
  const questionText = reviewer.getByRole('region', { name: 'Kysymys', exact: true });
  await expect(questionText.getByRole('listitem').filter({ hasText: 'pohjoissaame' })).toContainText('ei vielä tarkistettu');
  await expect(questionText.getByRole('listitem').filter({ hasText: 'suomi' })).toContainText('helppo lukea');
  await expectNoAxeViolations(reviewer, 'texts view');
  // ...and back "as on the kiosk", the reviewer is on the same question.
  await preview.showAsKiosk();
  await visitor.expectQuestion('Kenet tapasit tänään?');

  // A reload without a connection shows the draft kept on the device, and the review goes on.
  await reviewer.reload();
  await expect(preview.banner()).toContainText('Ei verkkoyhteyttä. Näet luonnoksen sellaisena kuin se tallentui tälle laitteelle.');
  await expect(preview.commentNews()).toHaveText('1 kommentti odottaa lähetystä. Se lähtee, kun yhteys toimii.');
  await expectNoAxeViolations(reviewer, 'preview from the kept copy');
  await visitor.giveFeedback();
  await visitor.expectQuestion(NEW_WORDING);
  expect(storedComments(server.dataDir)).toHaveLength(2);
  // Back online, the waiting comment goes, and the banner says so.
  await reviewerDevice.setOffline(false);
  await expect(preview.commentNews()).toHaveText('Kommentti on lähetetty.');
  // The page fetches the draft again: the note about the kept copy goes.
  await expect(preview.banner()).not.toContainText('Ei verkkoyhteyttä');
  await visitor.expectQuestion(NEW_WORDING);
  expect(storedComments(server.dataDir)).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ target: 'text:form.title', language: 'fi', text: 'Otsikko on hyvä.' }),
      expect.objectContaining({ target: 'text:start.intro', language: 'se', text: 'Dát lea čielggas.' }),
      expect.objectContaining({ target: 'day', language: 'fi', text: '”Päiväsi” on hyvä sana. Kysymys on nyt selkeä.' }),
    ]),
  );
  expect(await readQueuedComments(reviewer)).toEqual([]);

  // The coordinators' full table is a tap away, with the scores' own hints.
  await preview.showTexts();
  await reviewer.getByRole('button', { name: 'Kaikki tekstit taulukkona lukuineen (koordinaattoreille)' }).click();
  const firstQuestion = reviewer.getByRole('region', { name: /^Kysymys 1:/ });
  // Three words are too few for a readability score: the hints give the sentence length only.
  const newWordingCell = firstQuestion.getByRole('cell', { name: new RegExp(NEW_WORDING) });
  await expect(newWordingCell).toContainText('Pisin virke: 3 sanaa');
  await expect(newWordingCell).not.toContainText('Wiio');
  await expect(reviewer.getByRole('columnheader', { name: /pohjoissaame.*ei vielä tarkistettu/ }).first()).toBeVisible();
  await expectNoAxeViolations(reviewer, 'all texts in a table');
  // Then answers tapped and sent, as a visitor would.
  await preview.showAsKiosk();
  await visitor.choose('Hyvä');
  await visitor.next();
  await visitor.skip(4);
  await visitor.expectReview();
  await visitor.send();
  await expect(preview.banner()).toBeVisible();

  // Nothing of the preview's answers is stored anywhere, or even sent.
  expect(await readOutbox(reviewer)).toEqual([]);
  expect(await abandonedCount(reviewer, helsinkiToday())).toBe(0);
  expect(storedResponses(server.dataDir)).toEqual([]);
  expect(requests.filter((path) => path.startsWith('/api/kiosk/'))).toEqual([]);

  // The coordinator sees each comment where it belongs, marks one done, and publishes.
  await desk.reload();
  const comment = editor.question(1).getByRole('listitem').filter({ hasText: 'Kysymys on nyt selkeä.' });
  await expect(comment).toContainText('Kysymyksestä');
  await expect(desk.getByRole('listitem').filter({ hasText: 'Otsikko on hyvä.' })).toContainText('Lomakkeen nimestä');
  const onKioskText = desk.getByRole('region', { name: 'Kommentit kioskin omista teksteistä' }).getByRole('listitem');
  await expect(onKioskText).toContainText('Aloitusnäyttö: ”Muital, makkár du beaivi lei.');
  await expect(onKioskText).toContainText('Dát lea čielggas.');
  await comment.getByRole('button', { name: 'Merkitse käsitellyksi' }).click();
  await expect(comment).toContainText('Käsitelty');
  await editor.publish(2);

  // A comment written after the review ended is not sent, and the page says just that.
  await preview.showTexts();
  await reviewer.getByRole('button', { name: 'Kommentoi tätä tekstiä' }).first().click();
  await reviewer.getByLabel('Kommenttisi').fill('Myöhästynyt kommentti.');
  await reviewer.getByRole('button', { name: 'Tallenna kommentti' }).click();
  await expect(reviewer.getByText('Kommenttia ei voitu lähettää, koska kommentointi on päättynyt.', { exact: true })).toBeVisible();
  await expect(preview.commentNews()).toContainText('Tätä kommenttia ei voitu lähettää, koska kommentointi on päättynyt:');
  await expect(preview.commentNews()).toContainText('Myöhästynyt kommentti.');
  await expect(preview.commentNews()).not.toContainText('on lähetetty');
  await reviewer.reload();
  await expect(reviewer.getByRole('heading', { level: 1, name: 'Tämä kommentointi on päättynyt' })).toBeVisible();
  await expect(preview.commentNews()).toContainText('Myöhästynyt kommentti.');
  // The draft kept for the link goes with it.
  expect(await readKeptDrafts(reviewer)).toEqual([]);
  await expectNoAxeViolations(reviewer, 'an ended review');

  // A link cut short, and a made-up one, open no kiosk: they say to check the link or ask anew.
  for (const wrong of [link.slice(0, -5), `${server.url}/preview/${'x'.repeat(43)}`]) {
    await reviewer.goto(wrong);
    await expect(reviewer.getByRole('heading', { level: 1, name: 'Tämä linkki ei toimi' })).toBeVisible();
    await expect(reviewer.getByText(/pyydä uusi linkki/)).toBeVisible();
    await expect(visitor.startButton()).toHaveCount(0);
  }
  await expectNoAxeViolations(reviewer, 'a link that does not work');

  // A kiosk takes the new version at its next sync, keeps it offline, and answers carry it.
  const kioskPage = await browser.newPage();
  const kiosk = new KioskPage(kioskPage);
  const staff = new StaffMenuPage(kioskPage);
  await kiosk.open(server.url);
  await expect(kioskPage.getByRole('button', { name: 'Davvisámegiella' })).toHaveCount(0);
  await staff.enrollAs('Aula', makePairingCode(server.dataDir, 'Aula'), { close: false });
  await staff.sendAll();
  await staff.close();
  await server.stop();
  await kioskPage.reload();
  await kiosk.giveFeedback();
  await kiosk.expectQuestion(NEW_WORDING);
  await kiosk.choose('Hyvä');
  await kiosk.next();
  await kiosk.skip(4);
  await kiosk.expectReview();
  await kiosk.send();
  const [response] = await readOutbox(kioskPage);
  expect(response).toMatchObject({ formVersion: 2, answers: { day: '4' } });
  await reviewerDevice.close();
});

test('the kiosk’s staff menu opens a preview of the draft and returns to the kiosk', async ({ browser }) => {
  const desk = await browser.newPage();
  const coordinator = new CoordinatorPage(desk);
  await coordinator.open(server.url, '/forms');
  await coordinator.signIn(COORDINATOR.username, COORDINATOR.password);
  await new DraftEditorPage(desk).makeDraft();

  const kioskPage = await browser.newPage();
  const kiosk = new KioskPage(kioskPage);
  const staff = new StaffMenuPage(kioskPage);
  await kiosk.open(server.url);
  await staff.enrollAs('Aula', makePairingCode(server.dataDir, 'Aula'), { close: false });
  await kioskPage.getByRole('button', { name: 'Esikatsele luonnosta' }).click();
  const preview = new PreviewPage(kioskPage);
  await expect(preview.banner()).toBeVisible();
  const previewPath = new URL(kioskPage.url()).pathname;
  expect(previewPath).toMatch(/^\/preview\/[A-Za-z0-9_-]{43}$/);
  await expect(kiosk.startButton()).toBeVisible();
  await preview.showTexts();
  await preview.showAsKiosk();
  await expect(kiosk.startButton()).toBeVisible();
  await preview.banner().getByRole('button', { name: 'Lopeta esikatselu' }).click();
  await expect(kiosk.startButton()).toBeVisible();
  await expect(preview.banner()).toHaveCount(0);
  expect(new URL(kioskPage.url()).pathname).toBe('/');

  // A second tap opens the same live link, not a new one.
  const firstLink = previewPath;
  await staff.open();
  await staff.unlock('2468');
  await kioskPage.getByRole('button', { name: 'Esikatsele luonnosta' }).click();
  await expect(preview.banner()).toBeVisible();
  expect(new URL(kioskPage.url()).pathname).toBe(firstLink);

  await desk.reload();
  await expect(desk.getByText(/\(kiosk Aula\)/)).toHaveCount(1);
});
