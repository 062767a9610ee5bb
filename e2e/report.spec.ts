import { expect, test } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { sampleResponse } from '../src/domain/sample-response';
import { CoordinatorPage } from './pages/coordinator-page';
import type { AppServer } from './support/app-server';
import { expectNoAxeViolations } from './support/axe';
import { COORDINATOR, enrollOverHttp, sendOverHttp, startServerWithCoordinator } from './support/server-data';

let server: AppServer;
test.beforeEach(async () => {
  server = await startServerWithCoordinator();
});
test.afterEach(() => server.stop());

/** The month before this one (Helsinki), and its first three Mondays and first Tuesday. */
function lastMonth() {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(new Date());
  const first = new Date(`${today.slice(0, 7)}-01T12:00:00Z`);
  first.setUTCMonth(first.getUTCMonth() - 1);
  const month = first.toISOString().slice(0, 7);
  const days = Array.from({ length: 28 }, (_, i) => new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), i + 1)));
  const on = (weekday: number) => days.filter((d) => d.getUTCDay() === weekday).map((d) => d.toISOString().slice(0, 10));
  const [m1, m2, m3] = on(1) as [string, string, string];
  return { month, m1, m2, m3, t1: on(2)[0]! };
}

/** The text of each page of a PDF, whitespace made plain. */
async function pdfPages(pdf: Buffer): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(pdf) }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' ').trim());
  }
  return pages;
}

test('the evaluation report: a month with known answers and day logs, its sentences, the CSV, and a printed PDF', async ({ page }) => {
  test.setTimeout(120_000);
  const { month, m1, m2, m3, t1 } = lastMonth();
  // The nurse came on two Mondays (25 of 40 got help); on a Tuesday and a third Monday she did not (16 of 40).
  const many = (count: number, date: string, answers: Record<string, string | string[]>) => Array.from({ length: count }, () => sampleResponse({ date, answers }));
  const met = { met: ['health-station'] };
  const token = await enrollOverHttp(server, 'Aula');
  const sent = await sendOverHttp(server, token, [
    ...many(13, m1, { day: '5', ...met, 'got-help': 'yes', needs: ['food'] }),
    ...many(7, m1, { day: '2', ...met, 'got-help': 'no', needs: ['housing'] }),
    ...many(12, m2, { day: '4', ...met, 'got-help': 'yes' }),
    ...many(8, m2, { day: '3', ...met, 'got-help': 'no', 'age-group': 'under-30', 'anything-else': 'Nimeni on Matti' }),
    ...many(8, t1, { day: '4', ...met, 'got-help': 'yes' }),
    ...many(12, t1, { day: '1', ...met, 'got-help': 'no' }),
    ...many(8, m3, { day: '4', ...met, 'got-help': 'yes' }),
    ...many(12, m3, { day: '2', ...met, 'got-help': 'no' }),
  ]);
  expect(sent.status).toBe(200);

  const coordinator = new CoordinatorPage(page);
  await coordinator.open(server.url);
  // The header's language choice reads on its band: it showed white on white.
  const colours = await page.locator('header select').evaluate((select) => [getComputedStyle(select).color, getComputedStyle(select).backgroundColor]);
  expect(colours[0]).not.toBe(colours[1]);
  await expect(page.locator('header select')).toHaveValue('fi');
  await coordinator.signIn(COORDINATOR.username, COORDINATOR.password);
  await expect(coordinator.signedInAs(COORDINATOR.username)).toBeVisible();
  // The day log, as the coordinator's page writes it.
  const logged = await page.evaluate(
    async (days) => {
      const answers = [];
      for (const [date, professionals, mealsServed] of days) {
        const reply = await fetch(`/api/coordinator/day-log/paivakeskus/${date}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ date, mealsServed, professionals, note: 'Muistiinpano' }),
        });
        answers.push(reply.status);
      }
      return answers;
    },
    [
      [m1, ['health-station'], 50],
      [m2, ['health-station'], 50],
      [t1, [], 40],
      [m3, [], 60],
    ] as [string, string[], number][],
  );
  expect(logged).toEqual([200, 200, 200, 200]);

  // At a glance on the dashboard: the month against the one before it, which has nothing.
  const monthEnd = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
  await coordinator.setRange(`${month}-01`, monthEnd);
  await page.getByRole('button', { name: 'Näytä' }).click();
  const glance = page.getByRole('region', { name: 'Yhdellä silmäyksellä' });
  const figure = (label: string) => glance.getByRole('listitem').filter({ hasText: label });
  await expect(figure('Vastauksia ateriaa kohden')).toContainText('0,40');
  await expect(figure('Vastauksia').first()).toContainText('80Edellinen jakso 0, muutos +80');
  await expect(figure('Hyviä tai tosi hyviä päiviä')).toContainText('51 %Edelliseltä jaksolta ei ole vertailulukua.');
  await expect(figure('Sai apua (tavanneista)')).toContainText('51 %');
  await expectNoAxeViolations(page, 'the dashboard at a glance');
  // Languages are named in the coordinator's language, not by the browser (which lacks Sámi).
  await expect(page.getByLabel('Vastausten kieli').locator('option')).toHaveText(['Kaikki kielet', 'suomi', 'ruotsi', 'englanti', 'pohjoissaame']);
  // One language chosen: the glance still covers them all, and says so.
  await page.getByLabel('Vastausten kieli').selectOption({ label: 'ruotsi' });
  await page.getByRole('button', { name: 'Näytä' }).click();
  await expect(page.getByText(/Kaikki kielet ja lomakeversiot\./)).toBeVisible();
  await expect(figure('Vastauksia').first()).toContainText('80Edellinen jakso 0, muutos +80');
  await page.getByLabel('Vastausten kieli').selectOption({ label: 'Kaikki kielet' });
  // A professional never logged as present: said in words, with no empty charts.
  await page.getByLabel('Ammattilainen').selectOption({ label: 'Päihdepalvelut' });
  await expect(page.getByText('Päihdepalvelut ei ollut päiväkirjan mukaan paikalla yhtenäkään päivänä tällä aikavälillä.')).toBeVisible();
  // A range with no day log says what is missing, and links to where to put it right.
  await coordinator.setRange('2020-01-01', '2020-01-31');
  await page.getByRole('button', { name: 'Näytä' }).click();
  await expect(figure('Vastauksia ateriaa kohden')).toContainText('Aterioita ei ole kirjattu tälle jaksolle.');
  await expect(page.getByText('Aikavälille ei ole päiväkirjamerkintöjä')).toBeVisible();
  await page.getByRole('link', { name: 'Kirjaa ne päiväkirjaan.' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Päiväkirja' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Osiot' }).getByRole('link', { name: 'Raportti' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Raportti' })).toBeVisible();
  await page.getByLabel('Kuukausi', { exact: true }).fill(month);
  await page.getByRole('button', { name: 'Näytä' }).click();
  const report = page.getByRole('article', { name: /^Arviointiraportti: Päivän palaute/ });
  await expect(report.getByRole('heading', { name: 'Tunnusluvut' })).toBeVisible();

  const sentence =
    'Niinä 2 päivänä, kun terveysaseman hoitaja oli paikalla, kysymykseen ”Saitko apua asiaasi?” vastasi ”Kyllä” 63 % vastanneista (40 vastausta, 95 %:n luottamusväli 47–76 %). Muina 2 päivänä osuus oli 40 % (40 vastausta, 26–55 %).';
  // Intl puts a no-break space before "%": the page's text is compared with plain spaces.
  const plain = (text: string) => text.replace(/\s+/g, ' ');
  // The report of the month opened first stays until the chosen month's has come: wait for it.
  await expect(report.locator('.report__sentence', { hasText: 'Niinä 2 päivänä, kun terveysaseman hoitaja' })).toHaveCount(1);
  const sentences = await report.locator('.report__sentence').allTextContents();
  const nurse = sentences.map(plain).find((text) => text.startsWith('Niinä 2 päivänä, kun terveysaseman hoitaja'));
  expect(nurse).toBe(`${sentence} Ero on +23 prosenttiyksikköä (95 %:n luottamusväli +1 … +42). Väli ei sisällä nollaa, mutta ero ei yksin kerro, että ero johtuu läsnäolosta.`);
  // On Mondays only, the other Monday's 20 answers are too few to compare.
  await expect(report.getByText(/Samoina viikonpäivinä \(maanantai\): Terveysasema: vastauksia on liian vähän vertailuun \(paikalla 40, muina päivinä 20/)).toBeVisible();
  expect(plain((await report.locator('.report__sentence').first().textContent())!)).toBe('”Hyvä” ja ”Tosi hyvä”: 51 % vastanneista (95 %:n luottamusväli 40–62 %, 80 vastausta).');
  // Nothing of the age group, the free texts or the day log's notes.
  for (const leak of ['Alle 30 vuotta', 'Nimeni on Matti', 'Muistiinpano', 'Kuinka vanha']) await expect(report.getByText(leak)).toHaveCount(0);
  await expectNoAxeViolations(page, 'the report');

  // The figures as a CSV in the downloads' format.
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Lataa raportin luvut (CSV)' }).click()]);
  const csv = await (await import('node:fs/promises')).readFile((await file.path())!, 'utf8');
  expect(csv.startsWith('\ufeffunit;section;measure;')).toBe(true);
  expect(csv).toContain('Päiväkeskus;presence;positive_answer;');

  // Printed: A4 pages, each section's heading and the sentence's numbers in the text, no blank page.
  const pages = await pdfPages(await page.pdf({ format: 'A4', printBackground: true }));
  expect(pages.length).toBeGreaterThanOrEqual(2);
  expect(pages.length).toBeLessThanOrEqual(6);
  for (const [n, text] of pages.entries()) expect(text.length, `page ${n + 1} has text`).toBeGreaterThan(40);
  // Compared without spaces: where a printed line breaks, the PDF's text has a space.
  const all = pages.join('').replace(/\s+/g, '');
  const squeezed = (text: string) => text.replace(/\s+/g, '');
  for (const heading of ['Tunnusluvut', 'Millainen päivä oli', 'Kun ammattilainen oli paikalla', 'Tavoittavuus', 'Mihin kävijät tarvitsevat apua']) expect(all).toContain(squeezed(heading));
  expect(all).toContain(squeezed('63 % vastanneista (40 vastausta, 95 %:n luottamusväli 47–76 %)'));
  expect(all).toContain(squeezed('Muina 2 päivänä osuus oli 40 % (40 vastausta, 26–55 %)'));
  expect(all).toContain(squeezed('Ero on +23 prosenttiyksikköä (95 %:n luottamusväli +1 … +42)'));
  // The coordinator's tools are not printed.
  expect(all).not.toContain(squeezed('Tulosta tai tallenna PDF:ksi'));
  expect(all).not.toContain('Kirjautunut');
});
