import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { KioskPage } from './pages/kiosk-page';
import { StaffMenuPage } from './pages/staff-menu-page';
import { startAppServer } from './support/app-server';
import { startFaultProxy } from './support/fault-proxy';
import { readOutbox } from './support/kiosk-storage';
import { makePairingCode, publishNewTitle, storedFormVersions, storedResponses } from './support/server-data';

test('staff enroll the kiosk with a pairing code; what visitors give reaches the server once and leaves the kiosk', async ({ page }) => {
  const server = await startAppServer();
  try {
    const code = makePairingCode(server.dataDir, 'Aula');
    await page.clock.install();
    const kiosk = new KioskPage(page);
    const staff = new StaffMenuPage(page);
    await kiosk.open(server.url);

    await staff.enrollAs('Aula', code);

    for (const face of ['Hyvä', 'Huono', 'Tosi hyvä']) await kiosk.giveOnlyAFace(face);
    // Nothing is sent right after an answer: the kiosk sends on its own schedule.
    expect(storedResponses(server.dataDir)).toHaveLength(0);
    expect(await readOutbox(page)).toHaveLength(3);

    await staff.open();
    await staff.unlock('2468');
    await expect(staff.waiting()).toHaveText('3');
    await staff.sendAll();
    await expect.poll(() => storedResponses(server.dataDir).map((r) => r.answers.day).sort()).toEqual(['2', '4', '5']);
    expect(await readOutbox(page)).toEqual([]);
  } finally {
    await server.stop();
  }
});

test("the staff menu warns when the tablet's clock is hours from the server's", async ({ page }) => {
  const server = await startAppServer();
  try {
    // The tablet's clock runs three hours fast: its answers would land on wrong days near midnight.
    await page.clock.install({ time: new Date(Date.now() + 3 * 3_600_000) });
    const staff = new StaffMenuPage(page);
    await new KioskPage(page).open(server.url);
    await staff.enrollAs('Aula', makePairingCode(server.dataDir, 'Aula'), { close: false });
    // Enrolling sends at once; the server's Date header on the answer tells the difference.
    await expect(page.getByRole('alert').filter({ hasText: 'Tämän laitteen kello on noin 3 h edellä palvelimen kelloa.' })).toBeVisible();
  } finally {
    await server.stop();
  }
});

test('the staff menu refuses a wrong PIN and a used pairing code', async ({ page }) => {
  const server = await startAppServer();
  try {
    const code = makePairingCode(server.dataDir, 'Aula');
    const kiosk = new KioskPage(page);
    const staff = new StaffMenuPage(page);
    await kiosk.open(server.url);
    await staff.open();
    await staff.enroll('AAAA-BBBB', '2468');
    await expect(page.getByRole('alert')).toHaveText(/unknown, already used or expired/);
    await staff.enroll(code, '2468');
    await expect(page.getByText('Aula', { exact: true })).toBeVisible();
    await staff.close();
    await staff.open();
    await staff.unlock('1111');
    await expect(page.getByRole('alert')).toHaveText('Väärä PIN.');
  } finally {
    await server.stop();
  }
});

test('with the server down behind its proxy through 30 answers, the kiosk resumes by itself once it is back, no reload', async ({ page }) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'feedback-outage-'));
  let server = await startAppServer('dist', { dataDir });
  const port = Number(new URL(server.url).port);
  // As in production: the tablets reach a reverse proxy, which answers 502 while the app is down.
  const proxy = await startFaultProxy(server.url);
  try {
    await page.clock.install();
    const kiosk = new KioskPage(page);
    const staff = new StaffMenuPage(page);
    await kiosk.open(proxy.url);
    await staff.enrollAs('Aula', makePairingCode(dataDir, 'Aula'));
    await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));

    await server.stop();
    const faces = ['Tosi huono', 'Huono', 'Ihan ok', 'Hyvä', 'Tosi hyvä'];
    for (let i = 0; i < 30; i++) await kiosk.giveOnlyAFace(faces[i % 5]!);
    expect(await readOutbox(page)).toHaveLength(30);

    // The outage lasts past a scheduled send: the proxy answers 502, and the staff menu says so.
    // fastForward jumps, firing what fell due once (a tablet left alone for 20 minutes); runFor
    // could also fire a request's own 30 s limit before the network had a chance to answer.
    await page.clock.fastForward(20 * 60_000);
    await staff.open();
    await staff.unlock('2468');
    await expect(page.getByText('The server cannot be reached (502).')).toBeVisible();
    await expect(staff.waiting()).toHaveText('30');
    await staff.close();

    server = await startAppServer('dist', { port, dataDir });
    // A minute passes with nobody touching anything: the kiosk's next try, never more than a
    // minute away, goes through. (That the wait never grows past a minute, however long the
    // outage, the sync engine's own tests show with a clock of their own.)
    await page.clock.fastForward(60_000);
    await expect.poll(() => storedResponses(dataDir).length).toBe(30);
    await expect.poll(async () => (await readOutbox(page)).length).toBe(0);
    expect(new Set(storedResponses(dataDir).map((r) => r.id)).size).toBe(30);
    expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
  } finally {
    await proxy.stop();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a newly published form reaches the kiosk at its next send, stays for offline use, and new answers carry its version', async ({ page }) => {
  const server = await startAppServer();
  try {
    const kiosk = new KioskPage(page);
    const staff = new StaffMenuPage(page);
    await kiosk.open(server.url);
    await staff.open();
    await staff.enroll(makePairingCode(server.dataDir, 'Aula'), '2468');
    await expect(page.getByText('Aula', { exact: true })).toBeVisible();

    const version = publishNewTitle(server.dataDir, 'Kerro päivästäsi');
    await staff.sendAll();
    await staff.close();
    await expect(page.getByRole('heading', { level: 1, name: 'Kerro päivästäsi' })).toBeVisible();

    await kiosk.answerOnlyTheFace('Hyvä');
    await kiosk.send();
    const [response] = await readOutbox(page);
    expect(response!.formVersion).toBe(version);

    await staff.open();
    await staff.unlock('2468');
    await staff.sendNow();
    await expect.poll(() => storedFormVersions(server.dataDir)).toEqual([version]);
    await staff.close();

    // Offline, the kiosk starts with the form it kept.
    await server.stop();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Kerro päivästäsi' })).toBeVisible();
  } finally {
    await server.stop();
  }
});

test('a form published while someone is answering waits: their answers keep the version they began with', async ({ page }) => {
  const server = await startAppServer();
  try {
    const kiosk = new KioskPage(page);
    const staff = new StaffMenuPage(page);
    await kiosk.open(server.url);
    await staff.enrollAs('Aula', makePairingCode(server.dataDir, 'Aula'));
    await kiosk.giveFeedback();
    await kiosk.choose('Hyvä');

    // Mid-visit the kiosk syncs (the browser comes back online) and receives version 2.
    const version = publishNewTitle(server.dataDir, 'Kerro päivästäsi');
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect
      .poll(() => page.evaluate(() => (JSON.parse(localStorage.getItem('kiosk:published-form') ?? 'null') as { definition?: { version: number } } | null)?.definition?.version))
      .toBe(version);

    await kiosk.next();
    await kiosk.skip(4);
    await kiosk.expectReview();
    await kiosk.send();
    const [response] = await readOutbox(page);
    expect(response).toMatchObject({ formVersion: 1, answers: { day: '4' } });
    // The next person gets the new version.
    await expect(page.getByRole('heading', { level: 1, name: 'Kerro päivästäsi' })).toBeVisible({ timeout: 15_000 });
  } finally {
    await server.stop();
  }
});
