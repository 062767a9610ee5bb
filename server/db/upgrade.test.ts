import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { migrationsApplied, openDatabase } from './database';
import { responsesByIds } from './responses';
import { releaseContents, type ReleaseContents } from './fixtures/release-contents';
import { queryValue } from '../test-support';

const FIXTURES = resolve('server/db/fixtures');
const releases = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.sqlite'))
  .map((file) => file.replace(/\.sqlite$/, ''));

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('upgrading a database written by an earlier release', () => {
  it('has at least one release to upgrade from', () => expect(releases.length).toBeGreaterThan(0));

  it.each(releases)('%s: every response, count, form version, coordinator, kiosk, comment and audit entry survives', async (release) => {
    const { schemaVersion, contents } = JSON.parse(readFileSync(join(FIXTURES, `${release}.json`), 'utf8')) as { schemaVersion: number; contents: ReleaseContents };
    const dir = mkdtempSync(join(tmpdir(), 'feedback-upgrade-'));
    dirs.push(dir);
    copyFileSync(join(FIXTURES, `${release}.sqlite`), join(dir, 'feedback.sqlite'));
    const db = openDatabase(dir);
    try {
      expect(schemaVersion).toBeGreaterThan(0);
      expect(migrationsApplied(db.sqlite!.connection)).toBe(true);
      expect(await releaseContents(db)).toEqual(contents);
      // And the upgraded server works on it: ready, and a response it already has is a duplicate.
      const app = await buildApp(db, { staticDir: null, logLevel: 'silent', minFreeDiskBytes: 1 });
      try {
        expect((await app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
        const [stored] = await responsesByIds(db, [(await queryValue(db, 'SELECT id FROM responses LIMIT 1')) as string]);
        const reply = await app.inject({
          method: 'POST',
          url: '/api/kiosk/sync',
          // The fixture's kiosk "Aula" was enrolled with this token (scripts/make-upgrade-fixture.ts).
          headers: { authorization: 'Bearer token-for-the-kiosk-Aula' },
          payload: { appVersion: 'test', waiting: 1, abandoned: {}, responses: [stored] },
        });
        expect(reply.json()).toEqual({ results: [{ id: stored!.id, status: 'duplicate' }], databaseId: expect.stringMatching(/^[\w-]{22}$/), keepSentDays: 14 });
        expect((await releaseContents(db)).responses).toEqual(contents.responses);
      } finally {
        await app.close();
      }
    } finally {
      await db.close();
    }
  });
});
