import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../db/audit-log';
import { openDatabase, type Database } from '../db/database';
import { verifyPassword } from '../passwords';

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'feedback-cli-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs a command-line tool as a person would, with standard input that is not a terminal. */
function run(tool: 'coordinator' | 'kiosk', args: string[], input = '') {
  const result = spawnSync(process.execPath, ['--import', 'tsx', resolve(`server/cli/${tool}.ts`), ...args], {
    env: { ...process.env, DATA_DIR: dataDir },
    input,
    encoding: 'utf8',
  });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

async function inDatabase<T>(read: (db: Database) => Promise<T>): Promise<T> {
  const db = openDatabase(dataDir);
  try {
    return await read(db);
  } finally {
    await db.close();
  }
}

describe('npm run coordinator -- add', () => {
  it('adds a coordinator with a password from standard input, hashed, and audits it', async () => {
    const added = run('coordinator', ['add', 'aino'], 'kahvia ja pullaa aamulla\n');
    expect(added).toMatchObject({ status: 0, out: expect.stringContaining('Coordinator aino added') });
    const hash = await inDatabase(async (db) => (await db.q.selectFrom('coordinators').select('password_hash').where('username', '=', 'aino').executeTakeFirstOrThrow()).password_hash);
    expect(await verifyPassword('kahvia ja pullaa aamulla', hash)).toBe(true);
    expect(await inDatabase(async (db) => (await auditEntries(db, 'all')).map((e) => [e.actor, e.action, e.detail]))).toContainEqual(['command line', 'coordinator-added', 'aino as admin']);
  });

  it.each([
    ['a short password', ['add', 'eino'], 'short\n', /at least 12/],
    ['a common password', ['add', 'eino'], 'Salasana2026!\n', /common passwords/],
    ['a taken username', ['add', 'aino'], 'another long passphrase\n', /already exists/],
    ['a username with spaces', ['add', 'a b'], 'another long passphrase\n', /username is/],
    ['no username', ['add'], '', /Usage/],
  ])('refuses %s with exit code 2 and a reason', (_name, args, input, message) => {
    const result = run('coordinator', args, input);
    expect(result.status).toBe(2);
    expect(result.err).toMatch(message);
  });
});

describe('npm run kiosk', () => {
  it('pairs, lists and revokes, and audits the changes', async () => {
    const paired = run('kiosk', ['pair', 'Aula']);
    expect(paired.status).toBe(0);
    expect(paired.out).toMatch(/Pairing code for "Aula" in unit paivakeskus: [A-Z0-9]{4}-[A-Z0-9]{4}/);
    expect(run('kiosk', ['list']).out).toMatch(/No kiosks enrolled yet/);
    expect(run('kiosk', ['revoke', 'no-such-id'])).toMatchObject({ status: 2, err: expect.stringContaining('No kiosk with id') });
    expect(run('kiosk', ['fly'])).toMatchObject({ status: 2, err: expect.stringContaining('Usage') });
    expect(await inDatabase(async (db) => (await auditEntries(db, 'all')).map((e) => `${e.action} ${e.detail}`))).toContain('kiosk-paired Aula');
  });
});
