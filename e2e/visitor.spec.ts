import { expect, test } from '@playwright/test';
import { KioskPage } from './pages/kiosk-page';
import { abandonedCount, helsinkiToday, readOutbox } from './support/kiosk-storage';

test.describe('a visitor gives feedback', () => {
  test('the whole form in Finnish, stored before the thank-you, then the start screen returns', async ({ page }) => {
    await page.clock.install();
    const kiosk = new KioskPage(page);
    await kiosk.open();
    await kiosk.giveFeedback();

    await kiosk.expectQuestion('Millainen päivä päiväkeskuksessa oli tänään?');
    await kiosk.choose('Hyvä');
    await kiosk.next();
    await kiosk.expectQuestion('Kenet tapasit tänään?');
    await kiosk.choose('Terveysaseman hoitaja');
    await kiosk.choose('Sosiaalityöntekijä');
    await kiosk.next();
    await kiosk.expectQuestion('Saitko apua asiaasi?');
    await kiosk.choose('Kyllä');
    await kiosk.next();
    await kiosk.expectQuestion('Oliko työntekijän kanssa helppo puhua?');
    await kiosk.choose('Osittain');
    await kiosk.next();
    await kiosk.expectQuestion('Mihin asioihin tarvitset apua?');
    await kiosk.choose('Asunto');
    await kiosk.choose('Ruoka');
    await kiosk.next();
    await kiosk.expectProgress(6, 7);
    await kiosk.choose('50 vuotta tai yli');
    await kiosk.next();
    await kiosk.expectQuestion('Haluatko sanoa vielä jotain?');
    await expect(page.getByText('Älä kirjoita nimiä.', { exact: false })).toBeVisible();
    await kiosk.write('Ruoka oli hyvää. Soita 040 123 4567');
    await kiosk.next();
    await kiosk.expectReview();
    await kiosk.send();

    const stored = await readOutbox(page);
    expect(stored).toHaveLength(1);
    const [response] = stored;
    expect(Object.keys(response!).sort()).toEqual(['answers', 'date', 'formId', 'formVersion', 'id', 'language', 'partOfDay']);
    expect(response).toMatchObject({
      formId: 'todays-feedback',
      formVersion: 1,
      language: 'fi',
      date: helsinkiToday(),
      answers: {
        day: '4',
        met: ['health-station', 'adult-social-work'],
        'got-help': 'yes',
        'easy-to-talk': 'a-little',
        needs: ['housing', 'food'],
        'age-group': '50-or-over',
        'anything-else': 'Ruoka oli hyvää. Soita [PHONE REMOVED]',
      },
    });
    expect(['morning', 'afternoon']).toContain(response!.partOfDay);
    expect(response!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    await page.clock.runFor(8_000);
    await expect(kiosk.startButton()).toBeVisible();
  });

  test('the whole form in Swedish, and the next person starts in Finnish', async ({ page }) => {
    await page.clock.install();
    const kiosk = new KioskPage(page);
    await kiosk.open();
    await kiosk.chooseLanguage('Svenska');
    await expect(page.getByRole('heading', { level: 1, name: 'Dagens respons' })).toBeVisible();
    await kiosk.giveFeedback();
    await kiosk.expectQuestion('Hur var dagen på dagcentret i dag?');
    await kiosk.choose('Mycket bra');
    await kiosk.next();
    await kiosk.expectQuestion('Vem träffade du i dag?');
    await kiosk.choose('Handledare från skyddshemmet');
    await kiosk.next();
    await kiosk.expectQuestion('Fick du hjälp med ditt ärende?');
    await kiosk.choose('Lite');
    await kiosk.next();
    await kiosk.expectQuestion('Var det lätt att prata med den du träffade?');
    await kiosk.choose('Ja');
    await kiosk.next();
    await kiosk.expectQuestion('Vad behöver du hjälp med?');
    await kiosk.choose('FPA och stöd');
    await kiosk.next();
    await kiosk.expectQuestion('Hur gammal är du?');
    await kiosk.choose('Vill inte säga');
    await kiosk.next();
    await kiosk.expectQuestion('Vill du säga något mer?');
    await kiosk.write('Tack för maten, min e-post är anna@example.se');
    await kiosk.next();
    await kiosk.expectReview();
    await expect(page.getByText('Tryck på Skicka. Då sparas dina svar.')).toBeVisible();
    await kiosk.send();
    await expect(page.getByText('Din respons hjälper oss att göra dagcentret bättre.')).toBeVisible();
    await page.clock.runFor(8_000);
    await expect(page.getByRole('button', { name: 'Anna palautetta' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fi');

    const [response] = await readOutbox(page);
    expect(response).toMatchObject({
      language: 'sv',
      answers: {
        day: '5',
        met: ['shelter-home'],
        'got-help': 'a-little',
        'easy-to-talk': 'yes',
        needs: ['benefits'],
        'age-group': 'prefer-not-to-say',
        'anything-else': 'Tack för maten, min e-post är [EMAIL REMOVED]',
      },
    });
  });

  test('skipping every question stores nothing and counts one abandoned form', async ({ page }) => {
    const kiosk = new KioskPage(page);
    await kiosk.open();
    await kiosk.giveFeedback();
    for (let i = 1; i <= 5; i++) {
      await kiosk.expectProgress(i, 5);
      await kiosk.skip();
    }
    await kiosk.expectReview();
    await expect(page.getByText('Et vastannut mihinkään kysymykseen. Mitään ei tallenneta.')).toBeVisible();
    await kiosk.send();
    expect(await readOutbox(page)).toEqual([]);
    await expect.poll(() => abandonedCount(page, helsinkiToday())).toBe(1);
  });

  test('a skipped answer is cleared, not stored', async ({ page }) => {
    const kiosk = new KioskPage(page);
    await kiosk.open();
    await kiosk.giveFeedback();
    await kiosk.choose('Huono');
    await kiosk.skip();
    await kiosk.choose('En ketään');
    await kiosk.next();
    await kiosk.skip(3);
    await kiosk.send();
    const [response] = await readOutbox(page);
    expect(response!.answers).toEqual({ met: ['nobody'] });
  });

  test('follow-up questions show only after meeting someone, and go when the answer changes', async ({ page }) => {
    const kiosk = new KioskPage(page);
    await kiosk.open();
    await kiosk.giveFeedback();
    await kiosk.skip();
    await kiosk.choose('En ketään');
    await kiosk.next();
    await kiosk.expectQuestion('Mihin asioihin tarvitset apua?');
    await kiosk.expectProgress(3, 5);

    await kiosk.back();
    await kiosk.expectQuestion('Kenet tapasit tänään?');
    await kiosk.choose('Päihdepalvelujen työntekijä');
    // Choosing a professional clears "Nobody": they cannot both be true.
    await expect(kiosk.answerOption('En ketään')).not.toBeChecked();
    await kiosk.next();
    await kiosk.expectQuestion('Saitko apua asiaasi?');
    await kiosk.expectProgress(3, 7);
    await kiosk.choose('En');

    await kiosk.back();
    await kiosk.choose('En ketään');
    await expect(kiosk.answerOption('Päihdepalvelujen työntekijä')).not.toBeChecked();
    await kiosk.next();
    await kiosk.expectQuestion('Mihin asioihin tarvitset apua?');
    await kiosk.skip(3);
    await kiosk.send();
    const [response] = await readOutbox(page);
    expect(response!.answers).toEqual({ met: ['nobody'] });
  });

  test('Back from the first question returns to the start in the same language', async ({ page }) => {
    const kiosk = new KioskPage(page);
    await kiosk.open();
    await kiosk.chooseLanguage('Svenska');
    await kiosk.giveFeedback();
    await kiosk.back();
    await expect(kiosk.startButton()).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
    // Nothing was answered: nothing was abandoned either.
    expect(await abandonedCount(page, helsinkiToday())).toBe(0);

    await kiosk.giveFeedback();
    await kiosk.choose('Bra');
    await kiosk.next();
    await kiosk.back();
    await kiosk.back();
    await expect(kiosk.startButton()).toBeVisible();
    await expect.poll(() => abandonedCount(page, helsinkiToday())).toBe(1);
    await kiosk.giveFeedback();
    await expect(kiosk.answerOption('Bra')).not.toBeChecked();
  });

  test('changing language mid-way keeps the answers and speaks the new language', async ({ page }) => {
    const kiosk = new KioskPage(page);
    await kiosk.open();
    await kiosk.giveFeedback();
    await kiosk.choose('Tosi huono');
    await kiosk.chooseLanguage('English');
    await kiosk.expectQuestion('How was the day centre today?');
    await expect(kiosk.answerOption('Very bad')).toBeChecked();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    for (const [name, lang] of [['Suomi', 'fi'], ['Svenska', 'sv'], ['English', 'en']]) {
      await expect(page.getByRole('button', { name, exact: true })).toHaveAttribute('lang', lang!);
    }
    await kiosk.next();
    await kiosk.skip(4);
    await kiosk.send();
    const [response] = await readOutbox(page);
    expect(response).toMatchObject({ language: 'en', answers: { day: '1' } });
  });

  test('a double tap on Send stores one response, and a hammered start screen starts no new form', async ({ page }) => {
    await page.clock.install();
    const kiosk = new KioskPage(page);
    await kiosk.open();
    await kiosk.giveFeedback();
    await kiosk.choose('Ihan ok');
    await kiosk.next();
    await kiosk.skip(3);
    // A double tap on the last Next lands its second tap where Send appears: it must not send.
    const next = await page.getByRole('button', { name: 'Seuraava' }).boundingBox();
    await page.getByRole('button', { name: 'Seuraava' }).dblclick();
    await kiosk.expectReview();
    await expect(kiosk.sendButton()).toBeDisabled();
    const send = await kiosk.sendButton().boundingBox();
    const centre = { x: next!.x + next!.width / 2, y: next!.y + next!.height / 2 };
    expect(centre.x > send!.x && centre.x < send!.x + send!.width && centre.y > send!.y && centre.y < send!.y + send!.height).toBe(true);
    await page.clock.runFor(1_000);
    await expect(kiosk.sendButton()).toBeEnabled();
    expect(await readOutbox(page)).toEqual([]);
    await kiosk.sendButton().dblclick();
    await kiosk.expectThanks();
    // Harsher than any finger: two clicks in the same task, before React can re-render.
    await page.clock.runFor(11_000);
    await kiosk.answerOnlyTheFace('Hyvä');
    await expect(kiosk.sendButton()).toBeEnabled();
    await kiosk.sendButton().evaluate((button: HTMLButtonElement) => {
      button.click();
      button.click();
    });
    await kiosk.expectThanks();
    // Taps on the thank-you do nothing; nor do taps on the start screen just after it.
    await page.mouse.click(640, 400);
    await page.clock.runFor(8_000);
    await expect(kiosk.startButton()).toBeVisible();
    // A person does not wait for the button to look enabled: force the taps through.
    await kiosk.startButton().click({ force: true });
    await kiosk.startButton().click({ force: true });
    await expect(kiosk.startButton()).toBeVisible();
    await expect(kiosk.startButton()).toHaveAttribute('aria-disabled', 'true');
    await page.clock.runFor(3_000);
    await kiosk.giveFeedback();
    expect(await readOutbox(page)).toHaveLength(2);
  });

  test('if storing fails the visitor is told calmly, keeps the answers and can try again', async ({ page }) => {
    await page.addInitScript(() => {
      const add = IDBObjectStore.prototype.add;
      (window as unknown as { failWrites: boolean }).failWrites = true;
      IDBObjectStore.prototype.add = function (...args: Parameters<typeof add>) {
        if ((window as unknown as { failWrites: boolean }).failWrites) {
          throw new DOMException('The disk is full (simulated)', 'QuotaExceededError');
        }
        return add.apply(this, args);
      };
    });
    const kiosk = new KioskPage(page);
    await kiosk.open();
    await kiosk.answerOnlyTheFace('Tosi hyvä');
    await kiosk.sendButton().click();
    await expect(page.getByRole('alert')).toHaveText(/Vastauksesi eivät tallentuneet\. Ne ovat yhä tässä\./);
    await kiosk.expectReview();
    expect(await readOutbox(page)).toEqual([]);

    await page.evaluate(() => ((window as unknown as { failWrites: boolean }).failWrites = false));
    await page.getByRole('button', { name: 'Yritä uudelleen' }).click();
    await kiosk.expectThanks();
    const [response] = await readOutbox(page);
    expect(response!.answers).toEqual({ day: '5' });
  });
});

test.describe('when the visit cannot load', () => {
  // Without the service worker the page's own requests can be failed on purpose.
  test.use({ serviceWorkers: 'block' });

  test('the kiosk says so calmly and can start again, instead of going blank', async ({ page }) => {
    await page.route(/\/assets\/later-[^/]+\.js$/, (route) => route.abort());
    const kiosk = new KioskPage(page);
    await kiosk.open();
    await kiosk.startButton().click();
    await expect(page.getByRole('alert')).toHaveText(/Jokin meni vikaan\. Vastauksia ei tallennettu\./);
    await page.unroute(/\/assets\/later-[^/]+\.js$/);
    await page.getByRole('button', { name: 'Aloita alusta' }).click();
    await kiosk.giveFeedback();
    await kiosk.expectQuestion('Millainen päivä päiväkeskuksessa oli tänään?');
  });
});
