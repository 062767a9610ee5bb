import { FIRST_UNIT_ID } from '../src/domain/units';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultForm } from '../src/domain/default-form';
import type { FeedbackResponse } from '../src/domain/response';
import { countsOf } from '../src/domain/tally';
import { hashSecret, newPairingCode, normalisePairingCode } from './credentials';
import type { Database } from './db/database';
import { addPairingCode } from './db/kiosks';
import { freePort } from './free-port';
import { anotherConnection, makeResponse, openTestDatabase, queryRows, queryValue, syncBody } from './test-support';

// Three server processes (server/main.ts, as `npm start` runs it) on one PostgreSQL database,
// behind no load balancer: the test sends to each as a balancer would. Runs in the `postgres`
// project only (vitest.config.ts).

interface Instance {
  base: string;
  process: ChildProcess;
  output: () => string;
}

let folder: string;
let db: Database;
const instances: Instance[] = [];

async function startInstance(url: string): Promise<Instance> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', resolve('server/main.ts')], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: '4',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: join(folder, `data-${port}`),
      BACKUP_DIR: join(folder, `backups-${port}`),
      STATIC_DIR: join(folder, 'dist'),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`An instance exited: ${output}`);
    const ready = await fetch(`${base}/api/ready`).then((r) => r.ok, () => false);
    if (ready) return { base, process: child, output: () => output };
    await new Promise((done) => setTimeout(done, 100));
  }
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'feedback-instances-'));
  mkdirSync(join(folder, 'dist', 'assets'), { recursive: true });
  writeFileSync(join(folder, 'dist', 'index.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(join(folder, 'dist', 'coordinator.html'), '<!doctype html><title>coordinator</title>');
  writeFileSync(join(folder, 'dist', 'sw.js'), 'self.addEventListener("fetch", () => {});');
  db = await openTestDatabase(join(folder, 'data'));
  // Started together: each applies the migrations it finds missing, under the migrator's lock.
  instances.push(...(await Promise.all([1, 2, 3].map(() => startInstance(db.url!)))));
}, 120_000);

afterAll(async () => {
  for (const instance of instances) {
    if (instance.process.exitCode === null && instance.process.signalCode === null) {
      const exited = new Promise((done) => instance.process.once('exit', done));
      instance.process.kill('SIGTERM');
      await exited;
    }
  }
  await db?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** A kiosk enrolled through one instance; it then syncs with any. */
async function enroll(name: string): Promise<string> {
  const code = newPairingCode();
  await addPairingCode(db, hashSecret(normalisePairingCode(code)), name, FIRST_UNIT_ID, new Date(Date.now() + 60_000));
  const reply = await fetch(`${instances[0]!.base}/api/kiosk/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pairingCode: code }) });
  if (reply.status !== 201) throw new Error(`Enrollment failed: ${await reply.text()}`);
  return ((await reply.json()) as { token: string }).token;
}

type Outcome = { status: number; results: { id: string; status: string }[] };

async function send(instance: Instance, token: string, responses: FeedbackResponse[]): Promise<Outcome> {
  const reply = await fetch(`${instance.base}/api/kiosk/sync`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(syncBody(responses)),
  });
  const body = (await reply.json().catch(() => ({}))) as { results?: Outcome['results'] };
  return { status: reply.status, results: body.results ?? [] };
}

const batchOf = (size: number) =>
  Array.from({ length: size }, (_, i) => makeResponse({ date: `2026-11-${String(10 + (i % 5)).padStart(2, '0')}`, language: i % 3 === 0 ? 'sv' : 'fi' }));

/** Every response stored once, and the running counts equal to a full recount of what is stored. */
async function expectExactlyOnce(sent: FeedbackResponse[]): Promise<void> {
  const ids = new Set(sent.map((r) => r.id));
  expect(await queryValue(db, 'SELECT count(*) FROM responses')).toBe(ids.size);
  expect(await queryValue(db, 'SELECT count(DISTINCT id) FROM responses')).toBe(ids.size);
  const stored = (await queryRows(db, 'SELECT id, date, form_version, language, answers FROM responses')) as {
    id: string;
    date: string;
    form_version: number;
    language: string;
    answers: string;
  }[];
  expect(new Set(stored.map((row) => row.id))).toEqual(ids);
  const recount = countsOf(
    stored.map((row) => ({ form: defaultForm, response: { date: row.date, formVersion: row.form_version, language: row.language, answers: JSON.parse(row.answers) as FeedbackResponse['answers'] } })),
  );
  const key = (row: Record<string, unknown>) => JSON.stringify(Object.values(row));
  const counted = (await queryRows(db, 'SELECT date, form_version, language, count FROM response_counts WHERE count > 0')).map(key).sort();
  expect(counted).toEqual(recount.responses.map((r) => key({ date: r.date, v: r.formVersion, l: r.language, c: r.count })).sort());
  const answers = (await queryRows(db, 'SELECT date, form_version, language, question_id, option_id, count FROM answer_counts WHERE count > 0')).map(key).sort();
  expect(answers).toEqual(recount.answers.map((r) => key({ date: r.date, v: r.formVersion, l: r.language, q: r.question, o: r.option, c: r.count })).sort());
  expect(await queryValue(db, 'SELECT coalesce(sum(received), 0) FROM made_received_counts')).toBe(ids.size);
}

describe('three server instances on one PostgreSQL database', () => {
  const sent: FeedbackResponse[] = [];

  it('store each response once, with exact counts, when kiosks send batches to them in turn and in parallel', async () => {
    const tokens = await Promise.all(['Aula', 'Ruokasali', 'Piha', 'Kirjasto'].map(enroll));
    const batches = Array.from({ length: 24 }, () => batchOf(25));
    sent.push(...batches.flat());
    // Each kiosk sends its batches in turn to instance 1, 2, 3, 1, …; the kiosks all at once.
    const outcomes = await Promise.all(
      tokens.map(async (token, k) => {
        const mine: Outcome[] = [];
        for (let i = k; i < batches.length; i += tokens.length) mine.push(await send(instances[i % 3]!, token, batches[i]!));
        return mine;
      }),
    );
    for (const outcome of outcomes.flat()) {
      expect(outcome.status).toBe(200);
      expect(outcome.results.every((r) => r.status === 'accepted')).toBe(true);
    }
    await expectExactlyOnce(sent);
  });

  it('store a batch sent to all three at the same moment once: one instance accepts each response, the others call it a duplicate', async () => {
    const token = await enroll('Sauna');
    for (let round = 0; round < 5; round++) {
      const batch = batchOf(40);
      sent.push(...batch);
      const answers = await Promise.all(instances.map((instance) => send(instance, token, batch)));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      for (const response of batch) {
        const statuses = answers.map((a) => a.results.find((r) => r.id === response.id)!.status).sort();
        expect(statuses).toEqual(['accepted', 'duplicate', 'duplicate']);
      }
    }
    await expectExactlyOnce(sent);
  });

  it('lose nothing and store nothing twice when one instance is killed in the middle of batches; the kiosks send again to another', async () => {
    const tokens = await Promise.all(['Eteinen', 'Keittiö', 'Terassi'].map(enroll));
    const [first, second, doomed] = instances as [Instance, Instance, Instance];
    const batches = Array.from({ length: 30 }, () => batchOf(100));
    sent.push(...batches.flat());
    // Its first batches are stored and answered; then the test holds the running counts locked,
    // so the doomed instance's next group waits in the middle of its transaction, and is killed there.
    const first2 = await Promise.all([0, 1].map((i) => send(doomed, tokens[i % 3]!, batches[i]!)));
    expect(first2.map((o) => o.status)).toEqual([200, 200]);
    const blocker = await anotherConnection(db);
    const lock = await blocker.q.startTransaction().execute();
    await sql`LOCK TABLE response_counts IN EXCLUSIVE MODE`.execute(lock);
    const inFlight = [
      ...first2,
      ...batches.slice(2).map((batch, i) => send(doomed, tokens[(i + 2) % 3]!, batch).catch(() => ({ status: 0, results: [] }) as Outcome)),
    ];
    while (Number(await queryValue(db, "SELECT count(*) FROM pg_locks WHERE relation = 'response_counts'::regclass AND NOT granted")) === 0) {
      await new Promise((done) => setTimeout(done, 10));
    }
    doomed.process.kill('SIGKILL');
    const outcomes = await Promise.all(inFlight);
    await lock.rollback().execute();
    await blocker.close();
    // Killed mid-way: the batches of the group it was writing were never stored nor answered.
    expect(outcomes.filter((o) => o.status !== 200).length).toBeGreaterThan(0);
    // A kiosk keeps what it has not heard "stored" for, and sends it again, here to the others.
    const resent = await Promise.all(batches.map((batch, i) => (outcomes[i]!.status === 200 ? null : send([first, second][i % 2]!, tokens[i % 3]!, batch))));
    for (const outcome of resent) if (outcome) expect(outcome.status).toBe(200);
    // A batch the killed instance had stored before it died comes back as duplicates: still once.
    await expectExactlyOnce(sent);
  });
});
