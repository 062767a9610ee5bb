import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { sampleResponse } from '../src/domain/sample-response';
import { startAppServer, type AppServer } from './support/app-server';
import { makePairingCode, storedResponses } from './support/server-data';

// Real server processes, a real SQLite file, real HTTP: the faults a kiosk meets in the field.

async function enroll(server: AppServer, name: string): Promise<string> {
  const reply = await fetch(`${server.url}/api/kiosk/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pairingCode: makePairingCode(server.dataDir, name) }),
  });
  return ((await reply.json()) as { token: string }).token;
}

function send(server: AppServer, token: string, responses: unknown[]) {
  return fetch(`${server.url}/api/kiosk/sync`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ appVersion: 'test', waiting: responses.length, abandoned: {}, responses }),
  });
}

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

test('the server killed (SIGKILL) in the middle of large batches, restarted, the kiosk resends: each response exactly once', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'feedback-kill-'));
  let server = await startAppServer('dist', { dataDir });
  const port = Number(new URL(server.url).port);
  try {
    const token = await enroll(server, 'A');
    const batches = Array.from({ length: 6 }, () => batchOf(500));
    // Send them all and kill the process while it is busy with them.
    const inFlight = batches.map((batch) => send(server, token, batch).then((r) => r.status, () => 'no answer'));
    await new Promise((resolve) => setTimeout(resolve, 40));
    await server.stop();
    const answered = await Promise.all(inFlight);
    expect(answered.some((status) => status === 'no answer'), 'the kill cut at least one request off').toBe(true);
    const survived = storedResponses(dataDir).length;
    expect(survived % 500, 'a batch is stored whole or not at all').toBe(0);

    // The kiosk resends everything it has no answer for: here, all of it.
    server = await startAppServer('dist', { port, dataDir });
    for (const batch of batches) {
      const reply = await send(server, token, batch);
      expect(reply.status).toBe(200);
    }
    const stored = storedResponses(dataDir);
    expect(stored).toHaveLength(3000);
    expect(new Set(stored.map((r) => r.id)).size).toBe(3000);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
