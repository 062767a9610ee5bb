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
function run(tool: 'coordinator' | 'kiosk' | 'unit', args: string[], input = '') {
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

describe('units from the command line', () => {
  it('adds a unit with names in several languages, then a unit coordinator, a viewer and a kiosk of it', async () => {
    const added = run('unit', ['add', 'Kemin', 'päiväkeskus', '--sv', 'Kemi dagcenter']);
    expect(added).toMatchObject({ status: 0, out: expect.stringContaining('Unit kemin-paivakeskus added: Kemin päiväkeskus / Kemi dagcenter') });
    expect(run('unit', ['list']).out).toContain('kemin-paivakeskus  fi: Kemin päiväkeskus  sv: Kemi dagcenter');
    expect(run('unit', ['rename', 'kemin-paivakeskus', 'Kemin', 'kohtaamispaikka']).status).toBe(0);
    expect(run('unit', ['list']).out).toContain('kemin-paivakeskus  fi: Kemin kohtaamispaikka');

    // With two units, a unit coordinator and a kiosk must say which.
    expect(run('coordinator', ['add', 'kaisa', '--role', 'coordinator'], 'kahvia ja pullaa aamulla\n')).toMatchObject({ status: 2, err: expect.stringContaining('--unit') });
    expect(run('coordinator', ['add', 'kaisa', '--role', 'coordinator', '--unit', 'nowhere'], 'kahvia ja pullaa aamulla\n')).toMatchObject({ status: 2, err: expect.stringContaining('no unit nowhere') });
    expect(run('coordinator', ['add', 'kaisa', '--role', 'boss', '--unit', 'kemin-paivakeskus'], 'kahvia ja pullaa aamulla\n')).toMatchObject({ status: 2, err: expect.stringContaining('role is one of') });
    const kaisa = run('coordinator', ['add', 'kaisa', '--role', 'coordinator', '--unit', 'kemin-paivakeskus'], 'kahvia ja pullaa aamulla\n');
    expect(kaisa).toMatchObject({ status: 0, out: expect.stringContaining('unit coordinator of kemin-paivakeskus') });
    expect(run('coordinator', ['add', 'veikko', '--role=viewer', '--unit', 'kemin-paivakeskus', '--unit', 'paivakeskus'], 'kahvia ja pullaa aamulla\n').status).toBe(0);
    expect(run('coordinator', ['set', 'kaisa', '--role', 'viewer', '--unit', 'paivakeskus']).status).toBe(0);
    const list = run('coordinator', ['list']).out;
    expect(list).toContain('kaisa  viewer  paivakeskus');
    expect(list).toContain('veikko  viewer  kemin-paivakeskus, paivakeskus');

    expect(run('kiosk', ['pair', 'Ruokasali'])).toMatchObject({ status: 2, err: expect.stringContaining('--unit') });
    expect(run('kiosk', ['pair', 'Ruokasali', '--unit', 'kemin-paivakeskus']).out).toMatch(/in unit kemin-paivakeskus: [A-Z0-9]{4}-[A-Z0-9]{4}/);
    const codes = await inDatabase((db) => db.q.selectFrom('pairing_codes').select(['kiosk_name', 'unit_id']).orderBy('kiosk_name').execute());
    expect(codes).toEqual([
      { kiosk_name: 'Aula', unit_id: 'paivakeskus' },
      { kiosk_name: 'Ruokasali', unit_id: 'kemin-paivakeskus' },
    ]);
    const audited = await inDatabase(async (db) => (await auditEntries(db, ['kemin-paivakeskus'])).map((e) => e.action));
    expect(audited).toEqual(expect.arrayContaining(['unit-added', 'unit-renamed', 'coordinator-added', 'kiosk-paired']));
    // Fourteen runs of the real command line, each starting Node and TypeScript.
  }, 180_000);
});
