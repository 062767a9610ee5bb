import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { databaseId, renewDatabaseId } from './database-identity';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'feedback-identity-'));
  dirs.push(dir);
  return dir;
}

describe('the database identity', () => {
  it('is 128 random bits in base64url, made when the database is, and kept when it is opened again', async () => {
    const dir = freshDir();
    const db = openDatabase(dir);
    const id = await databaseId(db);
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    await db.close();
    const again = openDatabase(dir);
    expect(await databaseId(again)).toBe(id);
    await again.close();
  });

  it('differs between two databases', async () => {
    const a = openDatabase(freshDir());
    const b = openDatabase(freshDir());
    expect(await databaseId(a)).not.toBe(await databaseId(b));
    await a.close();
    await b.close();
  });

  it('is given to a database from before it existed when it is upgraded, and kept if the migration runs again', async () => {
    const dir = freshDir();
    const db = openDatabase(dir);
    db.sqlite!.connection.exec('DROP TABLE database_identity');
    db.sqlite!.connection.pragma('user_version = 9');
    await db.close();
    const upgraded = openDatabase(dir);
    const id = await databaseId(upgraded);
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    upgraded.sqlite!.connection.pragma('user_version = 9');
    await upgraded.close();
    const again = openDatabase(dir);
    expect(await databaseId(again)).toBe(id);
    expect(again.sqlite!.connection.prepare('SELECT count(*) FROM database_identity').pluck().get()).toBe(1);
    await again.close();
  });

  it('changes when renewed, and only then', async () => {
    const db = openDatabase(freshDir());
    const before = await databaseId(db);
    const renewed = await renewDatabaseId(db);
    expect(renewed).not.toBe(before);
    expect(await databaseId(db)).toBe(renewed);
    expect(() => db.sqlite!.connection.exec('INSERT INTO database_identity (only_row, id) VALUES (2, \'x\')')).toThrow(/CHECK constraint/);
    await db.close();
  });
});
