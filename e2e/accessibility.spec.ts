import { expect, test, type Page } from '@playwright/test';
import { KioskPage } from './pages/kiosk-page';
import { expectKioskSizes, expectNoAxeViolations } from './support/axe';

const VIEWPORTS = [
  { name: 'landscape', width: 1280, height: 800 },
  { name: 'portrait', width: 800, height: 1280 },
];

async function check(page: Page, screen: string) {
  await expectNoAxeViolations(page, screen);
  await expectKioskSizes(page, screen);
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
    await check(page, 'face scale, one chosen');
    await kiosk.next();
    await kiosk.choose('Sosiaalityöntekijä');
    await check(page, 'multiple choice');
    await kiosk.next();
    await kiosk.choose('Vähän');
    await check(page, 'yes / a little / no');
    await kiosk.next();
    await kiosk.next();
    await kiosk.next();
    await kiosk.choose('En halua kertoa');
    await check(page, 'background question');
    await kiosk.next();
    await kiosk.write('Kiitos');
    await check(page, 'free text');

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
    // Headless Chromium has no voices, so this stands in for the Web Speech API and records.
    await page.addInitScript(() => {
      const spoken: { text: string; lang: string }[] = [];
      (window as unknown as { spoken: typeof spoken }).spoken = spoken;
      const voices = [
        { lang: 'fi-FI', name: 'Suomi', localService: true, default: true, voiceURI: 'fi' },
        { lang: 'sv-SE', name: 'Svenska', localService: true, default: false, voiceURI: 'sv' },
      ];
      class Utterance {
        lang = '';
        rate = 1;
        voice: unknown = null;
        constructor(readonly text: string) {}
      }
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance });
      Object.defineProperty(window, 'speechSynthesis', {
        value: Object.assign(new EventTarget(), {
          getVoices: () => voices,
          speak: (u: Utterance) => spoken.push({ text: u.text, lang: u.lang }),
          cancel: () => undefined,
        }),
      });
    });
    const kiosk = new KioskPage(page);
    await kiosk.open();
    await kiosk.chooseLanguage('Svenska');
    await kiosk.giveFeedback();
    await page.getByRole('button', { name: 'Läs upp' }).click();
    const spoken = await page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken);
    expect(spoken).toEqual([
      { text: 'Hur var dagen på dagcentret i dag? Mycket dålig. Dålig. Okej. Bra. Mycket bra.', lang: 'sv-SE' },
    ]);
    // No English voice here: the button goes away rather than reading English with a Finnish voice.
    await kiosk.chooseLanguage('English');
    await expect(page.getByRole('button', { name: 'Read aloud' })).toHaveCount(0);
  });
});
