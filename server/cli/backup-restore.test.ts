import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chownSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleResponse } from '../../src/domain/sample-response';
import type { FeedbackResponse } from '../../src/domain/response';
import { decryptFile } from '../backup/backup-encryption';
import { freePort } from '../free-port';
import { SCHEMA_VERSION } from '../db/database';

const PASSPHRASE = 'kolme pientä porsasta ja susi';

let folder: string;
let dataDir: string;
let backupDir: string;
let staticDir: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'feedback-backup-cli-'));
  dataDir = join(folder, 'data');
  backupDir = join(folder, 'backups');
  staticDir = join(folder, 'dist');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>kiosk</title>');
});
afterAll(async () => {
  await stopServer();
  rmSync(folder, { recursive: true, force: true });
});

/** The settings a tool or the server gets; BACKUP_PASSPHRASE only when given. */
function environment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, BACKUP_DIR: backupDir, STATIC_DIR: staticDir, LOG_LEVEL: 'warn', ...extra };
  if (!('BACKUP_PASSPHRASE' in extra)) delete env.BACKUP_PASSPHRASE;
  return env;
}

/** Runs a command-line tool as a separate process, as an operator would, without blocking this one. */
function run(tool: 'backup' | 'restore' | 'kiosk', args: string[] = [], extra: Record<string, string> = {}): Promise<{ status: number | null; out: string; err: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(`server/cli/${tool}.ts`), ...args], { env: environment(extra), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (status) => done({ status, out, err }));
  });
}

/** Every file in a folder with its mode and a hash of its bytes: what "nothing changed" means. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir).map((name) => {
      const path = join(dir, name);
      return [name, `${(statSync(path).mode & 0o777).toString(8)} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`];
    }),
  );
}

function readDatabase<T>(file: string, read: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}
const idsIn = (file: string) => new Set(readDatabase(file, (db) => db.prepare('SELECT id FROM responses').pluck().all() as string[]));
const identityOf = (file: string) => readDatabase(file, (db) => db.prepare('SELECT id FROM database_identity').pluck().get() as string);


let server: ChildProcess | null = null;
let base = '';

/** The real server (server/main.ts) as a process of its own, on the data folder. */
async function startServer(): Promise<void> {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  let output = '';
  server = spawn(process.execPath, ['--import', 'tsx', resolve('server/main.ts')], { env: environment({ PORT: String(port), HOST: '127.0.0.1' }), stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited: ${output}`);
    const up = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (up) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`The server did not start: ${output}`);
}

async function stopServer(): Promise<void> {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((done) => server!.once('exit', done));
  server.kill('SIGTERM');
  await exited;
  server = null;
}

let token = '';
async function enroll(): Promise<void> {
  const paired = await run('kiosk', ['pair', 'Aula']);
  const code = /: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(paired.out)![1]!;
  const reply = await fetch(`${base}/api/kiosk/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pairingCode: code }) });
  token = ((await reply.json()) as { token: string }).token;
}

async function sync(responses: FeedbackResponse[]): Promise<{ status: number; body: { results?: { id: string; status: string }[]; databaseId?: string } }> {
  const reply = await fetch(`${base}/api/kiosk/sync`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ appVersion: 'test', waiting: responses.length, abandoned: {}, responses }),
  });
  return { status: reply.status, body: await reply.json() };
}

const day = () => sampleResponse({ date: '2026-12-01', answers: { day: '4' } });
/** Every response the server has acknowledged, in the order acknowledged. */
const acknowledged: FeedbackResponse[] = [];
let encryptedBackup = '';
let plainBackup = '';
let identityBeforeRestore = '';

describe('npm run backup, with the server running', () => {
  it('writes a checked, encrypted copy while a kiosk keeps sending, and the sends all go through', async () => {
    await startServer();
    await enroll();
    for (let i = 0; i < 10; i++) {
      const batch = Array.from({ length: 50 }, day);
      expect((await sync(batch)).status).toBe(200);
      acknowledged.push(...batch);
    }
    const beforeBackup = acknowledged.length;
    let sending = true;
    let failed = 0;
    const sender = (async () => {
      while (sending) {
        const batch = Array.from({ length: 20 }, day);
        if ((await sync(batch)).status === 200) acknowledged.push(...batch);
        else failed += 1;
      }
    })();
    const backup = await run('backup', [], { BACKUP_PASSPHRASE: PASSPHRASE });
    const afterBackup = acknowledged.length;
    sending = false;
    await sender;
    expect(backup.err).toBe('');
    expect(backup.status).toBe(0);
    expect(failed).toBe(0);
    expect(afterBackup).toBeGreaterThan(beforeBackup);

    const [name] = readdirSync(backupDir);
    expect(name).toMatch(/^feedback-\d{4}-\d{2}-\d{2}T\d{6}Z\.sqlite\.enc$/);
    encryptedBackup = join(backupDir, name!);
    expect(backup.out).toContain(`Backup written and checked: ${encryptedBackup}`);
    expect(statSync(backupDir).mode & 0o777).toBe(0o700);
    expect(statSync(encryptedBackup).mode & 0o777).toBe(0o600);

    const plain = join(folder, 'decrypted.sqlite');
    await decryptFile(encryptedBackup, plain, PASSPHRASE);
    expect(readDatabase(plain, (db) => db.pragma('integrity_check', { simple: true }))).toBe('ok');
    const inBackup = idsIn(plain);
    // Everything acknowledged before the backup began is in it; nothing that was never acknowledged is.
    expect(acknowledged.slice(0, beforeBackup).every((r) => inBackup.has(r.id))).toBe(true);
    const ackedIds = new Set(acknowledged.map((r) => r.id));
    expect([...inBackup].every((id) => ackedIds.has(id))).toBe(true);
    expect(inBackup.size).toBeLessThanOrEqual(afterBackup);
  });

  it('writes a plain SQLite file when BACKUP_PASSPHRASE is not set', async () => {
    const before = new Set(readdirSync(backupDir));
    // The next second, so the new file has a name of its own.
    await new Promise((done) => setTimeout(done, 1100));
    const backup = await run('backup');
    expect(backup.status).toBe(0);
    expect(backup.out).toContain('not encrypted');
    const [name] = readdirSync(backupDir).filter((f) => !before.has(f));
    expect(name).toMatch(/\.sqlite$/);
    plainBackup = join(backupDir, name!);
    expect(statSync(plainBackup).mode & 0o777).toBe(0o600);
    expect(readDatabase(plainBackup, (db) => db.pragma('integrity_check', { simple: true }))).toBe('ok');
  });

  it("is what the server's metrics give as the age of the last backup", async () => {
    const metrics = await (await fetch(`${base}/metrics`)).text();
    const age = Number(/^feedback_last_backup_age_seconds (\S+)$/m.exec(metrics)?.[1]);
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThan(60);
  });
});

describe('npm run restore refuses, and changes nothing in the data folder', () => {
  it('while the server is running', async () => {
    const before = snapshot(dataDir);
    const refused = await run('restore', [plainBackup]);
    expect(refused.status).toBe(1);
    expect(refused.err).toMatch(/in use: stop the server/);
    expect(refused.err).toMatch(/Nothing in .* was changed/);
    expect(snapshot(dataDir)).toEqual(before);
  });

  it.each([
    ['an encrypted backup without BACKUP_PASSPHRASE', () => encryptedBackup, {}, /is encrypted: set BACKUP_PASSPHRASE/],
    ['an encrypted backup with the wrong passphrase', () => encryptedBackup, { BACKUP_PASSPHRASE: 'väärä' }, /cannot be decrypted: The passphrase is wrong/],
    ['an encrypted backup with a changed byte', () => changed(encryptedBackup, 5000), { BACKUP_PASSPHRASE: PASSPHRASE }, /cannot be decrypted/],
    ['a damaged database', () => damagedPage(plainBackup), {}, /fails the integrity check: database disk image is malformed/],
    ['a file that is no database', () => join(staticDir, 'index.html'), {}, /index\.html is not a sound SQLite database: file is not a database/],
    ['a database from a newer release', () => newerSchema(plainBackup), {}, new RegExp(`comes from a newer release: its schema version is ${SCHEMA_VERSION + 1}, and this release knows up to ${SCHEMA_VERSION}`)],
    ['a file that is not there', () => join(folder, 'no-such-backup.sqlite'), {}, /There is no file/],
  ])('%s', async (_name, file, extra: Record<string, string>, message) => {
    await stopServer();
    identityBeforeRestore = identityOf(join(dataDir, 'feedback.sqlite'));
    const before = snapshot(dataDir);
    const refused = await run('restore', [file()], extra);
    expect(refused.err).toMatch(message);
    expect(refused.status).toBe(1);
    expect(snapshot(dataDir)).toEqual(before);
  });
});

/** A copy of a file with `length` bytes changed from `at`. */
function changed(file: string, at: number, length = 1): string {
  const bytes = Buffer.from(readFileSync(file));
  for (let i = at; i < at + length; i++) bytes[i] = bytes[i]! ^ 0x5a;
  const copy = join(folder, `changed-${at}-${length}`);
  writeFileSync(copy, bytes);
  return copy;
}

/** A copy of a database with its fourth page overwritten with zeros, as a failing disk might. */
function damagedPage(file: string): string {
  const bytes = Buffer.from(readFileSync(file));
  bytes.fill(0, 3 * 4096, 4 * 4096);
  const copy = join(folder, 'damaged.sqlite');
  writeFileSync(copy, bytes);
  return copy;
}

/** A sound copy of a backup that says it has one migration more than this release knows. */
function newerSchema(file: string): string {
  const copy = join(folder, 'newer.sqlite');
  copyFileSync(file, copy);
  const db = new BetterSqlite3(copy);
  db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  db.close();
  return copy;
}

describe('npm run restore of a good backup', () => {
  it('replaces the database in one step, keeps the one it replaced, and gives the database a new identity', async () => {
    const database = join(dataDir, 'feedback.sqlite');
    const everything = idsIn(database);
    expect(everything.size).toBe(acknowledged.length);
    const backupIdentity = identityOf(join(folder, 'decrypted.sqlite'));
    expect(backupIdentity).toBe(identityBeforeRestore);

    const restored = await run('restore', [encryptedBackup], { BACKUP_PASSPHRASE: PASSPHRASE });
    expect(restored.err).toBe('');
    expect(restored.status).toBe(0);
    expect(restored.out).toContain('new identity');

    const left = readdirSync(dataDir).sort();
    expect(left).toEqual(['feedback.sqlite', expect.stringMatching(/^feedback\.sqlite\.before-restore-\d{4}-\d{2}-\d{2}T\d{6}Z$/)]);
    const kept = join(dataDir, left[1]!);
    expect(idsIn(kept)).toEqual(everything);
    expect(idsIn(database)).toEqual(idsIn(join(folder, 'decrypted.sqlite')));
    expect(readDatabase(database, (db) => db.pragma('integrity_check', { simple: true }))).toBe('ok');
    const identity = identityOf(database);
    expect(identity).toMatch(/^[\w-]{22}$/);
    expect(identity).not.toBe(identityBeforeRestore);
    expect(identityOf(kept)).toBe(identityBeforeRestore);
  });

  it('serves the restored database: sync answers carry the new identity, and everything sent again is stored once', async () => {
    await startServer();
    const database = join(dataDir, 'feedback.sqlite');
    const inRestored = idsIn(database);
    const lost = acknowledged.filter((r) => !inRestored.has(r.id));
    expect(lost.length).toBeGreaterThan(0);
    let identity: string | undefined;
    for (let i = 0; i < acknowledged.length; i += 200) {
      const answer = await sync(acknowledged.slice(i, i + 200));
      expect(answer.status).toBe(200);
      identity = answer.body.databaseId;
      for (const result of answer.body.results!) expect(result.status).toBe(inRestored.has(result.id) ? 'duplicate' : 'accepted');
    }
    await stopServer();
    expect(identity).toBe(identityOf(database));
    expect(readDatabase(database, (db) => db.prepare('SELECT count(*) FROM responses').pluck().get())).toBe(acknowledged.length);
    expect(idsIn(database)).toEqual(new Set(acknowledged.map((r) => r.id)));
  });

  it('restores into an empty data folder, as on a new disk', async () => {
    const fresh = join(folder, 'new-disk', 'data');
    const restored = await run('restore', [plainBackup], { DATA_DIR: fresh });
    expect(restored.status).toBe(0);
    expect(readdirSync(fresh)).toEqual(['feedback.sqlite']);
    expect(idsIn(join(fresh, 'feedback.sqlite'))).toEqual(idsIn(plainBackup));
  });

  it.runIf(process.getuid?.() === 0)('run as root, gives the restored database to the owner of the one it replaces', async () => {
    const owned = join(folder, 'owned');
    mkdirSync(owned);
    copyFileSync(plainBackup, join(owned, 'feedback.sqlite'));
    chownSync(join(owned, 'feedback.sqlite'), 4321, 4321);
    const restored = await run('restore', [plainBackup], { DATA_DIR: owned });
    expect(restored.status).toBe(0);
    expect(statSync(join(owned, 'feedback.sqlite'))).toMatchObject({ uid: 4321, gid: 4321 });
    expect(existsSync(join(owned, 'feedback.sqlite-wal'))).toBe(false);
  });
});
