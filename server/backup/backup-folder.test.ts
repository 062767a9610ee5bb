import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lastBackupAt, listBackups, pruneBackups } from './backup-folder';
import { backupFileName } from './backup-name';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function folderWith(names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'feedback-backups-'));
  dirs.push(dir);
  for (const name of names) writeFileSync(join(dir, name), 'x');
  return dir;
}

const NOW = new Date('2026-12-02T12:00:00Z');
const night = (daysAgo: number, encrypted = true, dialect: 'sqlite' | 'postgres' = 'sqlite') => backupFileName(new Date(Date.UTC(2026, 11, 2 - daysAgo, 1)), dialect, encrypted);

describe('the backup folder', () => {
  it('lists backups newest first, and nothing else', () => {
    const dir = folderWith([night(2), night(0, false), night(1), 'notes.txt', `${night(0)}.copy-0a1b.partial`]);
    expect(listBackups(dir).map((b) => [b.name, b.encrypted])).toEqual([
      [night(0, false), false],
      [night(1), true],
      [night(2), true],
    ]);
    expect(listBackups(dir)[0]!.path).toBe(join(dir, night(0, false)));
  });

  it('knows when the last backup was made, or that there is none', () => {
    expect(lastBackupAt(folderWith([night(3), night(1), `${night(0)}.copy-0a1b.partial`]))).toEqual(new Date('2026-12-01T01:00:00Z'));
    expect(lastBackupAt(folderWith(['notes.txt']))).toBeNull();
    expect(lastBackupAt(join(tmpdir(), 'no-such-backup-folder-here'))).toBeNull();
  });

  it('deletes what the rotation does not keep, partial files left long ago, and nothing else', () => {
    const nights = Array.from({ length: 60 }, (_, i) => night(i));
    const fresh = `${night(0)}.copy-0a1b.partial`;
    const stale = `${night(1)}.copy-2c3d.partial`;
    const dir = folderWith([...nights, 'notes.txt', fresh, stale, `${stale}-journal`]);
    const long = new Date(NOW.getTime() - 7 * 60 * 60 * 1000);
    const recent = new Date(NOW.getTime() - 60 * 60 * 1000);
    utimesSync(join(dir, fresh), recent, recent);
    utimesSync(join(dir, stale), long, long);
    utimesSync(join(dir, `${stale}-journal`), long, long);
    const removed = pruneBackups(dir, { daily: 7, weekly: 5 }, NOW);
    expect(removed).toHaveLength(60 - 12 + 2);
    const left = readdirSync(dir);
    expect(left).toHaveLength(12 + 2);
    expect(left).toContain('notes.txt');
    expect(left).toContain(fresh);
    expect(left).toContain(night(0));
    expect(listBackups(dir).at(-1)!.at.getTime()).toBeLessThan(NOW.getTime() - 35 * 86_400_000);
  });

  it('rotates backups of both databases as one series, as after a move to PostgreSQL', () => {
    // Thirty nights of SQLite backups, then thirty of pg_dump archives, with a partial dump left by a killed pg_dump.
    const nights = Array.from({ length: 60 }, (_, i) => night(i, true, i < 30 ? 'postgres' : 'sqlite'));
    const stale = `${night(0, false, 'postgres')}.dump-2c3d.partial`;
    const dir = folderWith([...nights, stale]);
    const long = new Date(NOW.getTime() - 7 * 60 * 60 * 1000);
    utimesSync(join(dir, stale), long, long);
    expect(listBackups(dir)[0]).toMatchObject({ name: night(0, true, 'postgres'), dialect: 'postgres', encrypted: true });
    expect(lastBackupAt(dir)).toEqual(new Date('2026-12-02T01:00:00Z'));
    const removed = pruneBackups(dir, { daily: 7, weekly: 5 }, NOW);
    expect(removed).toHaveLength(60 - 12 + 1);
    expect(removed).toContain(stale);
    const left = listBackups(dir);
    expect(left).toHaveLength(12);
    // The weekly ones reach back past the move: the newest of each ISO week, Sundays here.
    expect(left.filter((b) => b.dialect === 'sqlite').map((b) => b.name)).toEqual([night(31), night(38)]);
  });
});
