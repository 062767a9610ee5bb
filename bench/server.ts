/**
 * Server benchmark: ingest throughput over loopback HTTP, batches of 100 responses into the
 * real SQLite file of a real server process. Prints responses per second.
 * Run: npm run bench:server   (BATCHES=400 IN_FLIGHT=8 by default)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Agent, request } from 'node:http';
import { join, resolve } from 'node:path';
import { defaultForm } from '../src/domain/default-form';
import { randomUuidV4 } from '../src/domain/random-id';
import type { FeedbackResponse } from '../src/domain/response';
import { startAppServer } from '../e2e/support/app-server';
import { openDatabase } from '../server/db/database';
import { ensureFormVersion } from '../server/db/forms';
import { fillWithResponses, seeded } from './generated-responses';

const BATCHES = Number(process.env.BATCHES ?? 400);
// Responses already in the file before the kiosk's batches arrive (0: a fresh file). The unique
// index on the response id takes a random write per response, which costs more as it grows.
const PREFILL = Number(process.env.PREFILL ?? 0);
const IN_FLIGHT = Number(process.env.IN_FLIGHT ?? 8);
const BATCH_SIZE = 100;

// node:http with keep-alive: the lightest client, so the benchmark measures the server more
// than the client that shares the machine's cores with it.
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
function post(url: string, token: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } }, (reply) => {
      let text = '';
      reply.setEncoding('utf8');
      reply.on('data', (chunk: string) => (text += chunk));
      reply.on('end', () => resolve({ status: reply.statusCode ?? 0, text }));
      reply.on('error', reject);
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

const faces = ['1', '2', '3', '4', '5'];
const needs = ['money', 'benefits', 'housing', 'health', 'food'];
const languages = ['fi', 'fi', 'fi', 'fi', 'fi', 'fi', 'fi', 'fi', 'sv', 'en'];
// As kiosks send them: a batch holds the answers of a day or two (a kiosk sends every quarter
// of an hour, and in date order after days offline), most in Finnish.
function response(i: number): FeedbackResponse {
  const day = 1 + (Math.floor(i / 150) % 28);
  return {
    id: randomUuidV4(),
    formId: defaultForm.id,
    formVersion: defaultForm.version,
    language: languages[i % languages.length]!,
    date: `2026-11-${String(day).padStart(2, '0')}`,
    partOfDay: i % 2 ? 'morning' : 'afternoon',
    answers: { day: faces[i % 5]!, met: ['health-station'], 'got-help': 'yes', needs: [needs[i % 5]!], 'age-group': '50-or-over' },
  };
}

// A real server process on a fresh data folder (filled first if asked); the pairing code is made
// with the real CLI.
const dataDir = mkdtempSync(join(tmpdir(), 'feedback-bench-server-'));
if (PREFILL > 0) {
  const filling = performance.now();
  const db = openDatabase(dataDir);
  db.sqlite!.connection.pragma('synchronous = OFF'); // only for filling the benchmark's database
  await ensureFormVersion(db, defaultForm, true);
  await fillWithResponses(db, PREFILL, seeded(42));
  await db.close();
  console.log(`filled with ${PREFILL.toLocaleString('en')} responses in ${((performance.now() - filling) / 1000).toFixed(1)} s`);
}
const server = await startAppServer('dist', { dataDir });
try {
  const pairing = execFileSync(process.execPath, ['--import', 'tsx', resolve('server/cli/kiosk.ts'), 'pair', 'bench'], {
    env: { ...process.env, DATA_DIR: server.dataDir },
    encoding: 'utf8',
  });
  const code = /: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(pairing)?.[1];
  const enrolled = await fetch(`${server.url}/api/kiosk/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pairingCode: code }),
  });
  const { token } = (await enrolled.json()) as { token: string };

  const bodies = Array.from({ length: BATCHES }, (_, b) =>
    JSON.stringify({
      appVersion: 'bench',
      waiting: BATCH_SIZE,
      abandoned: {},
      responses: Array.from({ length: BATCH_SIZE }, (_, i) => response(b * BATCH_SIZE + i)),
    }),
  );
  let next = 0;
  let accepted = 0;
  const send = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const reply = await post(`${server.url}/api/kiosk/sync`, token, body);
      if (reply.status !== 200) throw new Error(`Sync answered ${reply.status}: ${reply.text}`);
      const { results } = JSON.parse(reply.text) as { results: { status: string }[] };
      accepted += results.filter((r) => r.status === 'accepted').length;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, send));
  const seconds = (performance.now() - started) / 1000;
  if (accepted !== BATCHES * BATCH_SIZE) throw new Error(`Expected ${BATCHES * BATCH_SIZE} accepted, got ${accepted}`);
  console.log(
    `ingest over loopback HTTP: ${Math.round(accepted / seconds).toLocaleString('en')} responses/s ` +
      `(${accepted.toLocaleString('en')} in ${seconds.toFixed(2)} s, batches of ${BATCH_SIZE}, ${IN_FLIGHT} in flight, ` +
      `on ${PREFILL > 0 ? `a file of ${PREFILL.toLocaleString('en')}` : 'a fresh file'}; target at least 20,000/s)`,
  );
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
