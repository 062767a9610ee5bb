import { describe, expect, it } from 'vitest';
import { isValidIdentityCode } from './identity-code';

describe('isValidIdentityCode', () => {
  it.each([
    '131052-308T', // the long-standing published example
    '010594Y9021', // the century signs added in 2023, 1900s
    '020594X903P',
    '030594W903B',
    '040594V9030',
    '050594U903M',
    '010516B903X', // the century signs added in 2023, 2000s
    '020516C903K',
    '030516D9037',
    '040516E903V',
    '050516F903H',
    '010501A9032',
    '290200A941N', // 29 February in a leap year
    '010180+1232', // born in the 1800s
    '131052-308t', // written in lower case
  ])('accepts %s', (code) => {
    expect(isValidIdentityCode(code)).toBe(true);
  });

  it.each([
    ['131052-308A', 'wrong check character'],
    ['131052-309T', 'individual number changed'],
    ['131152-308T', 'month changed'],
    ['320152-308T', 'no 32nd day'],
    ['290201A941X', 'no 29 February in 2001, though the check character fits'],
    ['131052Z308T', 'unknown century sign'],
    ['131052-000V', 'individual number 000 is never given, though the check character fits'],
    ['131052-001W', 'individual number 001 is never given, though the check character fits'],
    ['131052308T', 'century sign missing'],
    ['12345678901', 'just a number'],
  ])('rejects %s (%s)', (code) => {
    expect(isValidIdentityCode(code)).toBe(false);
  });
});
