import { expect, test } from '@playwright/test';
import { CoordinatorPage } from './pages/coordinator-page';
import { DraftEditorPage } from './pages/draft-editor-page';
import type { AppServer } from './support/app-server';
import { expectNoAxeViolations } from './support/axe';
import { addCoordinator, COORDINATOR, startServerWithCoordinator, storedDraft } from './support/server-data';

const OLD_WORDING = 'Millainen päivä päiväkeskuksessa oli tänään?';
const AINOS_WORDING = 'Miten päiväsi meni?';
const EEROS_SWEDISH = 'Hur gick din dag?';
const EERO = { username: 'eero', password: 'teetä ja korppuja iltapäivällä' };

let server: AppServer;
test.beforeEach(async () => {
  server = await startServerWithCoordinator();
  addCoordinator(server.dataDir, EERO.username, EERO.password);
});
test.afterEach(async () => {
  await server.stop();
});

test('two coordinators edit the same draft: the second to save is told who changed what, and chooses; nothing is overwritten unseen', async ({ browser }) => {
  // Each at their own desk, signed in to the same draft.
  const desks = [await browser.newContext(), await browser.newContext()] as const;
  const [ainoPage, eeroPage] = [await desks[0].newPage(), await desks[1].newPage()];
  const aino = new DraftEditorPage(ainoPage);
  const eero = new DraftEditorPage(eeroPage);
  const ainoDesk = new CoordinatorPage(ainoPage);
  await ainoDesk.open(server.url, '/forms');
  await ainoDesk.signIn(COORDINATOR.username, COORDINATOR.password);
  await aino.makeDraft();
  const eeroDesk = new CoordinatorPage(eeroPage);
  await eeroDesk.open(server.url, '/forms');
  await eeroDesk.signIn(EERO.username, EERO.password);
  await expect(eeroPage.getByText(/^Luonnos perustuu versioon 1/)).toBeVisible();

  // Both change the first question's wording, each in another language; Aino saves first.
  await aino.questionTitle(1, 'suomi').fill(AINOS_WORDING);
  await eero.questionTitle(1, 'ruotsi').fill(EEROS_SWEDISH);
  await aino.save();

  // Eero's save is refused, and he is told who saved, and what they changed.
  const told = await eero.saveAndFindItSavedMeanwhile();
  await expect(told.getByRole('alert')).toContainText(`${COORDINATOR.username} tallensi luonnoksen`);
  await expect(told.getByRole('listitem')).toHaveText([`kysymys ”${AINOS_WORDING}”: teksti muuttui (suomi)`]);
  await expect(eeroPage.getByRole('heading', { name: 'Joku muu tallensi tämän luonnoksen' })).toBeFocused();
  // His own change is still in the editor, and nothing of it was stored.
  await expect(eero.questionTitle(1, 'ruotsi')).toHaveValue(EEROS_SWEDISH);
  expect(storedDraft(server.dataDir)).toMatchObject({ updatedBy: COORDINATOR.username });
  expect(storedDraft(server.dataDir)!.definition.questions[0]!.title.sv).not.toBe(EEROS_SWEDISH);
  await expectNoAxeViolations(eeroPage, 'draft saved meanwhile by another coordinator');

  // He chooses to save his version over hers: the draft now holds his, hers replaced as he was told.
  await eero.saveMineOverTheirs();
  await expect(told).toBeHidden();
  const stored = storedDraft(server.dataDir)!;
  expect(stored.updatedBy).toBe(EERO.username);
  expect(stored.definition.questions[0]!.title).toMatchObject({ sv: EEROS_SWEDISH, fi: OLD_WORDING });

  // Aino, still on her own save, is now the one told when she saves again; she takes his version.
  await aino.questionTitle(1, 'englanti').fill('How was your day?');
  const toldAino = await aino.saveAndFindItSavedMeanwhile();
  await expect(toldAino.getByRole('alert')).toContainText(`${EERO.username} tallensi luonnoksen`);
  await expect(toldAino.getByRole('listitem')).toHaveText([`kysymys ”${OLD_WORDING}”: teksti muuttui (suomi, ruotsi)`]);
  await aino.takeTheirs();
  await expect(aino.questionTitle(1, 'ruotsi')).toHaveValue(EEROS_SWEDISH);
  await expect(aino.questionTitle(1, 'suomi')).toHaveValue(OLD_WORDING);
  await expect(ainoPage.getByText('Muutoksia ei ole vielä tallennettu.')).toBeHidden();
  expect(storedDraft(server.dataDir)).toMatchObject({ updatedBy: EERO.username });
  await Promise.all(desks.map((desk) => desk.close()));
});
