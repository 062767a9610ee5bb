import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { migrationsApplied, openDatabase } from './database';
import { responsesByIds } from './responses';
import { listCoordinators } from './coordinators';
import { listUnits } from './units';
import type { UnitResponse } from '../../src/domain/response';
import { FIRST_UNIT_ID } from '../../src/domain/units';
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
      // One unit, "Päiväkeskus", holds everything; the coordinators, who saw everything, administer the area.
      expect(await listUnits(db)).toEqual([{ id: FIRST_UNIT_ID, names: { fi: 'Päiväkeskus' } }]);
      for (const table of ['responses', 'kiosks', 'day_log', 'answer_counts', 'response_counts', 'published_age_groups', 'pairing_codes']) {
        expect(await queryValue(db, `SELECT count(*) FROM ${table} WHERE unit_id <> '${FIRST_UNIT_ID}'`), table).toBe(0);
      }
      expect(await queryValue(db, 'SELECT count(*) FROM responses')).toBe(contents.responses!.rows);
      expect((await listCoordinators(db)).map((c) => c.role)).toEqual(['admin']);
      // And the upgraded server works on it: ready, and a response it already has is a duplicate.
      const app = await buildApp(db, { staticDir: null, logLevel: 'silent', minFreeDiskBytes: 1 });
      try {
        expect((await app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
        const [{ unitId, ...stored }] = await responsesByIds(db, [(await queryValue(db, 'SELECT id FROM responses LIMIT 1')) as string]) as [UnitResponse];
        expect(unitId).toBe(FIRST_UNIT_ID);
        const reply = await app.inject({
          method: 'POST',
          url: '/api/kiosk/sync',
          // The fixture's kiosk "Aula" was enrolled with this token (scripts/make-upgrade-fixture.ts).
          headers: { authorization: 'Bearer token-for-the-kiosk-Aula' },
          payload: { appVersion: 'test', waiting: 1, abandoned: {}, responses: [stored] },
        });
        expect(reply.json()).toEqual({ results: [{ id: stored.id, status: 'duplicate' }], databaseId: expect.stringMatching(/^[\w-]{22}$/), keepSentDays: 14 });
        expect((await releaseContents(db)).responses).toEqual(contents.responses);
      } finally {
        await app.close();
      }
    } finally {
      await db.close();
    }
  });

  it('names the unit an upgraded database starts with from the UNIT_NAME setting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'feedback-upgrade-'));
    dirs.push(dir);
    copyFileSync(join(FIXTURES, `${releases.at(-1)}.sqlite`), join(dir, 'feedback.sqlite'));
    const db = openDatabase(dir, undefined, { firstUnitName: 'Rovaniemen päiväkeskus' });
    try {
      expect(await listUnits(db)).toEqual([{ id: 'rovaniemen-paivakeskus', names: { fi: 'Rovaniemen päiväkeskus' } }]);
      expect(await queryValue(db, "SELECT count(*) FROM responses WHERE unit_id = 'rovaniemen-paivakeskus'")).toBeGreaterThan(0);
      expect(await queryValue(db, "SELECT count(*) FROM day_log WHERE unit_id <> 'rovaniemen-paivakeskus'")).toBe(0);
    } finally {
      await db.close();
    }
  });
});
