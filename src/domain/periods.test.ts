import { describe, expect, it } from 'vitest';
import { addDays, datesBetween, isoWeek, monthRange, monthsBetween, periodOf, previousRange, quarterRange, recentQuarters, wholePeriods } from './periods';

describe('periods', () => {
  it.each([
    ['2026-11-23', '2026-W48'],
    ['2026-01-01', '2026-W01'], // a Thursday
    ['2027-01-01', '2026-W53'], // a Friday: still the last week of 2026
    ['2024-12-30', '2025-W01'], // a Monday: already the first week of 2025
    ['2021-01-03', '2020-W53'],
  ])('ISO week of %s is %s', (date, week) => expect(isoWeek(date)).toBe(week));

  it('names a date by day, week and month', () => {
    expect(['day', 'week', 'month'].map((p) => periodOf('2026-11-23', p as 'day'))).toEqual(['2026-11-23', '2026-W48', '2026-11']);
  });

  it('widens a range to whole weeks and months, never cuts one', () => {
    expect(wholePeriods('2026-11-25', '2026-11-25', 'week')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(wholePeriods('2026-11-23', '2026-11-29', 'week')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(wholePeriods('2026-02-10', '2028-02-03', 'month')).toEqual({ from: '2026-02-01', to: '2028-02-29' });
    expect(wholePeriods('2026-02-10', '2026-02-11', 'day')).toEqual({ from: '2026-02-10', to: '2026-02-11' });
  });

  it('lists the dates of a range across a month end', () => {
    expect(datesBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(datesBetween('2026-03-02', '2026-03-01')).toEqual([]);
  });

  it('adds days across month and year ends, and lists the months of a range', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 15)).toBe('2027-01-15');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(monthsBetween('2026-11-30', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-11-02', '2026-11-03')).toEqual(['2026-11']);
  });

  it('gives the dates of a month and a quarter, the recent quarters, and the range just before a range', () => {
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(quarterRange('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(quarterRange('2027-Q1')).toEqual({ from: '2027-01-01', to: '2027-03-31' });
    expect(recentQuarters('2027-02-10', 3)).toEqual(['2027-Q1', '2026-Q4', '2026-Q3']);
    expect(previousRange('2026-11-01', '2026-11-28')).toEqual({ from: '2026-10-04', to: '2026-10-31' });
    expect(previousRange('2026-03-01', '2026-03-01')).toEqual({ from: '2026-02-28', to: '2026-02-28' });
  });
});
