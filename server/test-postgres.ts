import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { postgresBin } from './backup/postgres-tools';
import { freePort } from './free-port';

/**
 * A PostgreSQL of its own for tests and benchmarks: a fresh cluster in a temporary folder, on a
 * free loopback port, gone when stopped. It runs Debian's postgresql package (or PG_BIN). initdb
 * refuses to run as root, so as root the cluster belongs to the `postgres` system user.
 */
export interface ThrowawayPostgres {
  /** postgres://… of an empty database in it. */
  url: string;
  /** postgres://… of the cluster, without a database's name. */
  base: string;
  /** Another database in the same cluster: empty, or a copy of a template database. */
  createDatabase(name: string, template?: string): Promise<string>;
  stop(): Promise<void>;
}

const asRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL program, as the postgres user when this process is root. */
function command(bin: string, program: string, args: string[]): [string, string[]] {
  const path = bin ? join(bin, program) : program;
  return asRoot() ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
}

/** For a cluster whose data may be lost: no waiting on the disk (the tests' clusters; never the benchmarks'). */
export const NO_DURABILITY = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };

export async function startThrowawayPostgres({ settings = {} }: { settings?: Record<string, string> } = {}): Promise<ThrowawayPostgres> {
  const bin = postgresBin('initdb');
  if (bin === null) throw new Error('PostgreSQL is not installed: apt-get install postgresql (or set PG_BIN)');
  const dir = mkdtempSync(join(tmpdir(), 'feedback-postgres-'));
  const data = join(dir, 'data');
  if (asRoot()) {
    const user = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const group = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(dir, Number(user.stdout), Number(group.stdout));
  }
  chmodSync(dir, 0o700);
  const [initdb, initArgs] = command(bin, 'initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const init = spawnSync(initdb, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);

  const port = await freePort();
  const options = { listen_addresses: '127.0.0.1', unix_socket_directories: dir, max_connections: '200', ...settings };
  const [postgres, args] = command(bin, 'postgres', ['-D', data, '-p', String(port), ...Object.entries(options).flatMap(([k, v]) => ['-c', `${k}=${v}`])]);
  const child: ChildProcess = spawn(postgres, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + String(chunk)).slice(-4000)));

  const base = `postgres://postgres@127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`PostgreSQL did not start: ${output}`);
    const client = new pg.Client({ connectionString: `${base}/postgres` });
    try {
      await client.connect();
      await client.end();
      break;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not answer on port ${port}: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const createDatabase = async (name: string, template?: string) => {
    const client = new pg.Client({ connectionString: `${base}/postgres` });
    await client.connect();
    try {
      const copied = template ? ` TEMPLATE "${template.replace(/"/g, '')}"` : '';
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"${copied}`);
    } finally {
      await client.end();
    }
    return `${base}/${name}`;
  };

  return {
    url: await createDatabase('feedback'),
    base,
    createDatabase,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        // Immediate shutdown: nothing in a throwaway cluster needs to be kept. The signal goes to
        // the postmaster itself, which runuser does not pass signals on to.
        const postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
        process.kill(postmaster, 'SIGQUIT');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
