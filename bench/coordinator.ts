/**
 * Coordinator benchmark on 1,000,000 generated responses (a year) in the real SQLite file,
 * served by a real server process. Prints, for the responses CSV and the monthly summary CSV,
 * the time to download the whole file and the server's peak resident memory (a fresh process
 * for each, so the peak is that download's), and the dashboard's query time for the year.
 * Run: npm run bench:coordinator   (RESPONSES=1000000 by default; Linux, for /proc)
 */
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultForm } from '../src/domain/default-form';
import { addCoordinator } from '../server/db/coordinators';
import { openDatabase } from '../server/db/database';
import { saveDayLog } from '../server/db/day-log';
import { ensureFormVersion } from '../server/db/forms';
import { hashPassword } from '../server/passwords';
import { startAppServer, type AppServer } from '../e2e/support/app-server';
import { fillWithResponses, seeded, YEAR } from './generated-responses';

const RESPONSES = Number(process.env.RESPONSES ?? 1_000_000);
const PASSWORD = 'benchmark coordinator password';

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

async function timedDownload(dataDir: string, file: string, query: string) {
  const server = await startAppServer('dist', { dataDir });
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

const dataDir = mkdtempSync(join(tmpdir(), 'feedback-bench-coordinator-'));
try {
  const generating = performance.now();
  const db = openDatabase(dataDir);
  db.sqlite!.connection.pragma('synchronous = OFF'); // only for filling the benchmark's database
  await ensureFormVersion(db, defaultForm, true);
  await addCoordinator(db, 'bench', await hashPassword(PASSWORD), new Date());
  const random = seeded(42);
  await fillWithResponses(db, RESPONSES, random);
  for (const date of YEAR) await saveDayLog(db, { date, mealsServed: 40 + Math.floor(random() * 25), professionals: random() < 0.4 ? ['health-station'] : [], note: '' }, 'bench', new Date());
  await db.close();
  console.log(`generated ${RESPONSES.toLocaleString('en')} responses over ${YEAR.length} days in ${((performance.now() - generating) / 1000).toFixed(1)} s`);

  const range = 'form=todays-feedback&from=2026-01-01&to=2026-12-31';
  for (const [file, query] of [
    ['responses.csv', range],
    ['summary.csv', `${range}&period=month`],
  ] as const) {
    const result = await timedDownload(dataDir, file, query);
    console.log(
      `${file}: ${result.seconds.toFixed(2)} s, ${(result.bytes / 1e6).toFixed(1)} MB, ${(result.lines - 1).toLocaleString('en')} rows; ` +
        `server peak RSS ${result.peak.toFixed(0)} MB (targets: at most 10 s and 200 MB)`,
    );
  }

  const server = await startAppServer('dist', { dataDir });
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
    console.log(`dashboard for one year: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms over ${sorted.length} requests after one warm-up (target at most 200 ms)`);
  } finally {
    await server.stop();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
