import { FIRST_UNIT_ID } from '../../src/domain/units';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultForm } from '../../src/domain/default-form';
import { makeResponse } from '../test-support';
import { answerCountsBetween, responseCountsBetween } from './answer-counts';
import BetterSqlite3 from 'better-sqlite3';
import initialSchema from './migrations/001-initial';
import formDrafts from './migrations/005-form-drafts';
import { openDatabase, prepared, SCHEMA_VERSION } from './database';
import { ensureFormVersion } from './forms';
import { storeResponses } from './responses';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** An empty temp folder for a database, removed after the test. */
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'feedback-db-'));
  dirs.push(dir);
  return dir;
}

describe('openDatabase', () => {
  it('creates the file in WAL mode with every migration applied, once', async () => {
    const dir = freshDir();
    const first = openDatabase(dir);
    expect(first.sqlite!.connection.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(first.sqlite!.connection.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    await first.close();
    const again = openDatabase(dir);
    expect(again.sqlite!.connection.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    await again.close();
  });

  it('refuses a database from a newer server rather than guessing', async () => {
    const dir = freshDir();
    const db = openDatabase(dir);
    db.sqlite!.connection.pragma('user_version = 99');
    await db.close();
    expect(() => openDatabase(dir)).toThrow(/schema version 99, newer than this server knows/);
  });

  it('keeps the responses table in id order, not insertion order', async () => {
    const dir = freshDir();
    const db = openDatabase(dir);
    const sql = db.sqlite!.connection.prepare("SELECT sql FROM sqlite_master WHERE name = 'responses'").get() as { sql: string };
    expect(sql.sql).toMatch(/WITHOUT ROWID/);
    await db.close();
  });

  it('prepares a statement once per connection', async () => {
    const dir = freshDir();
    const first = openDatabase(dir);
    const second = openDatabase(dir);
    const sql = 'SELECT count(*) FROM kiosks';
    expect(prepared(first.sqlite!.connection, sql)).toBe(prepared(first.sqlite!.connection, sql));
    expect(prepared(second.sqlite!.connection, sql)).not.toBe(prepared(first.sqlite!.connection, sql));
    expect(prepared(second.sqlite!.connection, sql).pluck().get()).toBe(0);
    await first.close();
    await second.close();
  });

  it('counts the responses stored before the counts existed when it adds them', async () => {
    const dir = freshDir();
    const db = openDatabase(dir);
    await ensureFormVersion(db, defaultForm, true);
    const responses = [
      makeResponse({ date: '2026-11-23', answers: { day: '4', needs: ['food', 'housing'] } }),
      makeResponse({ date: '2026-11-23', answers: { day: '4' } }),
      makeResponse({ date: '2026-11-24', language: 'sv', answers: { 'anything-else': 'Tack' } }),
    ];
    await storeResponses(db, responses, () => defaultForm, FIRST_UNIT_ID);
    const query = { formId: defaultForm.id, units: [FIRST_UNIT_ID], from: '2026-11-01', to: '2026-11-30', language: null };
    const counted = { answers: await answerCountsBetween(db, query), responses: await responseCountsBetween(db, query) };
    expect(counted.answers.find((r) => r.question === 'day' && r.option === '4')?.count).toBe(2);
    // As a database from before the counts: no count tables, schema version 2.
    db.sqlite!.connection.exec('DROP TABLE answer_counts; DROP TABLE response_counts; DROP TABLE form_drafts; DROP TABLE preview_links; DROP TABLE draft_comments');
    db.sqlite!.connection.pragma('user_version = 2');
    await db.close();
    const reopened = openDatabase(dir);
    const sort = <T,>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(sort(await answerCountsBetween(reopened, query))).toEqual(sort(counted.answers));
    expect(sort(await responseCountsBetween(reopened, query))).toEqual(sort(counted.responses));
    await reopened.close();
  });

  it('upgrades a database made by the first schema, keeping and counting its responses', async () => {
    const dir = freshDir();
    const old = new BetterSqlite3(join(dir, 'feedback.sqlite'));
    old.exec(initialSchema);
    old.pragma('user_version = 1');
    old.prepare('INSERT INTO form_versions (form_id, version, definition, published) VALUES (?, 1, ?, 1)').run(defaultForm.id, JSON.stringify(defaultForm));
    const response = makeResponse({ date: '2026-11-23', answers: { day: '5' } });
    old.prepare('INSERT INTO responses (id, form_id, form_version, language, date, part_of_day, answers) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      response.id, response.formId, response.formVersion, response.language, response.date, response.partOfDay, JSON.stringify(response.answers),
    );
    old.close();
    const db = openDatabase(dir);
    expect(db.sqlite!.connection.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.sqlite!.connection.prepare('SELECT id FROM responses').pluck().all()).toEqual([response.id]);
    const query = { formId: defaultForm.id, units: [FIRST_UNIT_ID], from: '2026-11-23', to: '2026-11-23', language: null };
    expect((await answerCountsBetween(db, query)).find((r) => r.question === 'day' && r.option === '5')?.count).toBe(1);
    await db.close();
  });

  it('rebuilds the reviewers\u2019 comments without a rowid, keeping each, with the day only', async () => {
    const dir = freshDir();
    const db = openDatabase(dir);
    // As schema 7 had it: a rowid table, and a comment from before only the day was kept.
    db.sqlite!.connection.exec('DROP TABLE draft_comments');
    db.sqlite!.connection.exec(formDrafts.slice(formDrafts.indexOf('CREATE TABLE draft_comments')));
    db.sqlite!.connection.pragma('user_version = 7');
    const add = db.sqlite!.connection.prepare("INSERT INTO draft_comments (id, form_id, target, language, text, created_at) VALUES (?, 'todays-feedback', 'mood', 'fi', ?, ?)");
    add.run('f0000000-0000-4000-8000-000000000000', 'Myöhään illalla', '2026-11-23T22:30:00.000Z');
    add.run('10000000-0000-4000-8000-000000000000', 'Aamulla', '2026-11-24');
    // The rowid keeps the order in which they arrived.
    expect(db.sqlite!.connection.prepare('SELECT text FROM draft_comments ORDER BY rowid').pluck().all()).toEqual(['Myöhään illalla', 'Aamulla']);
    await db.close();

    const upgraded = openDatabase(dir);
    expect(upgraded.sqlite!.connection.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(upgraded.sqlite!.connection.prepare("SELECT sql FROM sqlite_master WHERE name = 'draft_comments'").pluck().get()).toMatch(/WITHOUT ROWID/);
    expect(() => upgraded.sqlite!.connection.prepare('SELECT rowid FROM draft_comments').all()).toThrow(/no such column/);
    // Half past ten in the evening UTC is the next day in Helsinki.
    expect(upgraded.sqlite!.connection.prepare('SELECT id, text, created_at AS day FROM draft_comments ORDER BY id').all()).toEqual([
      { id: '10000000-0000-4000-8000-000000000000', text: 'Aamulla', day: '2026-11-24' },
      { id: 'f0000000-0000-4000-8000-000000000000', text: 'Myöhään illalla', day: '2026-11-24' },
    ]);
    await upgraded.close();
  });

  it('removes copies of an id stored under other dates before the id became unique, and their counts', async () => {
    const dir = freshDir();
    const db = openDatabase(dir);
    await ensureFormVersion(db, defaultForm, true);
    const kept = makeResponse({ date: '2026-10-05', answers: { day: '4' } });
    const other = makeResponse({ date: '2026-10-06', answers: { day: '2' } });
    await storeResponses(db, [kept, other], () => defaultForm, FIRST_UNIT_ID);
    // As schema 6 allowed: the same id again with a later date, stored and counted a second time.
    db.sqlite!.connection.exec('DROP INDEX responses_by_id');
    db.sqlite!.connection.pragma('user_version = 6');
    await storeResponses(db, [{ ...kept, date: '2026-10-07' }], () => defaultForm, FIRST_UNIT_ID);
    await storeResponses(db, [{ ...kept, date: '2026-10-08', answers: { day: '1' } }], () => defaultForm, FIRST_UNIT_ID);
    expect(db.sqlite!.connection.prepare('SELECT count(*) FROM responses').pluck().get()).toBe(4);
    await db.close();

    const upgraded = openDatabase(dir);
    expect(upgraded.sqlite!.connection.prepare('SELECT id, date FROM responses ORDER BY date').all()).toEqual([
      { id: kept.id, date: '2026-10-05' },
      { id: other.id, date: '2026-10-06' },
    ]);
    expect(upgraded.sqlite!.connection.prepare('SELECT date, count FROM response_counts WHERE count > 0 ORDER BY date').all()).toEqual([
      { date: '2026-10-05', count: 1 },
      { date: '2026-10-06', count: 1 },
    ]);
    const query = { formId: defaultForm.id, units: [FIRST_UNIT_ID], from: '2026-10-01', to: '2026-10-31', language: null };
    const dayCounts = (await answerCountsBetween(upgraded, query)).filter((r) => r.question === 'day' && r.count > 0);
    expect(dayCounts.map((r) => `${r.date} ${r.option} ${r.count}`).sort()).toEqual(['2026-10-05 * 1', '2026-10-05 4 1', '2026-10-06 * 1', '2026-10-06 2 1']);
    // And from now on the id is refused under any date.
    expect(await storeResponses(upgraded, [{ ...kept, date: '2026-10-09' }], () => defaultForm, FIRST_UNIT_ID)).toEqual(['duplicate']);
    await upgraded.close();
  });

  it('leaves the database as it was when a migration fails, and says which one and why', async () => {
    const dir = freshDir();
    const db = openDatabase(dir);
    await ensureFormVersion(db, defaultForm, true);
    await storeResponses(db, [makeResponse({ date: '2026-11-23' })], () => defaultForm, FIRST_UNIT_ID);
    // As a database at schema 7 on which something already holds the name migration 008 needs.
    db.sqlite!.connection.pragma('user_version = 7');
    db.sqlite!.connection.exec('CREATE TABLE draft_comments_by_id (x)');
    await db.close();
    expect(() => openDatabase(dir)).toThrow(/^Migration 008-comments-without-order failed, so the server did not start: table draft_comments_by_id already exists\. The database is as it was before it \(schema version 7\)\.$/);
    const after = new BetterSqlite3(join(dir, 'feedback.sqlite'), { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(7);
    expect(after.prepare('SELECT count(*) FROM responses').pluck().get()).toBe(1);
    expect(after.prepare("SELECT sql FROM sqlite_master WHERE name = 'draft_comments_by_id'").pluck().get()).toBe('CREATE TABLE draft_comments_by_id (x)');
    after.close();
  });
});
