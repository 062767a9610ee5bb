import { describe, expect, it } from 'vitest';
import { localDay } from './local-day';

describe('localDay', () => {
  it('uses the Helsinki date even when UTC is still on the day before', () => {
    expect(localDay(new Date('2026-12-31T22:30:00Z'))).toEqual({ date: '2027-01-01', partOfDay: 'morning' });
  });

  it('splits the day at local noon', () => {
    // Helsinki is UTC+2 in winter.
    expect(localDay(new Date('2026-11-23T09:59:59Z')).partOfDay).toBe('morning');
    expect(localDay(new Date('2026-11-23T10:00:00Z')).partOfDay).toBe('afternoon');
  });

  it('follows summer time', () => {
    // Helsinki is UTC+3 in summer: 09:30 UTC is 12:30 local.
    expect(localDay(new Date('2026-07-01T09:30:00Z'))).toEqual({ date: '2026-07-01', partOfDay: 'afternoon' });
  });

  it('counts the evening as afternoon, the coarsest part there is', () => {
    expect(localDay(new Date('2026-11-23T19:00:00Z'))).toEqual({ date: '2026-11-23', partOfDay: 'afternoon' });
  });
});
