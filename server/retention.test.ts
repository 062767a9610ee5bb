import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeedbackResponse } from '../src/domain/response';
import { audit, auditEntries } from './db/audit-log';
import { responsesByIds } from './db/responses';
import { applyRetention, scheduleRetention } from './retention';
import { anotherConnection, makeResponse, onPostgres, queryRows, startSignedInServer, syncFromKiosk, TEST_UNIT, type TestServer } from './test-support';

const NOW = new Date('2026-11-23T10:00:00Z');
const PERIODS = { freeTextMonths: 24, auditYears: 5 };
const OLD_TEXT = 'Muistan tämän kahvin vielä pitkään';

let server: TestServer;
let cookie: string;
let old: FeedbackResponse[];
let recent: FeedbackResponse[];

/** Five responses in one ISO week (from its Monday), each with a choice answer and a free text. */
function week(monday: string, text: string): FeedbackResponse[] {
  const day = Number(monday.slice(8));
  return Array.from({ length: 5 }, (_, i) =>
    makeResponse({
      date: `${monday.slice(0, 8)}${String(day + i).padStart(2, '0')}`,
      answers: { day: String((i % 5) + 1), needs: ['food'], 'anything-else': `${text} ${i}` },
    }),
  );
}

beforeEach(async () => {
  ({ server, cookie } = await startSignedInServer({ clock: () => NOW }));
  // 2024-10-07 is more than 24 months before 2026-11-23; 2025-01-06 is not.
  old = week('2024-10-07', OLD_TEXT);
  recent = week('2025-01-06', 'Hyvä ruoka');
  await syncFromKiosk(server, [...old, ...recent]);
});
afterEach(() => server.close());

const get = async (path: string) => {
  const reply = await server.app.inject({ method: 'GET', url: path, headers: { cookie } });
  expect(reply.statusCode, reply.body).toBe(200);
  return reply.json();
};
const dashboard = (from: string, to: string) => get(`/api/coordinator/dashboard?form=todays-feedback&from=${from}&to=${to}`);
const freeTexts = async (from: string, to: string) => ((await get(`/api/coordinator/free-texts?form=todays-feedback&from=${from}&to=${to}`)) as { texts: { text: string }[] }).texts.map((t) => t.text);

describe('retention', () => {
  it('removes free texts older than 24 months and keeps their choice answers, the counts and newer texts', async () => {
    const dashboardBefore = await dashboard('2024-10-01', '2025-01-31');
    const counts = () => queryRows(server.db, 'SELECT * FROM answer_counts ORDER BY date, question_id, option_id');
    const countsBefore = await counts();
    expect(await freeTexts('2024-10-07', '2024-10-13')).toHaveLength(5);

    expect(await applyRetention(server.db, PERIODS, NOW)).toEqual({ freeTexts: 5, auditEntries: 0 });

    expect(await freeTexts('2024-10-07', '2024-10-13')).toEqual([]);
    expect((await freeTexts('2025-01-06', '2025-01-12')).sort()).toEqual(recent.map((r) => r.answers['anything-else']).sort());
    expect(await dashboard('2024-10-01', '2025-01-31')).toEqual(dashboardBefore);
    expect(await counts()).toEqual(countsBefore);
    // Every response is still there, with every answer but the free text.
    expect(await responsesByIds(server.db, old.map((r) => r.id))).toEqual(
      old.map(({ answers: { 'anything-else': _text, ...choices }, ...response }) => ({ ...response, answers: choices, unitId: TEST_UNIT })),
    );
    expect(await responsesByIds(server.db, recent.map((r) => r.id))).toEqual(recent.map((r) => ({ ...r, unitId: TEST_UNIT })));
    // Not only unlinked: on SQLite the bytes are gone from the file once the WAL is written back.
    if (server.db.sqlite) {
      server.db.sqlite.connection.pragma('wal_checkpoint(TRUNCATE)');
      expect(readFileSync(server.db.sqlite.file).includes(OLD_TEXT)).toBe(false);
    }

    // A second run finds nothing more to do.
    expect(await applyRetention(server.db, PERIODS, NOW)).toEqual({ freeTexts: 0, auditEntries: 0 });
  });

  it('keeps a text dated exactly 24 months ago until the next day', async () => {
    const [edge] = week('2024-11-23', 'Reunalla');
    await syncFromKiosk(server, [edge!]);
    expect((await applyRetention(server.db, PERIODS, NOW)).freeTexts).toBe(5);
    expect((await responsesByIds(server.db, [edge!.id]))[0]!.answers['anything-else']).toBe('Reunalla 0');
    expect((await applyRetention(server.db, PERIODS, new Date('2026-11-24T10:00:00Z'))).freeTexts).toBe(1);
    expect((await responsesByIds(server.db, [edge!.id]))[0]!.answers).toEqual({ day: '1', needs: ['food'] });
  });

  it('removes audit entries older than five years and keeps newer ones', async () => {
    await audit(server.db, 'aino', 'sign-in', '', new Date('2021-11-20T10:00:00Z'));
    await audit(server.db, 'aino', 'sign-in', '', new Date('2021-11-23T10:00:00Z'));
    const kept = (await auditEntries(server.db, 'all')).length - 1;
    expect((await applyRetention(server.db, PERIODS, NOW)).auditEntries).toBe(1);
    expect(await auditEntries(server.db, 'all')).toHaveLength(kept);
    expect((await auditEntries(server.db, 'all')).some((e) => e.at === '2021-11-20T10:00:00.000Z')).toBe(false);
    expect((await auditEntries(server.db, 'all')).some((e) => e.at === '2021-11-23T10:00:00.000Z')).toBe(true);
  });

  it('removes nothing when both periods are 0', async () => {
    await audit(server.db, 'aino', 'sign-in', '', new Date('2001-01-01T10:00:00Z'));
    expect(await applyRetention(server.db, { freeTextMonths: 0, auditYears: 0 }, NOW)).toEqual({ freeTexts: 0, auditEntries: 0 });
    expect((await responsesByIds(server.db, [old[0]!.id]))[0]!.answers['anything-else']).toBe(`${OLD_TEXT} 0`);
  });

  const logged = () => {
    const lines: { level: string; details: object }[] = [];
    return { lines, log: { info: (details: object) => lines.push({ level: 'info', details }), error: (details: object) => lines.push({ level: 'error', details }) } };
  };

  it('runs at once when scheduled and logs what it removed', async () => {
    const { lines, log } = logged();
    scheduleRetention(server.db, PERIODS, log, () => NOW).stop();
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    expect(lines).toEqual([{ level: 'info', details: { ...PERIODS } }]);
    expect((await responsesByIds(server.db, [old[0]!.id]))[0]!.answers['anything-else']).toBeUndefined();
  });

  it('runs once a day however many server instances share the database', async () => {
    const { lines, log } = logged();
    // On SQLite one process owns the file: "another instance" is the same server's schedule again.
    const other = onPostgres ? await anotherConnection(server.db) : server.db;
    try {
      // Two instances start at the same moment, and one of them again later that day.
      const runs = [scheduleRetention(server.db, PERIODS, log, () => NOW), scheduleRetention(other, PERIODS, log, () => NOW)];
      const outcomes = await Promise.all(runs.map((run) => (run.stop(), run.firstRun)));
      // The other skips it: while it runs (PostgreSQL's lock), or once it is recorded.
      expect(outcomes.filter((outcome) => outcome === 'ran')).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome !== 'ran')).toEqual([expect.stringMatching(/^(running-elsewhere|ran-today-already)$/)]);
      const later = scheduleRetention(other, PERIODS, log, () => new Date(NOW.getTime() + 3_600_000));
      later.stop();
      expect(await later.firstRun).toBe('ran-today-already');
      expect(lines).toEqual([{ level: 'info', details: { ...PERIODS } }]);
      expect(await queryRows(server.db, 'SELECT job, ran_on FROM job_runs')).toEqual([{ job: 'retention', ran_on: '2026-11-23' }]);
    } finally {
      if (other !== server.db) await other.close();
    }
  });

  // A read-only SQLite connection is the failure at hand; the scheduling is the same on PostgreSQL.
  it.skipIf(onPostgres)('logs a run that fails instead of stopping the server', async () => {
    const { lines, log } = logged();
    server.db.sqlite!.connection.pragma('query_only = ON');
    scheduleRetention(server.db, { freeTextMonths: 1, auditYears: 1 }, log, () => NOW).stop();
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    server.db.sqlite!.connection.pragma('query_only = OFF');
    expect(lines[0]!.level).toBe('error');
  });
});
