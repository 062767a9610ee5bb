import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Browser } from '@playwright/test';
import { KioskPage } from './pages/kiosk-page';
import { StaffMenuPage } from './pages/staff-menu-page';
import { startAppServer, type AppServer } from './support/app-server';
import { readKept, readOutbox } from './support/kiosk-storage';
import { addDays } from '../src/domain/periods';
import { madeAndReceived, makePairingCode, storedResponses } from './support/server-data';

const run = promisify(execFile);
const PASSPHRASE = 'the welfare area keeps this in its safe';

/** Runs one of the operator's commands (`npm run backup`, `npm run restore -- FILE`) as a process. */
function operatorCommand(tool: 'backup' | 'restore', env: Record<string, string>, ...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', resolve(`server/cli/${tool}.ts`), ...args], { env: { ...process.env, ...env } });
}

async function openKiosk(browser: Browser, server: AppServer, name: string) {
  const context = await browser.newContext({ locale: 'fi-FI', timezoneId: 'Europe/Helsinki', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.clock.install();
  const kiosk = new KioskPage(page);
  const staff = new StaffMenuPage(page);
  await kiosk.open(server.url);
  await staff.enrollAs(name, makePairingCode(server.dataDir, name));
  return {
    page,
    kiosk,
    /** Staff press "Send now" and wait until nothing waits. */
    async sendNow() {
      await staff.open();
      await staff.unlock('2468');
      await staff.sendAll();
      await staff.close();
    },
    close: () => context.close(),
  };
}

test("a restore from last night's backup loses nothing: every acknowledged answer is stored exactly once after the kiosks reconnect", async ({ browser }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'feedback-drill-data-'));
  const backupDir = mkdtempSync(join(tmpdir(), 'feedback-drill-backups-'));
  const settings = { DATA_DIR: dataDir, BACKUP_DIR: backupDir, BACKUP_PASSPHRASE: PASSPHRASE };
  let server = await startAppServer('dist', { dataDir, env: settings });
  const kiosks = [await openKiosk(browser, server, 'Aula'), await openKiosk(browser, server, 'Ruokasali')];
  try {
    // 1. Both kiosks sync before the backup, and again while it is taken.
    for (const { kiosk } of kiosks) for (const face of ['Hyvä', 'Huono']) await kiosk.giveOnlyAFace(face);
    for (const k of kiosks) await k.sendNow();
    for (const { kiosk } of kiosks) await kiosk.giveOnlyAFace('Tosi hyvä');
    await Promise.all([operatorCommand('backup', settings), ...kiosks.map((k) => k.sendNow())]);
    const [backup] = readdirSync(backupDir);
    expect(backup).toMatch(/\.sqlite\.enc$/);

    // 2. More answers are acknowledged after the backup.
    for (const { kiosk } of kiosks) for (const face of ['Ihan ok', 'Tosi huono']) await kiosk.giveOnlyAFace(face);
    for (const k of kiosks) await k.sendNow();
    const acknowledged = storedResponses(dataDir).map((r) => r.id).sort();
    expect(acknowledged).toHaveLength(10);
    expect(madeAndReceived(dataDir)).toEqual({ made: 10, received: 10 });
    for (const { page } of kiosks) expect(await readOutbox(page)).toEqual([]);
    // What the kiosks keep is what was acknowledged, for 14 days from the answer's date.
    const kept = (await Promise.all(kiosks.map((k) => readKept(k.page)))).flat();
    expect(kept.map((copy) => copy.id).sort()).toEqual(acknowledged);
    for (const copy of kept) expect(copy.keepUntil).toBe(addDays(copy.response.date, 13));

    // 3. The disk dies: the server is gone with its database, and the backup is restored.
    await server.stop();
    for (const file of readdirSync(dataDir)) rmSync(join(dataDir, file), { force: true });
    await operatorCommand('restore', settings, join(backupDir, backup!));
    const restored = storedResponses(dataDir).map((r) => r.id);
    // The backup holds what was sent before it, perhaps some of what was sent while it was
    // taken, and nothing acknowledged after it.
    expect(restored.length).toBeGreaterThanOrEqual(4);
    expect(restored.length).toBeLessThanOrEqual(6);

    // 4. The server starts on the restored database; the kiosks reconnect.
    server = await startAppServer('dist', { dataDir, port: Number(new URL(server.url).port), env: settings });
    for (const k of kiosks) await k.sendNow();

    // 5. Every answer ever acknowledged is stored, each exactly once, and the counts agree: the
    // copies the backup already held came back as duplicates and counted nothing twice.
    await expect.poll(() => storedResponses(dataDir).map((r) => r.id).sort()).toEqual(acknowledged);
    expect(madeAndReceived(dataDir)).toEqual({ made: 10, received: 10 });

    // 6. The copies are kept again, and go once their days are over.
    for (const k of kiosks) expect(await readKept(k.page)).toHaveLength(5);
    for (const k of kiosks) {
      await k.page.clock.fastForward(15 * 24 * 60 * 60 * 1000);
      await k.sendNow();
      expect(await readKept(k.page)).toEqual([]);
    }
  } finally {
    for (const k of kiosks) await k.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(backupDir, { recursive: true, force: true });
  }
});
