import { expect, test } from '@playwright/test';
import { CoordinatorPage } from './pages/coordinator-page';
import { DraftEditorPage } from './pages/draft-editor-page';
import { KioskPage } from './pages/kiosk-page';
import { PreviewPage } from './pages/preview-page';
import { StaffMenuPage } from './pages/staff-menu-page';
import type { AppServer } from './support/app-server';
import { expectNoAxeViolations } from './support/axe';
import { abandonedCount, helsinkiToday, readOutbox, readQueuedComments } from './support/kiosk-storage';
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
  // The unreviewed Northern Sámi wording is there to review, though no kiosk shows it yet.
  await expect(reviewer.getByRole('button', { name: 'Davvisámegiella', exact: true })).toBeVisible();
  await visitor.giveFeedback();
  await visitor.expectQuestion(NEW_WORDING);
  await expect(preview.banner()).toBeVisible();
  await expectNoAxeViolations(reviewer, 'preview of a question');

  // Offline, a comment on this question is kept on the device...
  await reviewerDevice.setOffline(true);
  await preview.commentOnThisQuestion('”Päiväsi” on hyvä sana. Kysymys on nyt selkeä.');
  await expect(preview.banner()).toContainText('1 kommentti odottaa lähetystä');
  expect(await readQueuedComments(reviewer)).toHaveLength(1);
  expect(storedComments(server.dataDir)).toEqual([]);
  // ...and delivered when the device is back online, without a reload.
  await reviewerDevice.setOffline(false);
  await expect(preview.banner()).toContainText('Kaikki kommentit on lähetetty.');
  expect(storedComments(server.dataDir)).toEqual([
    expect.objectContaining({ target: 'day', language: 'fi', text: '”Päiväsi” on hyvä sana. Kysymys on nyt selkeä.' }),
  ]);
  expect(await readQueuedComments(reviewer)).toEqual([]);

  // The comment form opened every language side by side, with plain-language hints for each text.
  await expect(reviewer.getByRole('heading', { level: 1, name: 'Luonnos kaikilla kielillä' })).toBeVisible();
  const firstQuestion = reviewer.getByRole('region', { name: /^Kysymys 1:/ });
  // Three words are too few for a readability score: the hints give the sentence length only.
  const newWordingCell = firstQuestion.getByRole('cell', { name: new RegExp(NEW_WORDING) });
  await expect(newWordingCell).toContainText('Pisin virke: 3 sanaa');
  await expect(newWordingCell).not.toContainText('Wiio');
  await expect(reviewer.getByRole('columnheader', { name: /Davvisámegiella.*ei vielä tarkistettu/ }).first()).toBeVisible();
  await expectNoAxeViolations(reviewer, 'all languages side by side');
  // Then answers tapped and sent, as a visitor would.
  await preview.showAsKiosk();
  await visitor.answerOnlyTheFace('Hyvä');
  await visitor.send();
  await expect(preview.banner()).toBeVisible();

  // Nothing of the preview's answers is stored anywhere, or even sent.
  expect(await readOutbox(reviewer)).toEqual([]);
  expect(await abandonedCount(reviewer, helsinkiToday())).toBe(0);
  expect(storedResponses(server.dataDir)).toEqual([]);
  expect(requests.filter((path) => path.startsWith('/api/kiosk/'))).toEqual([]);

  // The coordinator sees the comment beside its question, marks it done, and publishes.
  await desk.reload();
  const comment = editor.question(1).getByRole('listitem').filter({ hasText: 'Kysymys on nyt selkeä.' });
  await expect(comment).toContainText('Kysymyksestä');
  await comment.getByRole('button', { name: 'Merkitse käsitellyksi' }).click();
  await expect(comment).toContainText('Käsitelty');
  await editor.publish(2);
  await reviewer.reload();
  await expect(reviewer.getByRole('heading', { name: /esikatselulinkki ei toimi/ })).toBeVisible();

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
  await expect(kiosk.startButton()).toBeVisible();
  await preview.showAllLanguages();
  await preview.showAsKiosk();
  await expect(kiosk.startButton()).toBeVisible();
  await preview.banner().getByRole('button', { name: 'Lopeta esikatselu' }).click();
  await expect(kiosk.startButton()).toBeVisible();
  await expect(preview.banner()).toHaveCount(0);
  expect(new URL(kioskPage.url()).pathname).toBe('/');

  await desk.reload();
  await expect(desk.getByText(/\(kiosk Aula\)/)).toBeVisible();
});
