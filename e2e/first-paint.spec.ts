import { expect, test, type Locator, type Page, type Route } from '@playwright/test';
import { KioskPage } from './pages/kiosk-page';
import { StaffMenuPage } from './pages/staff-menu-page';
import { startAppServer } from './support/app-server';
import { makePairingCode, publishNewTitle } from './support/server-data';
import bundledForm from '../src/domain/todays-feedback.form.json' with { type: 'json' };

// Requests served by a service worker pass by page.route: these tests hold the page's own.
test.use({ serviceWorkers: 'block' });

/** Holds the script files whose path matches until `release`. */
async function holdScript(page: Page, path: RegExp): Promise<{ release: () => void }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(path, async (route: Route) => {
    await released;
    await route.continue();
  });
  return { release };
}

/** Holds the kiosk's entry script: meanwhile the page is what index.html painted (and its DOMContentLoaded, which waits for module scripts, does not come). */
const holdKioskScript = (page: Page) => holdScript(page, /\/assets\/kiosk-[^/]+\.js$/);

/** Console errors and CSP violations, which a mismatched hydration or a blocked style would log. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

/** How many lines an element's text takes on screen. */
const linesOf = (element: Locator) =>
  element.evaluate((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
  });

const layoutShift = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => resolve(list.getEntries().reduce((sum, entry) => sum + (entry as PerformanceEntry & { value: number }).value, 0))).observe({
          type: 'layout-shift',
          buffered: true,
        });
        // No entry at all is no shift at all.
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(0)));
      }),
  );

test.describe('the start screen before any script', () => {
  test.use({ javaScriptEnabled: false });

  test('is painted from index.html, in Finnish, styled under a CSP without unsafe-inline', async ({ page }) => {
    const problems = watchConsole(page);
    const response = await page.goto('/');
    expect(response!.headers()['content-security-policy']).not.toContain('unsafe-inline');
    await expect(page.getByRole('heading', { level: 1, name: 'Päivän palaute' })).toBeVisible();
    const start = page.getByRole('button', { name: 'Anna palautetta' });
    await expect(start).toBeVisible();
    // The inlined stylesheet applied (a blocked one would leave a grey default button).
    await expect(start).toHaveCSS('background-color', 'rgb(10, 74, 134)');
    await expect(start).toHaveCSS('font-family', /Noto Sans/);
    for (const name of ['Suomi', 'Svenska', 'English']) await expect(page.getByRole('button', { name })).toBeVisible();
    expect(problems).toEqual([]);
  });
});

test('React takes over the painted start screen as it is: same elements, no shift, no console error', async ({ page }) => {
  const problems = watchConsole(page);
  const script = await holdKioskScript(page);
  await page.goto('/', { waitUntil: 'commit' });
  const heading = page.getByRole('heading', { level: 1, name: 'Päivän palaute' });
  await expect(heading).toBeVisible();
  // A mark on the painted element: a hydrated page keeps the element, a fresh render would not.
  await heading.evaluate((element) => element.setAttribute('data-painted', ''));
  const before = await page.getByRole('button', { name: 'Anna palautetta' }).boundingBox();
  script.release();
  const kiosk = new KioskPage(page);
  await kiosk.ready();
  await expect(heading).toHaveAttribute('data-painted', '');
  expect(await page.getByRole('button', { name: 'Anna palautetta' }).boundingBox()).toEqual(before);
  expect(await layoutShift(page)).toBe(0);
  await kiosk.giveFeedback();
  expect(problems).toEqual([]);
});

const NEW_TITLE = 'Kerro meille, millainen päivä sinulla oli tänään täällä päiväkeskuksessa';

test('a kiosk that keeps a newer published form shows it once the page runs, with nothing moving', async ({ page }) => {
  const server = await startAppServer();
  try {
    const kiosk = new KioskPage(page);
    const staff = new StaffMenuPage(page);
    await kiosk.open(server.url);
    await staff.enrollAs('Aula', makePairingCode(server.dataDir, 'Aula'), { close: false });
    // Long enough to take two lines where the bundled title takes one.
    publishNewTitle(server.dataDir, NEW_TITLE);
    await staff.sendAll();
    await staff.close();
    await expect(page.getByRole('heading', { level: 1, name: NEW_TITLE })).toBeVisible();

    const problems = watchConsole(page);
    const script = await holdKioskScript(page);
    await page.reload({ waitUntil: 'commit' });
    // Painted from index.html: the bundled form's title, until the page runs.
    await expect(page.getByRole('heading', { level: 1, name: 'Päivän palaute' })).toBeVisible();
    const start = page.getByRole('button', { name: 'Anna palautetta' });
    const before = await start.boundingBox();
    expect(await linesOf(page.getByRole('heading', { level: 1 }))).toBe(1);
    script.release();
    const title = page.getByRole('heading', { level: 1, name: NEW_TITLE });
    await expect(title).toBeVisible();
    await kiosk.ready();
    expect(await linesOf(title)).toBe(2);
    expect(await start.boundingBox()).toEqual(before);
    expect(await layoutShift(page)).toBe(0);
    expect(problems).toEqual([]);
  } finally {
    await server.stop();
  }
});

test('a tap on the staff menu before the later code has arrived opens it once it has, and it keeps its state', async ({ page }) => {
  const server = await startAppServer();
  try {
    const later = await holdScript(page, /\/assets\/later-[^/]+\.js$/);
    const kiosk = new KioskPage(page);
    const staff = new StaffMenuPage(page);
    await kiosk.open(server.url);
    await staff.open();
    await expect(page.getByRole('heading', { name: 'Ota laite käyttöön' })).toBeHidden();
    later.release();
    await staff.enroll(makePairingCode(server.dataDir, 'Aula'), '2468');
    await expect(page.getByText('Aula', { exact: true })).toBeVisible();
    // A new form arriving re-renders the whole kiosk; the unlocked menu stays unlocked.
    publishNewTitle(server.dataDir, 'Kerro päivästäsi');
    await staff.sendAll();
    await staff.close();
    await expect(page.getByRole('heading', { level: 1, name: 'Kerro päivästäsi' })).toBeVisible();
  } finally {
    await server.stop();
  }
});

test('a kiosk upgraded from a release that kept its form unmarked checks the form once, shows it and works', async ({ page }) => {
  // As the release before kept a published form: no mark of the schema that validated it.
  const kept = { definition: { ...bundledForm, title: { ...bundledForm.title, fi: 'Aiemmin julkaistu lomake' } }, etag: '"w/1"' };
  await page.addInitScript(
    ([key, value]) => {
      if (!localStorage.getItem(key)) localStorage.setItem(key, value);
    },
    ['kiosk:published-form', JSON.stringify(kept)] as const,
  );
  const kiosk = new KioskPage(page);
  await kiosk.open();
  await expect(page.getByRole('heading', { level: 1, name: 'Aiemmin julkaistu lomake' })).toBeVisible();
  await kiosk.giveFeedback();
  await kiosk.expectQuestion('Millainen päivä päiväkeskuksessa oli tänään?');
  // Checked by this release's validator, kept with no notices and no hours, and marked so the next start need not load it.
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('kiosk:published-form')!))).toMatchObject({ schema: 2, notices: [], openingHours: null });
});
