import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { sampleResponse } from '../src/domain/sample-response';
import { KioskPage } from './pages/kiosk-page';
import { StaffMenuPage } from './pages/staff-menu-page';
import { startAppServer, type AppServer } from './support/app-server';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy';
import { forceCloseIndexedDb } from './support/indexeddb-internals';
import { putInOutbox, putInSetAside, readOutbox } from './support/kiosk-storage';
import { enrollOverHttp as enroll, makePairingCode, publishNewTitle, sendOverHttp as send, storedResponses } from './support/server-data';

// Real server processes, a real SQLite file, real HTTP: the faults a kiosk meets in the field.

const batchOf = (n: number) => Array.from({ length: n }, () => sampleResponse({ answers: { day: '4', needs: ['food'] } }));

test('two kiosks sending at the same time: everything stored, nothing twice', async () => {
  const server = await startAppServer();
  try {
    const [first, second] = [await enroll(server, 'A'), await enroll(server, 'B')];
    const batches = Array.from({ length: 8 }, () => batchOf(100));
    const replies = await Promise.all(batches.map((batch, i) => send(server, i % 2 ? first : second, batch)));
    expect(replies.map((r) => r.status)).toEqual(batches.map(() => 200));
    const stored = storedResponses(server.dataDir);
    expect(stored).toHaveLength(800);
    expect(new Set(stored.map((r) => r.id)).size).toBe(800);
  } finally {
    await server.stop();
  }
});

/** A server's answer to a batch; status 0 when none came (the connection broke). */
type BatchAnswer = { status: number; results: { id: string; status: string }[] };

/**
 * Sends 12 batches of 500 to a real server process and stops it (`stop`) as soon as the first
 * has its answer, while it is still checking and storing the others; `check` looks at the
 * answers and the file. Then the server starts again on the same file, the kiosk resends
 * everything, and each response must be stored exactly once.
 */
async function stopInTheMiddleOfBatches(stop: (server: AppServer) => Promise<void>, check: (answers: BatchAnswer[], dataDir: string) => void) {
  const dataDir = mkdtempSync(join(tmpdir(), 'feedback-stop-'));
  let server = await startAppServer('dist', { dataDir });
  const port = Number(new URL(server.url).port);
  try {
    const token = await enroll(server, 'A');
    const batches = Array.from({ length: 12 }, () => batchOf(500));
    const inFlight = batches.map((batch) =>
      send(server, token, batch).then(
        async (reply): Promise<BatchAnswer> => ({ status: reply.status, results: reply.status === 200 ? ((await reply.json()) as BatchAnswer).results : [] }),
        (): BatchAnswer => ({ status: 0, results: [] }),
      ),
    );
    await Promise.race(inFlight);
    await stop(server);
    check(await Promise.all(inFlight), dataDir);

    // The kiosk resends what it has no "accepted" or "duplicate" for: here, everything again.
    server = await startAppServer('dist', { port, dataDir });
    for (const batch of batches) expect((await send(server, token, batch)).status).toBe(200);
    const stored = storedResponses(dataDir);
    expect(stored).toHaveLength(6000);
    expect(new Set(stored.map((r) => r.id)).size).toBe(6000);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

test('the server killed (SIGKILL) in the middle of large batches, restarted, the kiosk resends: each response exactly once', async () => {
  await stopInTheMiddleOfBatches(
    (server) => server.stop(),
    (answers, dataDir) => {
      expect(answers.some((answer) => answer.status === 0), 'the kill cut at least one request off').toBe(true);
      expect(storedResponses(dataDir).length % 500, 'a batch is stored whole or not at all').toBe(0);
    },
  );
});

test('the server asked to stop (SIGTERM) in the middle of large batches: what it answered "accepted" is stored, the rest resent once', async () => {
  await stopInTheMiddleOfBatches(
    async (server) => expect(await server.terminate(), 'a clean exit').toBe(0),
    (answers, dataDir) => {
      const stored = new Set(storedResponses(dataDir).map((r) => r.id));
      // Nothing was answered "accepted" that is not on disk; a batch is stored whole or not at all.
      const acceptedIds = answers.flatMap((a) => a.results.filter((r) => r.status === 'accepted').map((r) => r.id));
      expect(acceptedIds.filter((id) => !stored.has(id))).toEqual([]);
      expect(stored.size % 500).toBe(0);
      expect(answers.every((a) => [0, 200, 503].includes(a.status)), JSON.stringify(answers.map((a) => a.status))).toBe(true);
    },
  );
});

test.describe('a real kiosk in Chromium, behind a proxy that fails its sync requests', () => {
  let server: AppServer;
  let proxy: FaultProxy;
  test.beforeEach(async () => {
    server = await startAppServer();
    proxy = await startFaultProxy(server.url);
  });
  test.afterEach(async () => {
    await proxy.stop();
    await server.stop();
  });

  const FACES = ['Tosi huono', 'Huono', 'Ihan ok', 'Hyvä', 'Tosi hyvä'];

  /** An enrolled kiosk at the proxy's address with five answers waiting, and its staff menu open. */
  async function kioskWithFiveWaiting(page: Page) {
    await page.clock.install();
    const kiosk = new KioskPage(page);
    const staff = new StaffMenuPage(page);
    await kiosk.open(proxy.url);
    await staff.enrollAs('Aula', makePairingCode(server.dataDir, 'Aula'));
    for (const face of FACES) await kiosk.giveOnlyAFace(face);
    expect(await readOutbox(page)).toHaveLength(5);
    await staff.open();
    await staff.unlock('2468');
    await expect(staff.waiting()).toHaveText('5');
    return { kiosk, staff };
  }

  const storedIds = () => storedResponses(server.dataDir).map((r) => r.id).sort();

  test('the server answers 500 to the first three attempts: the kiosk backs off, retries by itself, each response stored once', async ({ page }) => {
    const { staff } = await kioskWithFiveWaiting(page);
    const waitingIds = (await readOutbox(page)).map((r) => r.id).sort();
    proxy.arm('answer-500', 3);
    const before = proxy.syncRequests();
    await staff.sendNow();
    await expect(page.getByText('Injected by the test proxy.')).toBeVisible();
    await expect(staff.waiting()).toHaveText('5');

    // Back-off with full jitter: 1 s, 2 s, 4 s ceilings, on the page's clock, which runs on in
    // real time. (Jumping it ahead while a request is out would let the request's own 30 s
    // limit run out before the network could answer.)
    await expect.poll(storedIds, { timeout: 30_000 }).toEqual(waitingIds);
    await expect.poll(async () => (await readOutbox(page)).length).toBe(0);
    expect(proxy.syncRequests() - before, 'three refused, then one that went through').toBeGreaterThanOrEqual(4);
  });

  test('the connection drops after the server committed: the kiosk keeps its copy, resends, and the server says it already had them', async ({ page }) => {
    const { staff } = await kioskWithFiveWaiting(page);
    const waitingIds = (await readOutbox(page)).map((r) => r.id).sort();
    proxy.arm('drop-after-commit');
    await staff.sendNow();
    await expect(page.getByText('The server cannot be reached.')).toBeVisible();
    // The dangerous moment: stored on the server, no answer at the kiosk, which must keep them.
    // (Not read from the outbox here: the retry may already have come, a second or so later.)
    expect(storedIds()).toEqual(waitingIds);

    // It tries again within a second or so (the connection failed, so the server counts as
    // unreachable) with all five it kept, and the server says it already had each.
    await expect.poll(async () => (await readOutbox(page)).length, { timeout: 30_000 }).toBe(0);
    expect(storedIds()).toEqual(waitingIds);
    const resent = proxy.serverAnswers().at(-1)!.body as { results: { id: string; status: string }[] };
    expect(resent.results.filter((r) => r.status === 'duplicate').map((r) => r.id).sort()).toEqual(waitingIds);
  });

  test('the same batch reaches the server twice: stored once, the kiosk empties its outbox', async ({ page }) => {
    const { staff } = await kioskWithFiveWaiting(page);
    const waitingIds = (await readOutbox(page)).map((r) => r.id).sort();
    proxy.arm('send-twice');
    await staff.sendAll();
    const [first, second] = proxy.serverAnswers().slice(-2).map((a) => a.body as { results: { status: string }[] });
    expect(first!.results.map((r) => r.status)).toEqual(Array(5).fill('accepted'));
    expect(second!.results.map((r) => r.status)).toEqual(Array(5).fill('duplicate'));
    expect(storedIds()).toEqual(waitingIds);
    expect(await readOutbox(page)).toEqual([]);
  });

  test('a response the server refuses is set aside with its reason in the staff menu, and the rest are stored', async ({ page }) => {
    const { staff } = await kioskWithFiveWaiting(page);
    const waitingIds = (await readOutbox(page)).map((r) => r.id).sort();
    // As a response written by an older app version, or damaged on the device, would sit there.
    const [template] = await readOutbox(page);
    await putInOutbox(page, { ...template, id: '3b241101-e2bb-4255-8caf-4136c566a962', answers: { day: '9' } });
    await staff.sendAll();
    await expect(page.getByRole('listitem').filter({ hasText: '"9" is not an option' })).toBeVisible();
    expect(storedIds()).toEqual(waitingIds);
    expect(await readOutbox(page)).toEqual([]);
  });

  test('a request that never answers: the kiosk gives up after 30 s, so sending is not stuck, and delivers at its next try', async ({ page }) => {
    const { staff } = await kioskWithFiveWaiting(page);
    const waitingIds = (await readOutbox(page)).map((r) => r.id).sort();
    proxy.arm('hang');
    const before = proxy.syncRequests();
    await staff.sendNow();
    await expect.poll(() => proxy.syncRequests(), { message: 'the request reached the proxy, which holds it' }).toBe(before + 1);
    await expect(page.getByRole('button', { name: 'Lähetetään…' })).toBeVisible();
    await page.clock.fastForward(30_000);
    await expect(page.getByText('The server did not answer within 30 s.')).toBeVisible();
    // Not stuck: the next try (within a second or so, as for an unreachable server) goes through.
    await expect.poll(storedIds, { timeout: 30_000 }).toEqual(waitingIds);
    await expect(staff.waiting()).toHaveText('0');
  });

  test('a response for a form version the server does not know is kept while the rest go, and goes once the version is there', async ({ page }) => {
    const { staff } = await kioskWithFiveWaiting(page);
    const waitingIds = (await readOutbox(page)).map((r) => r.id).sort();
    const [template] = await readOutbox(page);
    const ofVersion2 = { ...template, id: '6f1c2b7e-5d4a-4c3b-9a8e-1f2d3c4b5a69', formVersion: 2 };
    await putInOutbox(page, ofVersion2);
    await staff.sendNow();
    await expect(page.getByText(/1 kept to send again later: form todays-feedback version 2 is not known here/)).toBeVisible();
    await expect(staff.waiting()).toHaveText('1');
    expect(storedIds()).toEqual(waitingIds);
    await expect(page.getByRole('heading', { name: 'Syrjään pannut vastaukset' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Lähetä uudelleen' })).toHaveCount(0);

    // The version becomes known (a server restored from an older backup, then put right).
    publishNewTitle(server.dataDir, 'Kerro päivästäsi');
    // Not a failure to back off from: the next regular send (10 to 20 minutes on) takes it.
    await page.clock.fastForward(20 * 60_000);
    await expect.poll(storedIds).toEqual([...waitingIds, ofVersion2.id].sort());
    await expect.poll(async () => (await readOutbox(page)).length).toBe(0);
  });

  test('a response dated ahead of the server is set aside as a clock problem; set-aside responses can be sent again', async ({ page }) => {
    const { staff } = await kioskWithFiveWaiting(page);
    const waitingIds = (await readOutbox(page)).map((r) => r.id).sort();
    const [template] = await readOutbox(page);
    await putInOutbox(page, { ...template, id: '0d5a9c1e-2b3f-4e6d-8a7b-9c0d1e2f3a4b', date: '2099-01-01' });
    // One an earlier server refused (its own clock was wrong), now fine to send.
    const refusedEarlier = { ...template, id: 'a7e3c2b1-9d8f-4a6b-8c5d-3e2f1a0b9c8d' };
    await putInSetAside(page, { id: refusedEarlier.id, response: refusedEarlier, reason: "dated 2026-12-01, but the server's date is 2026-11-28", kind: 'clock' });
    // And a record damaged on the device: listed, never in the way of the others.
    await putInSetAside(page, { id: 'damaged', response: null, reason: 'an answer that no longer fits' });
    await staff.sendAll();
    const clockProblem = page.getByRole('listitem').filter({ hasText: 'Laitteen kello oli väärässä ajassa' });
    await expect(clockProblem.filter({ hasText: 'dated 2099-01-01' })).toBeVisible();
    expect(storedIds()).toEqual(waitingIds);

    await page.getByRole('button', { name: 'Lähetä uudelleen' }).click();
    // The one that can go now is stored; the one dated 2099 is refused again and stays, with its reason.
    await expect.poll(storedIds).toEqual([...waitingIds, refusedEarlier.id].sort());
    await expect(clockProblem).toHaveCount(1);
    await expect(clockProblem).toContainText('dated 2099-01-01');
    await expect(page.getByRole('listitem').filter({ hasText: '?: an answer that no longer fits' })).toBeVisible();
    expect(await readOutbox(page)).toEqual([]);
  });
});

test('the browser closes IndexedDB under the app: the next answer reopens it and nothing is lost', async ({ page, context }) => {
  const server = await startAppServer();
  try {
    await page.clock.install();
    const kiosk = new KioskPage(page);
    const staff = new StaffMenuPage(page);
    await kiosk.open(server.url);
    await staff.enrollAs('Aula', makePairingCode(server.dataDir, 'Aula'));
    await kiosk.giveOnlyAFace('Hyvä');
    await kiosk.giveOnlyAFace('Huono');

    await forceCloseIndexedDb(context, server.url);

    await kiosk.giveOnlyAFace('Tosi hyvä');
    expect((await readOutbox(page)).map((r) => r.answers.day).sort()).toEqual(['2', '4', '5']);
    await staff.open();
    await staff.unlock('2468');
    await expect(staff.waiting()).toHaveText('3');
    await staff.sendAll();
    expect(storedResponses(server.dataDir).map((r) => r.answers.day).sort()).toEqual(['2', '4', '5']);
  } finally {
    await server.stop();
  }
});
