import { describe, expect, it } from 'vitest';
import { datesOfMonth, monthOf, shiftMonth } from './month';

describe('months of the day log', () => {
  it('list every date of a month, leap years included', () => {
    expect(datesOfMonth('2026-11')).toHaveLength(30);
    expect(datesOfMonth('2028-02').at(-1)).toBe('2028-02-29');
    expect(datesOfMonth('2026-02').at(-1)).toBe('2026-02-28');
  });

  it('step over year ends both ways', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(monthOf('2026-11-23')).toBe('2026-11');
  });
});
