import { describe, expect, it } from 'vitest';
import { decimal, neutralised } from './csv-cells';

describe('CSV cells', () => {
  it.each(['=HYPERLINK("http://evil")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])('neutralise %j', (text) => {
    expect(neutralised(text)).toBe(`'${text}`);
  });

  it('leave ordinary text alone', () => {
    expect(neutralised('Kiitos, hyvä päivä = kiva')).toBe('Kiitos, hyvä päivä = kiva');
  });

  it('write decimals with a comma for Finnish Excel and a point otherwise', () => {
    expect(decimal(2 / 3, 'fi')).toBe('0,667');
    expect(decimal(2 / 3, 'international')).toBe('0.667');
  });
});
