import { describe, expect, it } from 'vitest';
import { AGE_GROUPS_AFTER_DAYS, ageGroupsDue, monthsWithAgeGroups } from './age-groups';

describe('when a month\u2019s age groups may be shown', () => {
  it('not while the month goes on, nor until it ended 14 days ago: kiosks may be offline for days', () => {
    expect(AGE_GROUPS_AFTER_DAYS).toBe(14);
    // November 2026 ended at the start of 1 December.
    for (const today of ['2026-11-01', '2026-11-30', '2026-12-01', '2026-12-06', '2026-12-14']) expect(ageGroupsDue('2026-11', today), today).toBe(false);
    for (const today of ['2026-12-15', '2027-03-01']) expect(ageGroupsDue('2026-11', today), today).toBe(true);
    // February of a leap year ends on the 29th.
    expect(ageGroupsDue('2028-02', '2028-03-14')).toBe(false);
    expect(ageGroupsDue('2028-02', '2028-03-15')).toBe(true);
  });

  it('lists the months of a range that may be shown', () => {
    expect(monthsWithAgeGroups('2026-10-05', '2027-01-02', '2026-12-15')).toEqual(['2026-10', '2026-11']);
    expect(monthsWithAgeGroups('2026-12-01', '2026-12-31', '2026-12-15')).toEqual([]);
    expect(monthsWithAgeGroups('2025-12-31', '2026-01-01', '2027-01-01')).toEqual(['2025-12', '2026-01']);
  });
});
