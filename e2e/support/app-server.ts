import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../server/free-port';
import { databaseEnvironment } from './database';

export interface AppServer {
  url: string;
  /** The server's data folder, for tests and benchmarks that look inside (see database.ts). */
  dataDir: string;
  /** The server's process id, for benchmarks that read its memory. */
  pid: number;
  /** Kills the process at once (SIGKILL), as a crash or a power cut would. */
  stop(): Promise<void>;
  /** Asks it to stop (SIGTERM), as systemd does, and gives its exit code. */
  terminate(): Promise<number | null>;
}


/** Whether the server answers 200 at `url`; over HTTPS, with a certificate for the name that `ca` signed. */
function answersOk(url: string, tls: { ca: Buffer; servername: string } | undefined): Promise<boolean> {
  if (!tls) return fetch(url).then((response) => response.ok);
  return new Promise((resolve, reject) => {
    const request = httpsGet(url, { ...tls, agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.once('error', reject);
  });
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string, tls?: { ca: Buffer; servername: string }): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app server exited with ${child.exitCode}:\n${output()}`);
    try {
      if (await answersOk(url, tls)) return;
    } catch {
      // Not listening yet: try again shortly.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The app server did not answer at ${url}`);
}

/**
 * Starts the real server as a process of its own (the build that `npm start` runs), on a free
 * port with a fresh database (SQLite, or PostgreSQL in the `postgres` project), serving a built app. Stopping the process is the honest way for a test to be offline.
 */
export async function startAppServer(
  distDir = 'dist',
  {
    port: wantedPort,
    dataDir: givenDataDir,
    env = {},
    https,
  }: {
    port?: number;
    dataDir?: string;
    /** More settings, e.g. TRUST_PROXY or TLS_CERT_FILE. */
    env?: Record<string, string>;
    /** The server speaks HTTPS with a certificate for `hostName` that the CA in `caFile` signed. */
    https?: { hostName: string; caFile: string };
  } = {},
): Promise<AppServer> {
  const port = wantedPort ?? (await freePort());
  // A restarted server keeps its data folder; only a folder made here is removed at stop.
  const dataDir = givenDataDir ?? mkdtempSync(join(tmpdir(), 'feedback-e2e-data-'));
  // The flags of `npm start` (package.json): the server as it runs in production.
  // In the `postgres` project, the data are in a database of the run's PostgreSQL cluster.
  const database = await databaseEnvironment(dataDir);
  const child = spawn(process.execPath, ['--enable-source-maps', '--max-old-space-size=160', 'dist-server/main.mjs'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, STATIC_DIR: resolve(distDir), LOG_LEVEL: 'warn', BACKUP_DIR: join(dataDir, 'backups'), ...database, ...env },
  });
  child.stdout?.resume();
  // The last of what it said on stderr, for the error when it does not start.
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
  const url = https ? `https://${https.hostName}:${port}` : `http://127.0.0.1:${port}`;
  // The name is the certificate's; the probe reaches it on loopback.
  const probeUrl = https ? `https://127.0.0.1:${port}/` : `${url}/`;
  await waitUntilUp(probeUrl, child, () => errors, https ? { ca: readFileSync(https.caFile), servername: https.hostName } : undefined);
  // A server that dies under a test leaves only "connection refused" in the browser: say why it died.
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`The app server at ${url} exited by itself (code ${code}, signal ${signal}):\n${errors}`);
  });
  // A server meant for PostgreSQL that made itself a SQLite file would pass the tests on the wrong database.
  if (database.DATABASE_URL && existsSync(join(dataDir, 'feedback.sqlite'))) throw new Error('The server was to run on PostgreSQL but made a SQLite file');
  return {
    url,
    dataDir,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((done) => {
        // A process killed by a signal has a signalCode and no exitCode.
        if (child.exitCode !== null || child.signalCode !== null) return done();
        stopping = true;
        child.once('exit', () => done());
        child.kill('SIGKILL');
      }).then(() => {
        if (!givenDataDir) rmSync(dataDir, { recursive: true, force: true });
      }),
    terminate: () =>
      new Promise<number | null>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done(child.exitCode);
        stopping = true;
        child.once('exit', (code) => done(code));
        child.kill('SIGTERM');
      }),
  };
}
