import { afterEach, describe, expect, it } from 'vitest';
import { localDay } from '../../src/domain/local-day';
import { addDays } from '../../src/domain/periods';
import { enrollKiosk, makeResponse, onPostgres, startSignedInServer, syncBody, type TestServer, type TestServerOptions } from '../test-support';

const HOUR = 60 * 60 * 1000;
let server: TestServer | undefined;
afterEach(() => server?.close());

/** A signed-in coordinator's server whose clock the test moves; last night's backup and a roomy disk unless told otherwise. */
async function start(options: TestServerOptions = {}) {
  let now = new Date();
  const started = await startSignedInServer({ clock: () => now, lastBackupAt: () => new Date(now.getTime() - 20 * HOUR), minFreeDiskBytes: 1, ...options });
  server = started.server;
  const warnings = async () => {
    const reply = await started.server.app.inject({ method: 'GET', url: '/api/coordinator/warnings', headers: { cookie: started.cookie } });
    expect(reply.statusCode).toBe(200);
    return reply.json().warnings;
  };
  return { server: started.server, warnings, later: (ms: number) => (now = new Date(now.getTime() + ms)), now: () => now };
}

async function sync(token: string, responses: unknown[], extra: Record<string, unknown> = {}) {
  const reply = await server!.app.inject({ method: 'POST', url: '/api/kiosk/sync', headers: { authorization: `Bearer ${token}` }, payload: syncBody(responses, extra) });
  expect(reply.statusCode).toBe(200);
}

describe('GET /api/coordinator/warnings', () => {
  it('is for a signed-in coordinator only', async () => {
    const { server } = await start();
    expect((await server.app.inject({ method: 'GET', url: '/api/coordinator/warnings' })).statusCode).toBe(401);
    const stale = await server.app.inject({ method: 'GET', url: '/api/coordinator/warnings', headers: { cookie: 'coordinator_session=not-a-session' } });
    expect(stale.statusCode).toBe(401);
    expect(stale.json()).toEqual({ error: expect.stringMatching(/not signed in/) });
  });

  it('warns of nothing when all is well', async () => {
    const { warnings } = await start();
    expect(await warnings()).toEqual([]);
  });

  it('warns when no backup has been made, or the folder cannot be read, and when the disk is nearly full', async () => {
    const { warnings } = await start({ lastBackupAt: () => null, minFreeDiskBytes: Number.MAX_SAFE_INTEGER });
    // On PostgreSQL the database's disk is the database server's, which its own monitoring watches.
    const diskWarning = onPostgres ? [] : [{ kind: 'disk-nearly-full', freeBytes: expect.any(Number) }];
    expect(await warnings()).toEqual([{ kind: 'backup-old', lastBackupAt: null }, ...diskWarning]);
    await server!.close();
    const unreadable = await start({
      lastBackupAt: () => {
        throw new Error('EACCES: permission denied');
      },
    });
    expect(await unreadable.warnings()).toEqual([{ kind: 'backup-old', lastBackupAt: null }]);
    expect(unreadable.server.logs()).toMatch(/the backup folder cannot be read/);
  });

  it('names a kiosk that has gone quiet, and one whose responses from before yesterday did not all arrive', async () => {
    const { server, warnings, later, now } = await start();
    const aula = await enrollKiosk(server, 'Aula');
    const sali = await enrollKiosk(server, 'Ruokasali');
    const threeDaysAgo = addDays(localDay(now()).date, -3);
    // Aula made three that day and the server received two; Ruokasali's one came.
    await sync(aula.token, [makeResponse({ date: threeDaysAgo }), makeResponse({ date: threeDaysAgo })], { made: { [threeDaysAgo]: 3 }, waiting: 0 });
    await sync(sali.token, [makeResponse({ date: threeDaysAgo })], { made: { [threeDaysAgo]: 1 }, waiting: 0 });
    expect(await warnings()).toEqual([{ kind: 'responses-missing', kiosk: 'Aula', missing: 1 }]);

    later(12 * HOUR);
    await sync(sali.token, []);
    later(13 * HOUR);
    expect(await warnings()).toEqual([{ kind: 'kiosk-quiet', kiosk: 'Aula', lastSyncAt: expect.any(String) }]);
  });
});
