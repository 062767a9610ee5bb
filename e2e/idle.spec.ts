import { expect, test } from '@playwright/test';
import { KioskPage } from './pages/kiosk-page';
import { abandonedCount, everythingStored, helsinkiToday, readOutbox } from './support/kiosk-storage';

const DRAFT = 'Luonnos jota seuraava ei saa nähdä 7391';

test.describe('an idle kiosk resets for the next person', () => {
  test('after a minute it asks "Are you still there?" and Continue keeps the answers', async ({ page }) => {
    await page.clock.install();
    const kiosk = new KioskPage(page);
    await kiosk.open();
    await kiosk.giveFeedback();
    await kiosk.choose('Huono');

    await page.clock.runFor(59_000);
    await expect(kiosk.idleWarning()).toBeHidden();
    await page.clock.runFor(1_500);
    await expect(kiosk.idleWarning()).toBeVisible();
    await expect(kiosk.idleWarning()).toContainText('Jos et jatka, vastaukset poistetaan.');
    // WCAG 2.2.1: at least 20 seconds to answer the warning.
    await page.clock.runFor(25_000);
    await expect(kiosk.idleWarning()).toBeVisible();
    await page.getByRole('button', { name: 'Jatka' }).click();
    await expect(kiosk.idleWarning()).toBeHidden();
    await expect(kiosk.answerOption('Huono')).toBeChecked();
    // The wait starts again from Continue.
    await page.clock.runFor(59_000);
    await expect(kiosk.idleWarning()).toBeHidden();
    await page.clock.runFor(1_500);
    await expect(kiosk.idleWarning()).toBeVisible();
  });

  test('without an answer to the warning, everything is discarded and nothing can be reached', async ({ page }) => {
    await page.clock.install();
    const kiosk = new KioskPage(page);
    await kiosk.open();
    const historyAtStart = await page.evaluate(() => history.length);
    await kiosk.chooseLanguage('Svenska');
    await kiosk.giveFeedback();
    await kiosk.choose('Dålig');
    await kiosk.next();
    await kiosk.choose('Ingen');
    await kiosk.next();
    await kiosk.skip(2);
    await kiosk.write(DRAFT);

    await page.clock.runFor(60_500);
    await expect(kiosk.idleWarning()).toBeVisible();
    await page.clock.runFor(30_000);

    // Back at the start, in Finnish, with no trace of the previous person.
    kiosk.language = 'fi';
    await expect(kiosk.startButton()).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fi');
    await expect(page.getByText(DRAFT)).toHaveCount(0);
    expect(await page.content()).not.toContain(DRAFT);

    const { dump, historyLength } = await everythingStored(page);
    expect(dump).not.toContain(DRAFT);
    expect(dump).not.toContain('"nobody"');
    // The kiosk adds no history entries: there is no earlier screen to go back to.
    expect(historyLength).toBe(historyAtStart);
    expect(await readOutbox(page)).toEqual([]);
    await expect.poll(() => abandonedCount(page, helsinkiToday())).toBe(1);

    // A new visit starts empty.
    await kiosk.giveFeedback();
    for (const face of ['Tosi huono', 'Huono', 'Ihan ok', 'Hyvä', 'Tosi hyvä']) {
      await expect(kiosk.answerOption(face)).not.toBeChecked();
    }
    await kiosk.next();
    await expect(kiosk.answerOption('En ketään')).not.toBeChecked();
    await kiosk.next();
    await kiosk.next();
    await kiosk.next();
    await expect(page.getByRole('textbox')).toHaveValue('');
  });

  test('after a sent response, nothing of it is left on screen, in history or in web storage', async ({ page }) => {
    await page.clock.install();
    const kiosk = new KioskPage(page);
    await kiosk.open();
    const historyAtStart = await page.evaluate(() => history.length);
    await kiosk.giveFeedback();
    await kiosk.skip(4);
    await kiosk.write(DRAFT);
    await kiosk.next();
    await kiosk.send();
    await page.clock.runFor(8_000);
    await expect(kiosk.startButton()).toBeVisible();
    expect(await page.content()).not.toContain(DRAFT);
    const { dump, historyLength } = await everythingStored(page);
    expect(historyLength).toBe(historyAtStart);
    // The only copy is the one waiting in the outbox to be sent.
    expect(dump.split(DRAFT)).toHaveLength(2);
    expect((await readOutbox(page))[0]!.answers['anything-else']).toBe(DRAFT);
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
  });

  test('on the start screen a changed language quietly returns to Finnish', async ({ page }) => {
    await page.clock.install();
    const kiosk = new KioskPage(page);
    await kiosk.open();
    await kiosk.chooseLanguage('English');
    await expect(page.getByRole('button', { name: 'Give feedback' })).toBeVisible();
    await page.clock.runFor(61_000);
    await expect(page.getByRole('button', { name: 'Anna palautetta' })).toBeVisible();
    await expect(kiosk.idleWarning()).toHaveCount(0);
  });
});
