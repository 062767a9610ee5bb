import { FIRST_UNIT_ID } from '../src/domain/units';
import { createServer, Socket, type Server } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultForm } from '../src/domain/default-form';
import { buildApp } from './app';
import { hashSecret, newPairingCode, normalisePairingCode } from './credentials';
import type { Database } from './db/database';
import { ensureFormVersion } from './db/forms';
import { addPairingCode } from './db/kiosks';
import { openPostgresDatabase } from './db/postgres/migrate';
import { countResponses } from './db/responses';
import { freePort } from './free-port';
import { makeResponse, openTestDatabase, syncBody } from './test-support';

// Runs in the `postgres` project only (vitest.config.ts): the server's way to PostgreSQL goes
// through a TCP relay of the test's own, which the test cuts as a network fault or a stopped
// database server would.

/** A relay to PostgreSQL that can be cut (every connection dropped, new ones refused) and mended. */
async function relayTo(port: number): Promise<{ port: number; cut(): Promise<void>; mend(): Promise<void>; close(): Promise<void> }> {
  const ownPort = await freePort();
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  const listen = () =>
    new Promise<void>((done) => {
      server = createServer((client) => {
        const upstream = new Socket();
        sockets.add(client).add(upstream);
        upstream.connect(port, '127.0.0.1');
        client.pipe(upstream).pipe(client);
        const drop = () => (client.destroy(), upstream.destroy());
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
      });
      server.listen(ownPort, '127.0.0.1', done);
    });
  const cut = async () => {
    await new Promise((done) => {
      server!.close(done);
      sockets.forEach((socket) => socket.destroy());
      sockets.clear();
    });
  };
  await listen();
  return { port: ownPort, cut, mend: listen, close: cut };
}

let folder: string;
let direct: Database;
let relay: Awaited<ReturnType<typeof relayTo>>;
let db: Database;
let app: FastifyInstance;
let token: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'feedback-unreachable-'));
  direct = await openTestDatabase(join(folder, 'data'));
  const url = new URL(direct.url!);
  relay = await relayTo(Number(url.port));
  url.port = String(relay.port);
  db = await openPostgresDatabase(url.toString(), { poolSize: 4 });
  await ensureFormVersion(db, defaultForm, true);
  app = await buildApp(db, { staticDir: null, logLevel: 'silent' });
  const code = newPairingCode();
  await addPairingCode(db, hashSecret(normalisePairingCode(code)), 'Aula', FIRST_UNIT_ID, new Date(Date.now() + 60_000));
  token = (await app.inject({ method: 'POST', url: '/api/kiosk/enroll', payload: { pairingCode: code } })).json().token;
});

afterAll(async () => {
  await app?.close();
  await db?.close();
  await relay?.close();
  await direct?.close();
  rmSync(folder, { recursive: true, force: true });
});

const sync = (responses: unknown[]) => app.inject({ method: 'POST', url: '/api/kiosk/sync', headers: { authorization: `Bearer ${token}` }, payload: syncBody(responses) });

describe('while PostgreSQL cannot be reached', () => {
  it('sync answers 503 with Retry-After and acknowledges nothing, /api/ready fails, and both recover when it is back', async () => {
    const before = [makeResponse()];
    expect((await sync(before)).statusCode).toBe(200);

    await relay.cut();
    const batch = Array.from({ length: 5 }, () => makeResponse());
    const refused = await sync(batch);
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.json()).toEqual({ error: expect.stringMatching(/cannot be reached.*Nothing was stored/) });
    const ready = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().checks.databaseWritable).toBe(false);
    expect(await countResponses(direct)).toBe(1);

    await relay.mend();
    expect((await app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
    const again = await sync(batch);
    expect(again.statusCode).toBe(200);
    expect(again.json().results.map((r: { status: string }) => r.status)).toEqual(Array(5).fill('accepted'));
    expect(await countResponses(direct)).toBe(6);
  });
});
