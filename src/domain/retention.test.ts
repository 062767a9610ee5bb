import { describe, expect, it } from 'vitest';
import { helsinkiMidnight, monthsBefore, retentionCutoffs } from './retention';

describe('monthsBefore', () => {
  it('goes back whole months, across years', () => {
    expect(monthsBefore('2026-11-23', 24)).toBe('2024-11-23');
    expect(monthsBefore('2026-01-15', 1)).toBe('2025-12-15');
    expect(monthsBefore('2026-03-10', 60)).toBe('2021-03-10');
  });

  it('takes the last day of a shorter month', () => {
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2028-02-29', 12)).toBe('2027-02-28');
    expect(monthsBefore('2028-03-31', 1)).toBe('2028-02-29');
    expect(monthsBefore('2026-05-31', 3)).toBe('2026-02-28');
  });
});

describe('helsinkiMidnight', () => {
  it('is 22:00 UTC the day before in winter and 21:00 UTC in summer', () => {
    expect(helsinkiMidnight('2026-01-15').toISOString()).toBe('2026-01-14T22:00:00.000Z');
    expect(helsinkiMidnight('2026-07-01').toISOString()).toBe('2026-06-30T21:00:00.000Z');
  });

  it('is right on the days the clocks change', () => {
    expect(helsinkiMidnight('2026-03-29').toISOString()).toBe('2026-03-28T22:00:00.000Z');
    expect(helsinkiMidnight('2026-10-25').toISOString()).toBe('2026-10-24T21:00:00.000Z');
  });
});

describe('retentionCutoffs', () => {
  const periods = { freeTextMonths: 24, auditYears: 5 };

  it("counts from today's Helsinki date, not the UTC date", () => {
    // 23:30 in Helsinki on 1 January 2027, still 31 December in UTC.
    const cutoffs = retentionCutoffs(new Date('2027-01-01T21:30:00Z'), periods);
    expect(cutoffs.freeTextsBefore).toBe('2025-01-01');
    expect(cutoffs.auditBefore!.toISOString()).toBe('2021-12-31T22:00:00.000Z');
  });

  it('keeps a free text dated exactly 24 months ago today, and removes it tomorrow', () => {
    const today = retentionCutoffs(new Date('2026-11-23T10:00:00Z'), periods).freeTextsBefore!;
    expect('2024-11-23' < today).toBe(false);
    expect('2024-11-22' < today).toBe(true);
    const tomorrow = retentionCutoffs(new Date('2026-11-24T10:00:00Z'), periods).freeTextsBefore!;
    expect('2024-11-23' < tomorrow).toBe(true);
  });

  it('removes an audit entry once its Helsinki date is more than five years back', () => {
    const { auditBefore } = retentionCutoffs(new Date('2026-11-23T10:00:00Z'), periods);
    // 00:30 on 23 November 2021 in Helsinki is 22:30 UTC on the 22nd: kept.
    expect(new Date('2021-11-22T22:30:00Z') < auditBefore!).toBe(false);
    // 23:30 on 22 November 2021 in Helsinki: removed.
    expect(new Date('2021-11-22T21:30:00Z') < auditBefore!).toBe(true);
  });

  it('removes nothing for a period of 0', () => {
    expect(retentionCutoffs(new Date('2026-11-23T10:00:00Z'), { freeTextMonths: 0, auditYears: 0 })).toEqual({ freeTextsBefore: null, auditBefore: null });
  });
});
