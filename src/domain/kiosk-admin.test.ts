import { describe, expect, it } from 'vitest';
import { isQuiet, recentDays } from './kiosk-admin';

describe('recentDays', () => {
  it('gives the last seven dates up to today, newest first, with zeros where nothing was made or received', () => {
    const days = recentDays([{ date: '2026-11-23', made: 5, received: 3 }, { date: '2026-11-10', made: 9, received: 0 }], '2026-11-24', null);
    expect(days.map((d) => d.date)).toEqual(['2026-11-24', '2026-11-23', '2026-11-22', '2026-11-21', '2026-11-20', '2026-11-19', '2026-11-18']);
    expect(days[0]).toEqual({ date: '2026-11-24', made: 0, received: 0, missing: 0 });
    expect(days[1]).toEqual({ date: '2026-11-23', made: 5, received: 3, missing: 2 });
  });

  it('never shows fewer than none missing, and leaves out dates before the counts can be compared', () => {
    const days = recentDays([{ date: '2026-11-23', made: 1, received: 4 }], '2026-11-24', '2026-11-23');
    expect(days).toEqual([
      { date: '2026-11-24', made: 0, received: 0, missing: 0 },
      { date: '2026-11-23', made: 1, received: 4, missing: 0 },
    ]);
  });
});

describe('isQuiet', () => {
  const now = new Date('2026-11-24T10:00:00Z');
  it('is quiet after a day without a sync, counted from the enrollment when it never synced', () => {
    expect(isQuiet({ enrolledAt: '2026-11-24T09:00:00Z', lastSyncAt: null, revokedAt: null }, now)).toBe(false);
    expect(isQuiet({ enrolledAt: '2026-11-23T09:00:00Z', lastSyncAt: null, revokedAt: null }, now)).toBe(true);
    expect(isQuiet({ enrolledAt: '2026-11-01T09:00:00Z', lastSyncAt: '2026-11-23T11:00:00Z', revokedAt: null }, now)).toBe(false);
    expect(isQuiet({ enrolledAt: '2026-11-01T09:00:00Z', lastSyncAt: '2026-11-23T09:00:00Z', revokedAt: null }, now)).toBe(true);
    expect(isQuiet({ enrolledAt: '2026-11-01T09:00:00Z', lastSyncAt: '2026-11-20T09:00:00Z', revokedAt: '2026-11-21T09:00:00Z' }, now)).toBe(false);
  });
});
