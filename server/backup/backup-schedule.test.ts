import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Database } from '../db/database';
import { nextBackupTime, scheduleBackups, type BackupSchedule } from './backup-schedule';
import { backupFileName } from './backup-name';

describe('nextBackupTime', () => {
  it('is the next time the clock in Helsinki shows the hour', () => {
    // 02:30 in Helsinki (winter, UTC+2): at 03:00 the same night.
    expect(nextBackupTime(new Date('2026-12-02T00:30:00Z'), 3)).toEqual(new Date('2026-12-02T01:00:00Z'));
    // 03:00 exactly has had its backup: the next night.
    expect(nextBackupTime(new Date('2026-12-02T01:00:00Z'), 3)).toEqual(new Date('2026-12-03T01:00:00Z'));
    // Summer, UTC+3.
    expect(nextBackupTime(new Date('2026-07-01T12:00:00Z'), 3)).toEqual(new Date('2026-07-02T00:00:00Z'));
    // 23:30 UTC is already the next date in Helsinki, before midnight UTC.
    expect(nextBackupTime(new Date('2026-12-01T23:30:00Z'), 0)).toEqual(new Date('2026-12-02T22:00:00Z'));
    expect(nextBackupTime(new Date('2026-12-01T21:30:00Z'), 0)).toEqual(new Date('2026-12-01T22:00:00Z'));
  });

  it('runs once on the spring night that skips 03:00 and once on the autumn night that repeats it', () => {
    // 29 March 2026: at 03:00 Helsinki the clock goes to 04:00 (01:00 UTC).
    expect(nextBackupTime(new Date('2026-03-28T12:00:00Z'), 3)).toEqual(new Date('2026-03-29T01:00:00Z'));
    // 25 October 2026: 04:00 goes back to 03:00; 03:00 comes first at 00:00 UTC and again at 01:00 UTC.
    const first = nextBackupTime(new Date('2026-10-24T12:00:00Z'), 3);
    expect(first).toEqual(new Date('2026-10-25T00:00:00Z'));
    expect(nextBackupTime(first, 3)).toEqual(new Date('2026-10-26T01:00:00Z'));
    expect(nextBackupTime(new Date('2026-10-25T01:10:00Z'), 3)).toEqual(new Date('2026-10-26T01:00:00Z'));
  });
});

describe('scheduleBackups', () => {
  const cleanup: (() => void | Promise<void>)[] = [];
  afterEach(async () => {
    vi.useRealTimers();
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  function setUp(): { db: Database; schedule: BackupSchedule; logged: string[] } {
    const dir = mkdtempSync(join(tmpdir(), 'feedback-schedule-'));
    const db = openDatabase(join(dir, 'data'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }), () => db.close());
    const logged: string[] = [];
    return { db, schedule: { backupDir: join(dir, 'backups'), passphrase: null, rotation: { daily: 2, weekly: 0 }, hour: 3 }, logged };
  }
  const log = (logged: string[]) =>
    ({
      info: (_object: unknown, message: string) => logged.push(`info ${message}`),
      error: (_object: unknown, message: string) => logged.push(`error ${message}`),
    }) as unknown as FastifyBaseLogger;

  /** Lets real file work finish while the fake clock stands still (setImmediate is not faked). */
  async function settle(check: () => boolean): Promise<void> {
    const start = performance.now();
    while (!check() && performance.now() - start < 10_000) await new Promise((done) => setImmediate(done));
    expect(check()).toBe(true);
  }
  const files = (dir: string) => {
    try {
      return readdirSync(dir).sort();
    } catch {
      return [];
    }
  };

  it('backs up at the hour every night, keeps what the rotation says, and stops when asked', async () => {
    const { db, schedule, logged } = setUp();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: new Date('2026-12-01T23:00:00Z') });
    const stop = scheduleBackups(db, schedule, log(logged));
    cleanup.push(stop);
    for (const night of ['2026-12-02', '2026-12-03', '2026-12-04']) {
      const due = new Date(`${night}T01:00:00Z`);
      await vi.advanceTimersByTimeAsync(due.getTime() - Date.now() - 1000);
      expect(files(schedule.backupDir).filter((f) => f.startsWith(`feedback-${night}`))).toEqual([]);
      await vi.advanceTimersByTimeAsync(1000);
      await settle(() => logged.filter((line) => line.includes('nightly backup written')).length === ['2026-12-02', '2026-12-03', '2026-12-04'].indexOf(night) + 1);
      expect(files(schedule.backupDir)).toContain(backupFileName(due, 'sqlite', false));
    }
    // Two daily backups kept: the first night's was removed after the third.
    expect(files(schedule.backupDir)).toEqual(['feedback-2026-12-03T010000Z.sqlite', 'feedback-2026-12-04T010000Z.sqlite']);
    expect(logged).toContain('info old backups removed');
    await stop();
    await vi.advanceTimersByTimeAsync(2 * 86_400_000);
    expect(files(schedule.backupDir)).toHaveLength(2);
  });

  it('logs a backup that fails, leaves nothing, and tries again the next night', async () => {
    const { db, schedule, logged } = setUp();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: new Date('2026-12-01T23:00:00Z') });
    // The backup folder's place is taken by a file: no backup can be written there.
    writeFileSync(schedule.backupDir, 'not a folder');
    const stop = scheduleBackups(db, schedule, log(logged));
    cleanup.push(stop);
    await vi.advanceTimersByTimeAsync(2 * 60 * 60 * 1000);
    await settle(() => logged.some((line) => line.startsWith('error')));
    expect(logged).toEqual([expect.stringMatching(/^error nightly backup failed: .*(EEXIST|ENOTDIR)/)]);
    rmSync(schedule.backupDir);
    await vi.advanceTimersByTimeAsync(24 * 60 * 60 * 1000);
    await settle(() => logged.some((line) => line.startsWith('info nightly backup written')));
    expect(files(schedule.backupDir)).toEqual(['feedback-2026-12-03T010000Z.sqlite']);
  });
});
