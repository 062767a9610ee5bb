import { describe, expect, it } from 'vitest';
import { backupFileName, parseBackupName } from './backup-name';

describe('backup file names', () => {
  it('say the UTC time to the second, the database and whether the file is encrypted', () => {
    const at = new Date('2026-12-02T01:00:07.250Z');
    expect(backupFileName(at, 'sqlite', false)).toBe('feedback-2026-12-02T010007Z.sqlite');
    expect(backupFileName(at, 'sqlite', true)).toBe('feedback-2026-12-02T010007Z.sqlite.enc');
    expect(backupFileName(at, 'postgres', false)).toBe('feedback-2026-12-02T010007Z.pgdump');
    expect(backupFileName(at, 'postgres', true)).toBe('feedback-2026-12-02T010007Z.pgdump.enc');
  });

  it('are read back as the time and kind they say', () => {
    expect(parseBackupName('feedback-2026-12-02T010007Z.sqlite.enc')).toEqual({
      name: 'feedback-2026-12-02T010007Z.sqlite.enc',
      at: new Date('2026-12-02T01:00:07Z'),
      dialect: 'sqlite',
      encrypted: true,
    });
    expect(parseBackupName('feedback-2026-12-02T010007Z.sqlite')).toMatchObject({ dialect: 'sqlite', encrypted: false });
    expect(parseBackupName('feedback-2026-12-02T010007Z.pgdump.enc')).toMatchObject({ dialect: 'postgres', encrypted: true });
    expect(parseBackupName('feedback-2026-12-02T010007Z.pgdump')).toMatchObject({ dialect: 'postgres', encrypted: false, at: new Date('2026-12-02T01:00:07Z') });
  });

  it.each([
    'feedback.sqlite',
    'feedback-2026-12-02T010007Z.sqlite.copy-0a1b2c3d4e5f.partial',
    'feedback-2026-12-02T010007Z.pgdump.dump-0a1b2c3d4e5f.partial',
    'feedback-2026-02-31T010007Z.sqlite',
    'feedback-2026-02-31T010007Z.pgdump',
    'feedback-2026-12-02T250007Z.sqlite',
    'feedback-2026-12-02T010007Z.sqlite-journal',
    'feedback-2026-12-02T010007Z.dump',
    'notes.txt',
  ])('take %s for something else', (name) => {
    expect(parseBackupName(name)).toBeNull();
  });
});
