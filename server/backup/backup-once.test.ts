import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { afterEach, expect, it, vi } from 'vitest';
import { defaultForm } from '../../src/domain/default-form';
import { ensureFormVersion } from '../db/forms';
import { anotherConnection, onPostgres, openTestDatabase, queryRows } from '../test-support';
import { scheduleBackups } from './backup-schedule';

// In both vitest projects: on PostgreSQL the two schedules are two instances' (two connections),
// on SQLite the same server's schedule twice (one process owns the file).

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const step of cleanup.splice(0).reverse()) await step();
});

it('makes one nightly backup however many instances share the database', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'feedback-backup-once-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const db = await openTestDatabase(join(dir, 'data'));
  cleanup.push(() => db.close());
  await ensureFormVersion(db, defaultForm, true);
  const other = onPostgres ? await anotherConnection(db) : db;
  if (other !== db) cleanup.push(() => other.close());
  const backupDir = join(dir, 'backups');
  const logged: string[] = [];
  const log = {
    info: (_details: unknown, message: string) => logged.push(`info ${message}`),
    error: (_details: unknown, message: string) => logged.push(`error ${message}`),
  } as unknown as FastifyBaseLogger;

  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: new Date('2026-12-01T23:00:00Z') });
  const stops = [db, other].map((instance) => scheduleBackups(instance, { backupDir, passphrase: null, rotation: { daily: 7, weekly: 0 }, hour: 3 }, log));
  // 03:00 in Helsinki: both instances' timers fire.
  await vi.advanceTimersByTimeAsync(2 * 60 * 60 * 1000);
  vi.useRealTimers();
  // Stopping waits for a backup under way: both instances' runs have then settled.
  await Promise.all(stops.map((stop) => stop()));
  expect(logged.filter((line) => line.startsWith('info nightly backup written'))).toHaveLength(1);
  expect(logged.filter((line) => line.startsWith('error'))).toEqual([]);
  expect(readdirSync(backupDir).filter((file) => file.startsWith('feedback-2026-12-02'))).toHaveLength(1);
  expect(await queryRows(db, 'SELECT job, ran_on FROM job_runs')).toEqual([{ job: 'backup', ran_on: '2026-12-02' }]);
});
