import { describe, expect, it } from 'vitest';
import './schema-messages';
import { cleanDayLogEntry, dayLogEntry } from './day-log';

const valid = { date: '2026-11-23', mealsServed: 52, professionals: ['health-station'], note: '' };

describe('dayLogEntry', () => {
  it('accepts a day with meals, professionals and a note, and a day with no count yet', () => {
    expect(dayLogEntry.safeParse(valid).success).toBe(true);
    expect(dayLogEntry.safeParse({ ...valid, mealsServed: null, professionals: [] }).success).toBe(true);
  });

  it.each([
    ['a date that does not exist', { date: '2026-02-30' }],
    ['negative meals', { mealsServed: -1 }],
    ['fractional meals', { mealsServed: 4.5 }],
    ['meals as text', { mealsServed: '50' }],
    ['an unknown professional', { professionals: ['dentist'] }],
    ['a professional twice', { professionals: ['health-station', 'health-station'] }],
    ['a note over 500 characters', { note: 'x'.repeat(501) }],
    ['an extra field', { visitors: ['Matti'] }],
  ])('refuses %s', (_name, change) => {
    expect(dayLogEntry.safeParse({ ...valid, ...change }).success).toBe(false);
  });
});

describe('cleanDayLogEntry', () => {
  it('scrubs contact details and identity codes from the note and orders professionals', () => {
    const cleaned = cleanDayLogEntry({
      ...valid,
      professionals: ['shelter-home', 'adult-social-work'],
      note: '  Soita 040 123 4567, hetu 131052-308T.  ',
    });
    expect(cleaned.note).toBe('Soita [PHONE REMOVED], hetu [ID CODE REMOVED].');
    expect(cleaned.professionals).toEqual(['adult-social-work', 'shelter-home']);
  });
});
