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
import { datesBetween } from '../src/domain/periods';
import type { FeedbackResponse } from '../src/domain/response';
import { addCoordinator } from '../server/db/coordinators';
import { openDatabase } from '../server/db/database';
import { saveDayLog } from '../server/db/day-log';
import { ensureFormVersion } from '../server/db/forms';
import { storeResponses } from '../server/db/responses';
import { hashPassword } from '../server/passwords';
import { startAppServer, type AppServer } from '../e2e/support/app-server';

const RESPONSES = Number(process.env.RESPONSES ?? 1_000_000);
const PASSWORD = 'benchmark coordinator password';
const YEAR = datesBetween('2026-01-01', '2026-12-31');

/** A deterministic, varied response: faces, meetings, needs, age groups, some free text. */
function generated(i: number, random: () => number): FeedbackResponse {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const answers: FeedbackResponse['answers'] = { day: pick(['1', '2', '3', '4', '4', '5', '5']) };
  if (random() < 0.7) answers.met = [pick(['adult-social-work', 'health-station', 'addiction-services', 'shelter-home', 'day-centre-staff'])];
  if (answers.met && random() < 0.8) answers['got-help'] = pick(['yes', 'a-little', 'no', 'cant-say']);
  if (random() < 0.6) answers.needs = [...new Set([pick(['money', 'benefits', 'housing']), pick(['health', 'food', 'mental-wellbeing'])])];
  if (random() < 0.8) answers['age-group'] = pick(['under-30', '30-49', '50-or-over', '50-or-over', 'prefer-not-to-say']);
  if (random() < 0.05) answers['anything-else'] = pick(['Kiitos avusta', 'Ruoka oli hyvää', 'Lisää aukioloaikaa', 'Tack för hjälpen']);
  return {
    id: crypto.randomUUID(),
    formId: defaultForm.id,
    formVersion: defaultForm.version,
    language: pick(['fi', 'fi', 'fi', 'fi', 'fi', 'fi', 'fi', 'sv', 'en']),
    date: YEAR[i % YEAR.length]!,
    partOfDay: random() < 0.55 ? 'morning' : 'afternoon',
    answers,
  };
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
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
  db.pragma('synchronous = OFF'); // only for filling the benchmark's database
  ensureFormVersion(db, defaultForm, true);
  addCoordinator(db, 'bench', await hashPassword(PASSWORD), new Date());
  const random = seeded(42);
  for (let start = 0; start < RESPONSES; start += 10_000) {
    const batch = Array.from({ length: Math.min(10_000, RESPONSES - start) }, (_, i) => generated(start + i, random));
    storeResponses(db, batch, () => defaultForm);
  }
  for (const date of YEAR) saveDayLog(db, { date, mealsServed: 40 + Math.floor(random() * 25), professionals: random() < 0.4 ? ['health-station'] : [], note: '' }, 'bench', new Date());
  db.close();
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
