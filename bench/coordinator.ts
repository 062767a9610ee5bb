/**
 * Coordinator benchmark on 1,000,000 generated responses (a year), side by side in the real SQLite
 * file and in a PostgreSQL database, each served by a real server process. Prints, for the
 * responses CSV and the monthly summary CSV, the time to download the whole file and the server's
 * peak resident memory (a fresh process for each, so the peak is that download's), and the
 * dashboard's query time for the year; then a table of both databases against the targets.
 * Run: npm run bench:coordinator   (RESPONSES=1000000 by default; Linux, for /proc)
 */
import { FIRST_UNIT_ID } from '../src/domain/units';
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultForm } from '../src/domain/default-form';
import { addCoordinator } from '../server/db/coordinators';
import { openDatabase, type Database } from '../server/db/database';
import { saveDayLog } from '../server/db/day-log';
import { ensureFormVersion } from '../server/db/forms';
import { openPostgresDatabase } from '../server/db/postgres/migrate';
import { hashPassword } from '../server/passwords';
import { startAppServer, type AppServer } from '../e2e/support/app-server';
import { startBenchmarkPostgres, vacuumAnalyze } from './benchmark-postgres';
import { fillWithResponses, seeded, YEAR } from './generated-responses';

const RESPONSES = Number(process.env.RESPONSES ?? 1_000_000);
const PASSWORD = 'benchmark coordinator password';
const range = 'form=todays-feedback&from=2026-01-01&to=2026-12-31';

type DatabaseName = 'SQLite' | 'PostgreSQL';
/** Where a server finds its data: its folder, and on PostgreSQL the database's URL. */
interface ServerData {
  dataDir: string;
  env: Record<string, string>;
}

const peakRssMb = (server: AppServer) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))![1]) / 1024;

async function signIn(server: AppServer): Promise<string> {
  const reply = await fetch(`${server.url}/api/coordinator/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ username: 'bench', password: PASSWORD }),
  });
  if (reply.status !== 200) throw new Error(`Sign-in answered ${reply.status}`);
  return reply.headers.get('set-cookie')!.split(';')[0]!;
}

/** The year's data as the benchmark measures it: the form, a coordinator, the responses and a day log a day. */
async function fill(db: Database): Promise<void> {
  await ensureFormVersion(db, defaultForm, true);
  await addCoordinator(db, 'bench', await hashPassword(PASSWORD), new Date(), { role: 'admin', units: [] });
  const random = seeded(42);
  await fillWithResponses(db, RESPONSES, random);
  for (const date of YEAR) await saveDayLog(db, FIRST_UNIT_ID, { date, mealsServed: 40 + Math.floor(random() * 25), professionals: random() < 0.4 ? ['health-station'] : [], note: '' }, 'bench', new Date());
}

interface Download {
  seconds: number;
  bytes: number;
  lines: number;
  peak: number;
}

async function timedDownload({ dataDir, env }: ServerData, file: string, query: string): Promise<Download> {
  const server = await startAppServer('dist', { dataDir, env });
  try {
    const cookie = await signIn(server);
    const started = performance.now();
    const reply = await fetch(`${server.url}/api/coordinator/exports/${file}?${query}`, { headers: { cookie } });
    if (reply.status !== 200) throw new Error(`${file} answered ${reply.status}: ${await reply.text()}`);
    let bytes = 0;
    let lines = 0;
    for await (const chunk of reply.body!) {
      const buffer = Buffer.from(chunk);
      bytes += buffer.length;
      for (let at = buffer.indexOf(10); at !== -1; at = buffer.indexOf(10, at + 1)) lines += 1;
    }
    return { seconds: (performance.now() - started) / 1000, bytes, lines, peak: peakRssMb(server) };
  } finally {
    await server.stop();
  }
}

/** The dashboard for the year, seven times on one server: the median and the slowest after the first (a warm-up). */
async function timedDashboard({ dataDir, env }: ServerData): Promise<{ median: number; max: number; requests: number }> {
  const server = await startAppServer('dist', { dataDir, env });
  try {
    const cookie = await signIn(server);
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const started = performance.now();
      const reply = await fetch(`${server.url}/api/coordinator/dashboard?${range}`, { headers: { cookie } });
      const { dashboard } = (await reply.json()) as { dashboard: { responses: number } };
      times.push(performance.now() - started);
      if (dashboard.responses !== RESPONSES) throw new Error(`The dashboard counted ${dashboard.responses} responses`);
    }
    const sorted = times.slice(1).sort((a, b) => a - b);
    return { median: sorted[Math.floor(sorted.length / 2)]!, max: sorted.at(-1)!, requests: sorted.length };
  } finally {
    await server.stop();
  }
}

interface Figures {
  csv: Download;
  summary: Download;
  dashboard: { median: number; max: number; requests: number };
}

// What each line is held to: SQLite's own targets; PostgreSQL's from issue 13 (its responses
// download no slower and no larger than SQLite's today, its dashboard at most 100 ms).
const lineTargets: Record<DatabaseName, Record<'responses.csv' | 'summary.csv' | 'dashboard', string>> = {
  SQLite: { 'responses.csv': 'at most 10 s and 200 MB', 'summary.csv': 'at most 10 s and 200 MB', dashboard: 'at most 200 ms' },
  PostgreSQL: { 'responses.csv': "at most SQLite's 7 s and 165 MB of today", 'summary.csv': 'at most 10 s and 200 MB', dashboard: 'at most 100 ms' },
};

/** Measures the downloads and the dashboard on a filled database, printing a line for each. */
async function measure(database: DatabaseName, data: ServerData): Promise<Figures> {
  const downloads: Download[] = [];
  for (const [file, query] of [
    ['responses.csv', range],
    ['summary.csv', `${range}&period=month`],
  ] as const) {
    const result = await timedDownload(data, file, query);
    downloads.push(result);
    console.log(
      `${database}: ${file}: ${result.seconds.toFixed(2)} s, ${(result.bytes / 1e6).toFixed(1)} MB, ${(result.lines - 1).toLocaleString('en')} rows; ` +
        `server peak RSS ${result.peak.toFixed(0)} MB (targets: ${lineTargets[database][file]})`,
    );
  }
  const dashboard = await timedDashboard(data);
  console.log(
    `${database}: dashboard for one year: median ${dashboard.median.toFixed(0)} ms, max ${dashboard.max.toFixed(0)} ms over ${dashboard.requests} requests after one warm-up (target ${lineTargets[database].dashboard})`,
  );
  return { csv: downloads[0]!, summary: downloads[1]!, dashboard };
}

const generated = (database: DatabaseName, started: number, how = '') =>
  console.log(`${database}: generated ${RESPONSES.toLocaleString('en')} responses over ${YEAR.length} days in ${((performance.now() - started) / 1000).toFixed(1)} s${how}`);

let sqlite: Figures;
const sqliteDir = mkdtempSync(join(tmpdir(), 'feedback-bench-coordinator-'));
try {
  const generating = performance.now();
  const db = openDatabase(sqliteDir);
  db.sqlite!.connection.pragma('synchronous = OFF'); // only for filling the benchmark's database
  await fill(db).finally(() => db.close());
  generated('SQLite', generating);
  sqlite = await measure('SQLite', { dataDir: sqliteDir, env: {} });
} finally {
  rmSync(sqliteDir, { recursive: true, force: true });
}

let postgres: Figures;
let settings: string;
// The servers' data folder (backups and the like); the data are in PostgreSQL.
const postgresDir = mkdtempSync(join(tmpdir(), 'feedback-bench-coordinator-'));
try {
  const cluster = await startBenchmarkPostgres();
  try {
    settings = cluster.description;
    console.log(settings);
    const generating = performance.now();
    const db = await openPostgresDatabase(cluster.url, { poolSize: 2 });
    await fill(db).finally(() => db.close());
    await vacuumAnalyze(cluster.url);
    generated('PostgreSQL', generating, ', in transactions of 10,000, then VACUUM ANALYZE (what autovacuum does after a load)');
    postgres = await measure('PostgreSQL', { dataDir: postgresDir, env: { DATABASE_URL: cluster.url } });
  } finally {
    await cluster.stop();
  }
} finally {
  rmSync(postgresDir, { recursive: true, force: true });
}

// The table holds PostgreSQL's figures to the targets of issue 13 (see lineTargets).
const targets = [
  { figure: 'responses.csv time (s)', value: (f: Figures) => f.csv.seconds, digits: 2, target: 7, as: 'at most 7 (SQLite today)' },
  { figure: 'responses.csv peak memory (MB)', value: (f: Figures) => f.csv.peak, digits: 0, target: 165, as: 'at most 165 (SQLite today)' },
  { figure: 'summary.csv time (s)', value: (f: Figures) => f.summary.seconds, digits: 2, target: 10, as: 'at most 10' },
  { figure: 'dashboard for a year (ms, median)', value: (f: Figures) => f.dashboard.median, digits: 0, target: 100, as: 'at most 100 at 1,000,000 responses' },
];
const missed = targets.filter((row) => row.value(postgres) > row.target).map((row) => row.figure);
console.log(
  [
    '',
    `${RESPONSES.toLocaleString('en')} generated responses over a year; a fresh server process for each download, its peak RSS from /proc ` +
      `(the server's own: SQLite's page cache is in it, PostgreSQL's processes are not). ${settings}.`,
    '',
    '| figure | SQLite | PostgreSQL | target |',
    '| --- | --: | --: | --- |',
    ...targets.map((row) => `| ${row.figure} | ${row.value(sqlite).toFixed(row.digits)} | ${row.value(postgres).toFixed(row.digits)} | ${row.as} |`),
    '',
    missed.length === 0 ? 'PostgreSQL meets every target.' : `PostgreSQL misses the target for: ${missed.join('; ')}.`,
  ].join('\n'),
);
