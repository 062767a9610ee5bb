import { describe, expect, it } from 'vitest';
import { narrowedCounts } from './disclosure-audit';
import { hiddenMarker, minimumForCounts, SECONDARY_SUPPRESSED, SUPPRESSED, suppressGroup, type Sum } from './small-counts';

const sumOf = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
const groupSum = (counts: number[]): Sum[] => [{ parts: counts.map((_, i) => i), total: sumOf(counts) }];
/** Every way to share `total` among `cells` counts. */
const compositions = (total: number, cells: number): number[][] =>
  cells === 1 ? [[total]] : Array.from({ length: total + 1 }, (_, first) => compositions(total - first, cells - 1).map((rest) => [first, ...rest])).flat();

describe('suppressGroup', () => {
  it('hides nothing when every count is 5 or more', () => {
    expect(suppressGroup([5, 12, 40])).toEqual([false, false, false]);
  });

  it('hides a small count and, so it cannot be worked out from the total, the next smallest', () => {
    expect(suppressGroup([3, 12, 40])).toEqual([true, true, false]);
  });

  it('treats zero as small, and hides enough that a "<5" beside a ".." could still be any of 0–4', () => {
    // With the 0 and the 7 hidden, the 7 reads "..", so 5 or more: the "<5" would be at most 2.
    expect(suppressGroup([0, 12, 40, 7])).toEqual([true, true, false, true]);
  });

  it('hides more when the hidden counts add up to less than 5, or to little more than their ".."s', () => {
    // 1 + 0 = 1; with the 6 too, 7 less a ".." of 5 or more leaves the "<5"s at most 2.
    expect(suppressGroup([1, 0, 6, 30])).toEqual([true, true, true, true]);
    expect(suppressGroup([1, 0, 6, 30, 40])).toEqual([true, true, true, true, false]);
  });

  it('hides one more when small hidden counts add up so high that each has a floor', () => {
    // 3 + 4 = 7: each hidden count is at most 4, so each is at least 3. Hide the 30 too.
    expect(suppressGroup([3, 4, 30])).toEqual([true, true, true]);
  });

  it('never hides a count the reader knows anyway, nor counts on it as cover', () => {
    // The 0 of an option nobody was offered: the 4 beside it needs a real cover, the 20.
    expect(suppressGroup([4, 0, 20, 30], { known: [false, true, false, false] })).toEqual([true, false, true, false]);
  });

  it('hides everything when there is nothing else to hide', () => {
    expect(suppressGroup([1, 2])).toEqual([true, true]);
    expect(suppressGroup([])).toEqual([]);
  });

  it('shows the counts of a real month: every group at 50 or more', () => {
    expect(suppressGroup([212, 388, 401, 57, 61])).toEqual([false, false, false, false, false]);
    // One small group costs one more, the smallest, and nothing else.
    expect(suppressGroup([212, 388, 401, 57, 3])).toEqual([false, false, false, true, true]);
  });

  it('marks a hidden count by its value: "<5" only below 5', () => {
    expect([0, 4, 5, 476].map((count) => hiddenMarker(count))).toEqual([SUPPRESSED, SUPPRESSED, SECONDARY_SUPPRESSED, SECONDARY_SUPPRESSED]);
  });

  it('never leaves a group from which a hidden count can be narrowed, markers known (exhaustive over small groups)', () => {
    let checked = 0;
    for (let a = 0; a < 8; a++)
      for (let b = 0; b < 8; b++)
        for (let c = 0; c < 12; c++)
          for (const d of [0, 3, 7, 15, 40]) {
            const counts = [a, b, c, d];
            const hidden = suppressGroup(counts);
            // A group below the minimum shows no counts at all (see the next test).
            if (sumOf(counts) < minimumForCounts(counts.length)) continue;
            expect(narrowedCounts(counts, hidden, groupSum(counts), sumOf(counts)), JSON.stringify(counts)).toEqual([]);
            checked += 1;
          }
    expect(checked).toBeGreaterThan(1000);
  });

  it('needs the minimum: below it, hiding everything can still give counts away; at it, never (every group of 4 with 20 to 22)', () => {
    // 5 responses: one ".." and four "<5" say that all five share one answer.
    const five = [5, 0, 0, 0, 0];
    expect(suppressGroup(five).every(Boolean)).toBe(true);
    expect(narrowedCounts(five, suppressGroup(five), groupSum(five), 5)).toEqual([0, 1, 2, 3, 4]);
    // 18 with four counts, all hidden: three ".." of 5 or more leave the "<5" at most 3.
    const below = [5, 5, 5, 3];
    expect(sumOf(below)).toBeLessThan(minimumForCounts(4));
    expect(narrowedCounts(below, suppressGroup(below), groupSum(below), sumOf(below))).not.toEqual([]);

    let checked = 0;
    for (let total = minimumForCounts(4); total <= minimumForCounts(4) + 2; total++) {
      for (const counts of compositions(total, 4)) {
        expect(narrowedCounts(counts, suppressGroup(counts), groupSum(counts), total), JSON.stringify(counts)).toEqual([]);
        checked += 1;
      }
    }
    expect(checked).toBe(1771 + 2024 + 2300);
  });

  it('holds at the minimum for the shipped age question’s five counts (four options and no answer): every group of 5 with 25 or 26', () => {
    // 23 with five counts, all hidden: four ".." of 5 or more leave the "<5" at most 3.
    const below = [5, 5, 5, 5, 3];
    expect(sumOf(below)).toBeLessThan(minimumForCounts(5));
    expect(narrowedCounts(below, suppressGroup(below), groupSum(below), sumOf(below))).not.toEqual([]);

    let checked = 0;
    for (let total = minimumForCounts(5); total <= minimumForCounts(5) + 1; total++) {
      for (const counts of compositions(total, 5)) {
        expect(narrowedCounts(counts, suppressGroup(counts), groupSum(counts), total), JSON.stringify(counts)).toEqual([]);
        checked += 1;
      }
    }
    expect(checked).toBe(23751 + 27405);
  });
});
