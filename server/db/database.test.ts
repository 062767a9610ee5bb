import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, prepared } from './database';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('openDatabase', () => {
  it('creates the file in WAL mode with every migration applied, once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'feedback-db-'));
    dirs.push(dir);
    const first = openDatabase(dir);
    expect(first.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(first.pragma('user_version', { simple: true })).toBe(2);
    first.close();
    const again = openDatabase(dir);
    expect(again.pragma('user_version', { simple: true })).toBe(2);
    again.close();
  });

  it('refuses a database from a newer server rather than guessing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'feedback-db-'));
    dirs.push(dir);
    const db = openDatabase(dir);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openDatabase(dir)).toThrow(/schema version 99, newer than this server knows/);
  });

  it('keeps the responses table in id order, not insertion order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'feedback-db-'));
    dirs.push(dir);
    const db = openDatabase(dir);
    const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'responses'").get() as { sql: string };
    expect(sql.sql).toMatch(/WITHOUT ROWID/);
    db.close();
  });

  it('prepares a statement once per connection', () => {
    const dir = mkdtempSync(join(tmpdir(), 'feedback-db-'));
    dirs.push(dir);
    const first = openDatabase(dir);
    const second = openDatabase(dir);
    const sql = 'SELECT count(*) FROM kiosks';
    expect(prepared(first, sql)).toBe(prepared(first, sql));
    expect(prepared(second, sql)).not.toBe(prepared(first, sql));
    expect(prepared(second, sql).pluck().get()).toBe(0);
    first.close();
    second.close();
  });
});
