import { describe, expect, it } from 'vitest';
import { coordinatorWarnings, type WarningFacts } from './coordinator-warnings';
import type { KioskDay, KioskSummary } from './kiosk-admin';

const now = new Date('2026-11-24T10:00:00Z');
const today = '2026-11-24';
const HOUR = 60 * 60 * 1000;
const ago = (ms: number) => new Date(now.getTime() - ms);

const day = (date: string, made: number, received: number): KioskDay => ({ date, made, received, missing: Math.max(0, made - received) });

function kiosk(name: string, overrides: Partial<KioskSummary> = {}): KioskSummary {
  return {
    id: `id-${name}`,
    name,
    unitId: 'paivakeskus',
    enrolledAt: '2026-11-01T08:00:00.000Z',
    revokedAt: null,
    lastSyncAt: ago(HOUR).toISOString(),
    waitingAtSync: 0,
    appVersion: '1.0.0',
    days: [],
    ...overrides,
  };
}

const facts = (overrides: Partial<WarningFacts> = {}): WarningFacts => ({
  now,
  today,
  lastBackupAt: ago(20 * HOUR),
  disk: { freeBytes: 10_000, minFreeBytes: 1_000 },
  kiosks: [kiosk('Aula')],
  ...overrides,
});

describe('coordinatorWarnings', () => {
  it('warns of nothing when last night\u2019s backup is there, the disk has room and every kiosk is in touch', () => {
    expect(coordinatorWarnings(facts())).toEqual([]);
  });

  it('warns when the last backup is more than two days old, or there is none, but not when the server makes none to look at', () => {
    expect(coordinatorWarnings(facts({ lastBackupAt: ago(47 * HOUR) }))).toEqual([]);
    expect(coordinatorWarnings(facts({ lastBackupAt: ago(49 * HOUR) }))).toEqual([{ kind: 'backup-old', lastBackupAt: ago(49 * HOUR).toISOString() }]);
    expect(coordinatorWarnings(facts({ lastBackupAt: null }))).toEqual([{ kind: 'backup-old', lastBackupAt: null }]);
    const { lastBackupAt: _, ...noBackupFolder } = facts();
    expect(coordinatorWarnings(noBackupFolder)).toEqual([]);
  });

  it('warns when the disk has less than twice the free space the server needs to be ready', () => {
    expect(coordinatorWarnings(facts({ disk: { freeBytes: 2_000, minFreeBytes: 1_000 } }))).toEqual([]);
    expect(coordinatorWarnings(facts({ disk: { freeBytes: 1_999, minFreeBytes: 1_000 } }))).toEqual([{ kind: 'disk-nearly-full', freeBytes: 1_999 }]);
    expect(coordinatorWarnings(facts({ disk: { freeBytes: 0, minFreeBytes: 1_000 } }))).toEqual([{ kind: 'disk-nearly-full', freeBytes: 0 }]);
  });

  it('names a kiosk in use that has not synced for a day, or never since it was enrolled a day ago; not a revoked one', () => {
    const kiosks = [
      kiosk('Aula', { lastSyncAt: ago(25 * HOUR).toISOString() }),
      kiosk('Ruokasali', { lastSyncAt: ago(23 * HOUR).toISOString() }),
      kiosk('Uusi', { lastSyncAt: null, enrolledAt: ago(HOUR).toISOString() }),
      kiosk('Unohtunut', { lastSyncAt: null, enrolledAt: ago(30 * HOUR).toISOString() }),
      kiosk('Vanha', { lastSyncAt: ago(300 * HOUR).toISOString(), revokedAt: ago(200 * HOUR).toISOString() }),
    ];
    expect(coordinatorWarnings(facts({ kiosks }))).toEqual([
      { kind: 'kiosk-quiet', kiosk: 'Aula', lastSyncAt: ago(25 * HOUR).toISOString() },
      { kind: 'kiosk-quiet', kiosk: 'Unohtunut', lastSyncAt: null },
    ]);
  });

  it('counts responses missing only before yesterday and beyond what still waited on the tablet at its last sync', () => {
    const days = [day('2026-11-24', 9, 2), day('2026-11-23', 8, 1), day('2026-11-22', 6, 4), day('2026-11-20', 3, 2), day('2026-11-19', 1, 3)];
    // Today's and yesterday's may simply not have been sent yet: 2 + 1 missing from before them.
    expect(coordinatorWarnings(facts({ kiosks: [kiosk('Aula', { days })] }))).toEqual([{ kind: 'responses-missing', kiosk: 'Aula', missing: 3 }]);
    expect(coordinatorWarnings(facts({ kiosks: [kiosk('Aula', { days, waitingAtSync: 2 })] }))).toEqual([{ kind: 'responses-missing', kiosk: 'Aula', missing: 1 }]);
    expect(coordinatorWarnings(facts({ kiosks: [kiosk('Aula', { days, waitingAtSync: 3 })] }))).toEqual([]);
    expect(coordinatorWarnings(facts({ kiosks: [kiosk('Aula', { days: days.slice(0, 2) })] }))).toEqual([]);
  });

  it('says a quiet kiosk is quiet, not that its responses are missing: they may be waiting on it', () => {
    const quiet = kiosk('Aula', { lastSyncAt: ago(50 * HOUR).toISOString(), days: [day('2026-11-21', 5, 0)] });
    expect(coordinatorWarnings(facts({ kiosks: [quiet] }))).toEqual([{ kind: 'kiosk-quiet', kiosk: 'Aula', lastSyncAt: quiet.lastSyncAt }]);
  });

  it('lists the server\u2019s warnings first, then the kiosks\u2019', () => {
    const kiosks = [kiosk('Aula', { days: [day('2026-11-20', 2, 0)] }), kiosk('Ruokasali', { lastSyncAt: null, enrolledAt: ago(48 * HOUR).toISOString() })];
    const warnings = coordinatorWarnings(facts({ lastBackupAt: null, disk: { freeBytes: 1, minFreeBytes: 1_000 }, kiosks }));
    expect(warnings.map((w) => w.kind)).toEqual(['backup-old', 'disk-nearly-full', 'kiosk-quiet', 'responses-missing']);
  });
});
