import { expect, test, type Page } from '@playwright/test';
import { KioskPage } from './pages/kiosk-page';
import { expectAboveFooter, expectEveryOptionReachable } from './support/above-footer';
import { expectKioskSizes, expectNoAxeViolations } from './support/axe';
import { fakeSpeech, spokenOn } from './support/fake-speech';
import { expectChoiceMarks } from './support/choice-marks';

const VIEWPORTS = [
  { name: 'landscape', width: 1280, height: 800 },
  { name: 'portrait', width: 800, height: 1280 },
];

async function check(page: Page, screen: string) {
  await expectNoAxeViolations(page, screen);
  await expectKioskSizes(page, screen);
}

/** A question with options: the screen's checks, every option within reach, marks that say one or many. */
async function checkChoices(kiosk: KioskPage, screen: string, marks: 'round' | 'square') {
  await check(kiosk.page, screen);
  await expectEveryOptionReachable(kiosk.page, kiosk.page.getByText(kiosk.ui.question.moreBelow), screen);
  await expectChoiceMarks(kiosk.page, marks, screen);
}

for (const viewport of VIEWPORTS) {
  test(`every kiosk screen passes axe and the size rules (${viewport.name} tablet)`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.clock.install();
    const kiosk = new KioskPage(page);
    await kiosk.open();
    await check(page, 'start');

    await page.getByRole('button', { name: 'Saavutettavuus' }).click();
    await expect(page.getByRole('heading', { name: 'Saavutettavuusseloste' })).toBeVisible();
    await check(page, 'accessibility statement');
    await page.getByRole('button', { name: 'Takaisin alkuun' }).click();
    await page.getByRole('button', { name: 'Tietosuoja' }).click();
    await expect(page.getByRole('heading', { name: 'Tietosuoja' })).toBeVisible();
    await check(page, 'privacy notice');
    await page.getByRole('button', { name: 'Takaisin alkuun' }).click();

    await page.getByRole('button', { name: 'Henkilökunnan valikko' }).click();
    await expect(page.getByRole('heading', { name: 'Ota laite käyttöön' })).toBeVisible();
    await page.getByRole('button', { name: 'Ota käyttöön' }).click();
    await expect(page.getByText('Kirjoita parituskoodi.')).toBeVisible();
    await check(page, 'staff menu, enrollment with errors');
    await page.getByRole('button', { name: 'Sulje' }).click();

    await kiosk.giveFeedback();
    await kiosk.choose('Hyvä');
    await checkChoices(kiosk, 'face scale, one chosen', 'round');
    await kiosk.next();
    await kiosk.choose('Sosiaalityöntekijä');
    await checkChoices(kiosk, 'multiple choice, six options', 'square');
    await kiosk.next();
    await kiosk.choose('Vähän');
    await checkChoices(kiosk, 'yes / a little / no', 'round');
    await kiosk.next();
    await kiosk.expectQuestion('Oliko työntekijän kanssa helppo puhua?');
    await checkChoices(kiosk, 'yes / partly / no, nothing chosen', 'round');
    await kiosk.next();
    await kiosk.expectQuestion('Mihin asioihin tarvitset apua?');
    await checkChoices(kiosk, 'multiple choice, eight options, nothing chosen', 'square');
    await kiosk.next();
    await kiosk.choose('En halua kertoa');
    await checkChoices(kiosk, 'background question', 'round');
    await kiosk.next();
    await kiosk.write('Kiitos');
    await check(page, 'free text');
    await expectAboveFooter(page.getByText(kiosk.ui.question.charactersLeft.split('{{')[0]!), 'the count of characters left');

    await page.clock.runFor(60_500);
    await expect(kiosk.idleWarning()).toBeVisible();
    await check(page, 'idle warning');
    await page.getByRole('button', { name: 'Jatka' }).click();

    await kiosk.next();
    await kiosk.expectReview();
    await check(page, 'review');
    await kiosk.send();
    await check(page, 'thank-you');
  });
}

test('options that go on under the footer are said to, and a tap on that shows the rest', async ({ page }) => {
  // Shorter than the tablet, as with the browser's own bars showing: six options do not all fit.
  await page.setViewportSize({ width: 800, height: 1000 });
  const kiosk = new KioskPage(page);
  await kiosk.open();
  await kiosk.giveFeedback();
  await kiosk.next();
  await kiosk.expectQuestion('Kenet tapasit tänään?');
  const moreBelow = page.getByText('Lisää vaihtoehtoja alempana', { exact: true });
  const lastOption = kiosk.answerOption('En ketään');
  await expectAboveFooter(moreBelow, '"more below"');
  await check(page, 'multiple choice with "more below"');

  // Seen, not heard: a screen reader and the keyboard go through the options, all in the page.
  await expect(page.getByRole('button', { name: 'Lisää vaihtoehtoja alempana' })).toHaveCount(0);
  await expect(page.getByRole('checkbox')).toHaveCount(6);
  await expect(moreBelow).toHaveAttribute('tabindex', '-1');

  await kiosk.chooseLanguage('Svenska');
  await expect(page.getByText('Fler alternativ längre ner', { exact: true })).toBeVisible();
  await kiosk.chooseLanguage('Suomi');

  await moreBelow.click();
  await expectAboveFooter(lastOption, 'the last option after a tap on "more below"');
  await expect(moreBelow).toHaveCount(0);

  // Back at the top the cue is there again; moving with the keyboard brings each option out from under the footer.
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  await expect(moreBelow).toBeVisible();
  await kiosk.expectQuestion('Kenet tapasit tänään?');
  await page.getByRole('heading', { level: 1 }).focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
  await expect(lastOption).toBeFocused();
  await expectAboveFooter(lastOption, 'the last option, focused with the keyboard');
  await expect(moreBelow).toHaveCount(0);
});

test('the statement and the notice exist in every language', async ({ page }) => {
  const kiosk = new KioskPage(page);
  await kiosk.open();
  const expected = [
    ['Suomi', 'Saavutettavuus', 'Saavutettavuusseloste', 'Tietosuoja', 'Tietosuoja', 'Takaisin alkuun'],
    ['Svenska', 'Tillgänglighet', 'Tillgänglighetsutlåtande', 'Dataskydd', 'Dataskydd', 'Tillbaka till början'],
    ['English', 'Accessibility', 'Accessibility statement', 'Privacy', 'Privacy', 'Back to start'],
  ] as const;
  for (const [language, a11yButton, a11yHeading, privacyButton, privacyHeading, back] of expected) {
    await kiosk.chooseLanguage(language);
    await page.getByRole('button', { name: a11yButton, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: a11yHeading })).toBeVisible();
    await expect(page.locator('article p')).toHaveCount(6);
    await page.getByRole('button', { name: back }).click();
    await page.getByRole('button', { name: privacyButton, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: privacyHeading })).toBeVisible();
    await expect(page.locator('article p')).toHaveCount(6);
    await page.getByRole('button', { name: back }).click();
  }
});

test('the bundled font is loaded for Finnish, Swedish and Northern Sámi letters', async ({ page }) => {
  const kiosk = new KioskPage(page);
  await kiosk.open();
  const letters = 'áčđŋšŧžäöå';
  const covered = await page.evaluate(async (text) => {
    const probe = document.createElement('p');
    probe.textContent = text;
    document.body.append(probe);
    await document.fonts.ready;
    const inRange = (range: string, code: number) =>
      range.split(',').some((part) => {
        const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
        const low = parseInt(from!, 16);
        return code >= low && code <= (to ? parseInt(to, 16) : low);
      });
    const faces = [...document.fonts].filter((face) => face.family.replace(/"/g, '') === 'Noto Sans' && face.status === 'loaded');
    probe.remove();
    return [...text].map((letter) => faces.some((face) => inRange(face.unicodeRange, letter.codePointAt(0)!)));
  }, letters);
  expect(covered).toEqual([...letters].map(() => true));
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^"?Noto Sans"?/);
});

test.describe('read aloud', () => {
  test('is hidden where the browser has no voice to speak with', async ({ page }) => {
    const kiosk = new KioskPage(page);
    await kiosk.open();
    expect(await page.evaluate(() => speechSynthesis.getVoices().length)).toBe(0);
    await expect(page.getByRole('button', { name: 'Lue ääneen' })).toHaveCount(0);
  });

  test('reads the question and its answers in the chosen language', async ({ page }) => {
    await fakeSpeech(page);
    const kiosk = new KioskPage(page);
    await kiosk.open();
    await kiosk.chooseLanguage('Svenska');
    await kiosk.giveFeedback();
    await page.getByRole('button', { name: 'Läs upp' }).click();
    expect(await spokenOn(page)).toEqual([
      { text: 'Hur var dagen på dagcentret i dag? Mycket dålig. Dålig. Okej. Bra. Mycket bra.', lang: 'sv-SE' },
    ]);
    // No English voice here: the button goes away rather than reading English with a Finnish voice.
    await kiosk.chooseLanguage('English');
    await expect(page.getByRole('button', { name: 'Read aloud' })).toHaveCount(0);
  });
});
