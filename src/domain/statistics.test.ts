import { describe, expect, it } from 'vitest';
import { newcombeDifference, wilsonInterval } from './statistics';

describe('wilsonInterval', () => {
  // R. G. Newcombe, "Two-sided confidence intervals for the single proportion: comparison of
  // seven methods", Statistics in Medicine 1998;17:857–872, Table I, method 3 (score, no
  // continuity correction), 95 %.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('gives the published interval for %i/%i', (successes, n, lower, upper) => {
    const interval = wilsonInterval(successes, n)!;
    expect(interval.lower).toBeCloseTo(lower, 4);
    expect(interval.upper).toBeCloseTo(upper, 4);
  });

  it('is exactly 0 at the lower end with no successes, and exactly 1 at the upper end with all', () => {
    // The closed form at 0/n: upper = z²/(n + z²).
    const z2 = 1.959964 ** 2;
    expect(wilsonInterval(0, 10)).toEqual({ lower: 0, upper: expect.closeTo(z2 / (10 + z2), 12) as number });
    expect(wilsonInterval(10, 10)).toEqual({ lower: expect.closeTo(10 / (10 + z2), 12) as number, upper: 1 });
    expect(wilsonInterval(0, 1)!.lower).toBe(0);
    expect(wilsonInterval(1, 1)!.upper).toBe(1);
  });

  it('is symmetric: x of n mirrors n − x of n', () => {
    const a = wilsonInterval(3, 17)!;
    const b = wilsonInterval(14, 17)!;
    expect(a.lower).toBeCloseTo(1 - b.upper, 12);
    expect(a.upper).toBeCloseTo(1 - b.lower, 12);
  });

  it('holds the share and stays within 0..1', () => {
    for (const [x, n] of [[1, 2], [7, 30], [29, 30], [500, 1000]] as const) {
      const interval = wilsonInterval(x, n)!;
      expect(interval.lower).toBeGreaterThanOrEqual(0);
      expect(interval.upper).toBeLessThanOrEqual(1);
      expect(interval.lower).toBeLessThan(x / n);
      expect(interval.upper).toBeGreaterThan(x / n);
    }
  });

  it('narrows with a smaller z', () => {
    const wide = wilsonInterval(5, 20)!;
    const narrow = wilsonInterval(5, 20, 1)!;
    expect(narrow.lower).toBeGreaterThan(wide.lower);
    expect(narrow.upper).toBeLessThan(wide.upper);
  });

  it('is null with no answers at all', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('refuses counts that are not successes out of n', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(0, -1)).toThrow(RangeError);
  });
});

describe('newcombeDifference', () => {
  // R. G. Newcombe, "Interval estimation for the difference between independent proportions:
  // comparison of eleven methods", Statistics in Medicine 1998;17:873–890, Table II, examples
  // (a)–(h), method 10 (hybrid score, no continuity correction), 95 %.
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ])('gives the published interval for %i/%i − %i/%i', (x1, n1, x2, n2, lower, upper) => {
    const result = newcombeDifference(x1, n1, x2, n2)!;
    expect(result.difference).toBeCloseTo(x1 / n1 - x2 / n2, 12);
    expect(result.lower).toBeCloseTo(lower, 4);
    expect(result.upper).toBeCloseTo(upper, 4);
  });

  it('is built from the two Wilson intervals', () => {
    const [x1, n1, x2, n2] = [28, 35, 25, 52];
    const a = wilsonInterval(x1, n1)!;
    const b = wilsonInterval(x2, n2)!;
    const d = x1 / n1 - x2 / n2;
    expect(newcombeDifference(x1, n1, x2, n2)).toEqual({
      difference: d,
      lower: expect.closeTo(d - Math.sqrt((x1 / n1 - a.lower) ** 2 + (b.upper - x2 / n2) ** 2), 12) as number,
      upper: expect.closeTo(d + Math.sqrt((a.upper - x1 / n1) ** 2 + (x2 / n2 - b.lower) ** 2), 12) as number,
    });
  });

  it('turns over when the groups are swapped', () => {
    const forward = newcombeDifference(5, 56, 0, 29)!;
    const back = newcombeDifference(0, 29, 5, 56)!;
    expect(back.difference).toBeCloseTo(-forward.difference, 12);
    expect(back.lower).toBeCloseTo(-forward.upper, 12);
    expect(back.upper).toBeCloseTo(-forward.lower, 12);
  });

  it('stays within −1..1 at the extremes', () => {
    expect(newcombeDifference(10, 10, 0, 10)!.upper).toBe(1);
    expect(newcombeDifference(0, 10, 10, 10)!.lower).toBe(-1);
    expect(newcombeDifference(1, 1, 0, 1)).toMatchObject({ difference: 1, upper: 1 });
  });

  it('is null when either group has no answers', () => {
    expect(newcombeDifference(0, 0, 3, 10)).toBeNull();
    expect(newcombeDifference(3, 10, 0, 0)).toBeNull();
  });
});
