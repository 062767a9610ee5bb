import { describe, expect, it } from 'vitest';
import { contactAge, kiosksByContactAge } from './kiosk-contact';

const NOW = new Date('2026-11-23T10:00:00Z');

describe('contactAge', () => {
  it('puts a kiosk in the first step its last sync is younger than', () => {
    expect(contactAge('2026-11-23T09:45:00.000Z', NOW)).toBe('under_1h');
    expect(contactAge('2026-11-23T09:00:00.000Z', NOW)).toBe('under_1d');
    expect(contactAge('2026-11-22T10:00:01.000Z', NOW)).toBe('under_1d');
    expect(contactAge('2026-11-22T10:00:00.000Z', NOW)).toBe('under_7d');
    expect(contactAge('2026-11-16T10:00:00.000Z', NOW)).toBe('older');
    expect(contactAge(null, NOW)).toBe('never');
  });

  it('counts every step, empty ones as 0', () => {
    expect(kiosksByContactAge(['2026-11-23T09:45:00.000Z', '2026-11-23T09:50:00.000Z', null], NOW)).toEqual({
      under_1h: 2,
      under_1d: 0,
      under_7d: 0,
      older: 0,
      never: 1,
    });
  });
});
