/**
 * Server benchmark: ingest throughput over loopback HTTP, batches of 100 responses, side by side
 * on SQLite (one server process on its file, as a day centre runs it) and on PostgreSQL with 1, 2
 * and 4 server instances on one database (real processes on ports of their own; the client sends
 * batch after batch to each in turn, as a load balancer would). Each kiosk sends one batch at a
 * time, as a real one does, and IN_FLIGHT kiosks send to each instance, so the load grows with the
 * instances. After each run the database is counted: it must hold exactly what was sent.
 * Prints responses per second for each, then a markdown table.
 * Run: npm run bench:server   (BATCHES=400 IN_FLIGHT=8 POOL_SIZE=10 by default; PREFILL=0)
 */
import { FIRST_UNIT_ID } from '../src/domain/units';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultForm } from '../src/domain/default-form';
import { randomUuidV4 } from '../src/domain/random-id';
import type { FeedbackResponse } from '../src/domain/response';
import { startAppServer, type AppServer } from '../e2e/support/app-server';
import { DATABASE_FILE, openDatabase, type Database } from '../server/db/database';
import { ensureFormVersion } from '../server/db/forms';
import { openPostgresDatabase } from '../server/db/postgres/migrate';
import { countResponses } from '../server/db/responses';
import { makePairingCode } from '../server/pairing';
import { startBenchmarkPostgres } from './benchmark-postgres';
import { fillWithResponses, seeded } from './generated-responses';

const BATCHES = Number(process.env.BATCHES ?? 400);
// Responses already in the database before the kiosks' batches arrive (0: a fresh one). The unique
// index on the response id takes a random write per response, which costs more as it grows.
const PREFILL = Number(process.env.PREFILL ?? 0);
// Kiosks sending at once to each server instance.
const IN_FLIGHT = Number(process.env.IN_FLIGHT ?? 8);
// Each PostgreSQL instance's connections (DATABASE_POOL_SIZE; the server's default is 10).
const POOL_SIZE = Number(process.env.POOL_SIZE ?? 10);
const POSTGRES_INSTANCES = [1, 2, 4];
const BATCH_SIZE = 100;
// What SQLite ingests today (README), which issue 13 asks two PostgreSQL instances to match.
const SQLITE_TODAY = 22_000;

// node:http with keep-alive: the lightest client, so the benchmark measures the servers more
// than the client that shares the machine's cores with them.
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

// The same batches for every configuration; each runs on a database of its own, so none is a duplicate.
const bodies = Array.from({ length: BATCHES }, (_, b) =>
  JSON.stringify({
    appVersion: 'bench',
    waiting: BATCH_SIZE,
    abandoned: {},
    responses: Array.from({ length: BATCH_SIZE }, (_, i) => response(b * BATCH_SIZE + i)),
  }),
);
const sent = BATCHES * BATCH_SIZE;

/** The database as a server finds it: the form, PREFILL responses, and a pairing code per kiosk to come. */
async function prepare(db: Database, kiosks: number): Promise<string[]> {
  await ensureFormVersion(db, defaultForm, true);
  if (PREFILL > 0) {
    const filling = performance.now();
    await fillWithResponses(db, PREFILL, seeded(42));
    console.log(`${db.dialect}: filled with ${PREFILL.toLocaleString('en')} responses in ${((performance.now() - filling) / 1000).toFixed(1)} s`);
  }
  const codes: string[] = [];
  for (let k = 0; k < kiosks; k++) codes.push((await makePairingCode(db, `bench ${k + 1}`, FIRST_UNIT_ID)).code);
  return codes;
}

async function enroll(server: AppServer, pairingCode: string): Promise<string> {
  const reply = await fetch(`${server.url}/api/kiosk/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pairingCode }),
  });
  if (!reply.ok) throw new Error(`Enrollment answered ${reply.status}: ${await reply.text()}`);
  return ((await reply.json()) as { token: string }).token;
}

/** Sends every batch, IN_FLIGHT kiosks per instance, batch b to instance b mod n; gives responses/s. */
async function ingest(servers: AppServer[], codes: string[]): Promise<{ perSecond: number; seconds: number; kiosks: number }> {
  const kiosks = IN_FLIGHT * servers.length;
  const tokens: string[] = [];
  for (let k = 0; k < kiosks; k++) tokens.push(await enroll(servers[k % servers.length]!, codes[k]!));
  let next = 0;
  let accepted = 0;
  const kiosk = async (token: string) => {
    while (next < bodies.length) {
      const b = next++;
      const reply = await post(`${servers[b % servers.length]!.url}/api/kiosk/sync`, token, bodies[b]!);
      if (reply.status !== 200) throw new Error(`Sync answered ${reply.status}: ${reply.text}`);
      const { results } = JSON.parse(reply.text) as { results: { status: string }[] };
      accepted += results.filter((r) => r.status === 'accepted').length;
    }
  };
  const started = performance.now();
  await Promise.all(tokens.map(kiosk));
  const seconds = (performance.now() - started) / 1000;
  if (accepted !== sent) throw new Error(`Expected ${sent} accepted, got ${accepted}`);
  return { perSecond: accepted / seconds, seconds, kiosks };
}

/** Counts the responses in the database once its servers are gone (killed, as by a power cut). */
async function verifyCount(db: Database): Promise<number> {
  try {
    const stored = await countResponses(db);
    if (stored !== PREFILL + sent) throw new Error(`The ${db.dialect} database holds ${stored} responses; ${PREFILL + sent} were stored`);
    return stored;
  } finally {
    await db.close();
  }
}

interface Row {
  database: 'SQLite' | 'PostgreSQL';
  instances: number;
  perSecond: number;
}
const rows: Row[] = [];
const on = PREFILL > 0 ? `a database of ${PREFILL.toLocaleString('en')}` : 'a fresh database';
const report = (row: Row, result: { seconds: number; kiosks: number }, detail: string, stored: number) => {
  rows.push(row);
  console.log(
    `${row.database}, ${row.instances} instance${row.instances > 1 ? 's' : ''}: ingest over loopback HTTP ${Math.round(row.perSecond).toLocaleString('en')} responses/s ` +
      `(${sent.toLocaleString('en')} in ${result.seconds.toFixed(2)} s, batches of ${BATCH_SIZE}, ${result.kiosks} kiosks in flight, ${detail}, on ${on}; ` +
      `${stored.toLocaleString('en')} in the database afterwards)`,
  );
};

// SQLite: one server process on its file, as today.
{
  const dataDir = mkdtempSync(join(tmpdir(), 'feedback-bench-server-'));
  try {
    const db = openDatabase(dataDir);
    db.sqlite!.connection.pragma('synchronous = OFF'); // only for filling the benchmark's database
    const codes = await prepare(db, IN_FLIGHT);
    await db.close();
    const server = await startAppServer('dist', { dataDir });
    let result;
    try {
      result = await ingest([server], codes);
    } finally {
      await server.stop();
    }
    const stored = await verifyCount(openDatabase(dataDir));
    report({ database: 'SQLite', instances: 1, perSecond: result.perSecond }, result, 'synchronous=FULL', stored);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// PostgreSQL: 1, 2 and 4 instances, each time on a fresh copy of one prepared database. The
// instances' data folders (backups and the like; the data are in PostgreSQL) are made here, so
// they are removed even when an instance fails to start.
const instanceFolders = mkdtempSync(join(tmpdir(), 'feedback-bench-instances-'));
try {
  const cluster = await startBenchmarkPostgres();
  try {
    console.log(cluster.description);
    const templateUrl = await cluster.createDatabase('bench_template');
    const template = await openPostgresDatabase(templateUrl, { poolSize: 2 });
    // The template must have no connections left when it is copied.
    const codes = await prepare(template, IN_FLIGHT * Math.max(...POSTGRES_INSTANCES)).finally(() => template.close());
    for (const instances of POSTGRES_INSTANCES) {
      const url = await cluster.createDatabase(`bench_${instances}_instances`, 'bench_template');
      const servers: AppServer[] = [];
      let result;
      try {
        for (let i = 0; i < instances; i++) {
          const dataDir = join(instanceFolders, `${instances}-${i + 1}`);
          servers.push(await startAppServer('dist', { dataDir, env: { DATABASE_URL: url, DATABASE_POOL_SIZE: String(POOL_SIZE) } }));
          if (existsSync(join(dataDir, DATABASE_FILE))) throw new Error('A server meant for PostgreSQL made itself a SQLite file');
        }
        result = await ingest(servers, codes);
      } finally {
        for (const server of servers) await server.stop();
      }
      const stored = await verifyCount(await openPostgresDatabase(url, { poolSize: 2 }));
      report({ database: 'PostgreSQL', instances, perSecond: result.perSecond }, result, `${IN_FLIGHT} per instance, a pool of ${POOL_SIZE} connections each`, stored);
    }
  } finally {
    await cluster.stop();
  }
} finally {
  rmSync(instanceFolders, { recursive: true, force: true });
}

const pairOfInstances = rows.find((row) => row.database === 'PostgreSQL' && row.instances === 2)!;
const sqliteNow = rows.find((row) => row.database === 'SQLite')!;
console.log(
  [
    '',
    `Ingest over loopback HTTP, ${sent.toLocaleString('en')} responses in batches of ${BATCH_SIZE} on ${on}, ${IN_FLIGHT} kiosks in flight per instance; ` +
      `client, servers and database share this machine's ${availableParallelism()} cores.`,
    '',
    '| database | instances | responses/s |',
    '| --- | --: | --: |',
    ...rows.map((row) => `| ${row.database} | ${row.instances} | ${Math.round(row.perSecond).toLocaleString('en')} |`),
    '',
    `Target (issue 13): PostgreSQL with 2 instances ingests at least what SQLite does today, about ${SQLITE_TODAY.toLocaleString('en')}/s ` +
      `(SQLite in this run: ${Math.round(sqliteNow.perSecond).toLocaleString('en')}/s). ` +
      `This run: ${Math.round(pairOfInstances.perSecond).toLocaleString('en')}/s, ` +
      (pairOfInstances.perSecond >= SQLITE_TODAY ? 'met.' : `not met (${Math.round((pairOfInstances.perSecond / SQLITE_TODAY) * 100)}% of it).`),
  ].join('\n'),
);
