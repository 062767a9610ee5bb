import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The folder of a PostgreSQL program: PG_BIN, else the newest version under /usr/lib/postgresql
 * that has it (Debian's layout: postgresql-client installs pg_dump there, the server initdb), else
 * '' when it is on the PATH, and null when it is nowhere.
 */
export function postgresBin(program: string): string | null {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', program)))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  return spawnSync('which', [program]).status === 0 ? '' : null;
}

/** The path of pg_dump or pg_restore, or an error that says how to get it. */
export function postgresTool(program: 'pg_dump' | 'pg_restore'): string {
  const bin = postgresBin(program);
  const path = bin === null ? null : bin ? join(bin, program) : program;
  if (path === null || (bin && !existsSync(path))) {
    throw new Error(`${program} was not found: install the PostgreSQL client (postgresql-client) or set PG_BIN`);
  }
  return path;
}

/**
 * How a PostgreSQL program is told the database: the URL without its password as --dbname, and
 * the password in PGPASSWORD, so that it shows in no process list. A URL that is not one the URL
 * parser takes (several hosts) is passed as it is.
 */
export function connectionOf(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { dbname: url, env: {} };
  }
  const password = parsed.password ? decodeURIComponent(parsed.password) : parsed.searchParams.get('password');
  parsed.password = '';
  parsed.searchParams.delete('password');
  return { dbname: parsed.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/**
 * Runs pg_dump or pg_restore, on the database at `url` when one is given, without waiting for it
 * in a way that stops the server's other work. Never asks for a password (there is nobody to
 * type it), and gives up on a server that does not answer in 10 s unless the URL says otherwise.
 * Resolves with what it printed; rejects with what it said went wrong (which never holds the
 * password: that is not on its command line).
 */
export function runPostgresTool(program: 'pg_dump' | 'pg_restore', args: string[], url: string | null): Promise<string> {
  const path = postgresTool(program);
  const connection = url === null ? null : connectionOf(url);
  const env = { ...process.env, PGCONNECT_TIMEOUT: process.env.PGCONNECT_TIMEOUT ?? '10', ...connection?.env };
  const dbname = connection ? [`--dbname=${connection.dbname}`] : [];
  return new Promise((done, fail) => {
    const child = spawn(path, ['--no-password', ...dbname, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + String(chunk)).slice(-4000)));
    child.on('error', fail);
    child.on('close', (status, signal) => {
      if (status === 0) done(Buffer.concat(stdout).toString('utf8'));
      else fail(new Error(`${program} failed (${signal ?? `exit status ${status}`}): ${stderr.trim() || 'it said nothing'}`));
    });
  });
}
