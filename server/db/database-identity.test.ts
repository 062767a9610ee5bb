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
  it('is 128 random bits in base64url, made when the database is, and kept when it is opened again', () => {
    const dir = freshDir();
    const db = openDatabase(dir);
    const id = databaseId(db);
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    db.close();
    const again = openDatabase(dir);
    expect(databaseId(again)).toBe(id);
    again.close();
  });

  it('differs between two databases', () => {
    const a = openDatabase(freshDir());
    const b = openDatabase(freshDir());
    expect(databaseId(a)).not.toBe(databaseId(b));
    a.close();
    b.close();
  });

  it('is given to a database from before it existed when it is upgraded, and kept if the migration runs again', () => {
    const dir = freshDir();
    const db = openDatabase(dir);
    db.exec('DROP TABLE database_identity');
    db.pragma('user_version = 9');
    db.close();
    const upgraded = openDatabase(dir);
    const id = databaseId(upgraded);
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    upgraded.pragma('user_version = 9');
    upgraded.close();
    const again = openDatabase(dir);
    expect(databaseId(again)).toBe(id);
    expect(again.prepare('SELECT count(*) FROM database_identity').pluck().get()).toBe(1);
    again.close();
  });

  it('changes when renewed, and only then', () => {
    const db = openDatabase(freshDir());
    const before = databaseId(db);
    const renewed = renewDatabaseId(db);
    expect(renewed).not.toBe(before);
    expect(databaseId(db)).toBe(renewed);
    expect(() => db.exec('INSERT INTO database_identity (only_row, id) VALUES (2, \'x\')')).toThrow(/CHECK constraint/);
    db.close();
  });
});
