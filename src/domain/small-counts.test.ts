import { describe, expect, it } from 'vitest';
import { suppressGroup, suppressTable } from './small-counts';

/**
 * Whether a reader who knows the total, the visible counts and the rule could pin down a hidden
 * count: a lone hidden cell; hidden cells adding up to 1–4; or, when every hidden cell is below
 * 5, a sum so large that each must be at least 1 (sum − 4 × (others) ≥ 1).
 */
function canWorkOut(counts: number[], hidden: boolean[]): boolean {
  const hiddenCells = hidden.filter(Boolean).length;
  const hiddenSum = counts.reduce((sum, c, i) => sum + (hidden[i] ? c : 0), 0);
  const allSmall = counts.every((c, i) => !hidden[i] || c < 5);
  return hiddenCells === 1 || (hiddenCells > 1 && hiddenSum > 0 && hiddenSum < 5) || (hiddenCells > 1 && allSmall && hiddenSum - 4 * (hiddenCells - 1) >= 1);
}

describe('suppressGroup', () => {
  it('hides nothing when every count is 5 or more', () => {
    expect(suppressGroup([5, 12, 40])).toEqual([false, false, false]);
  });

  it('hides a small count and, so it cannot be worked out from the total, the next smallest', () => {
    expect(suppressGroup([3, 12, 40])).toEqual([true, true, false]);
  });

  it('treats zero as small: "nobody" is a count too', () => {
    expect(suppressGroup([0, 12, 40, 7])).toEqual([true, false, false, true]);
  });

  it('hides more when the hidden counts add up to less than 5', () => {
    // 1 + 0 hidden = 1: a reader would know one person is in one of two groups; hide 6 as well.
    expect(suppressGroup([1, 0, 6, 30])).toEqual([true, true, true, false]);
  });

  it('hides one more when small hidden counts add up so high that each has a floor', () => {
    // 3 + 4 = 7: each hidden count is at most 4, so each is at least 3. Hide the 30 too.
    expect(suppressGroup([3, 4, 30])).toEqual([true, true, true]);
    // 4 + 4 + 5 (no answer) from [4, 4, 6, 7, 5]: the 5 is hidden, which lifts the ceiling.
    const hidden = suppressGroup([4, 4, 6, 7, 5]);
    expect(hidden.filter(Boolean).length).toBeGreaterThanOrEqual(3);
  });

  it('hides what it is told to hide as well, and protects it the same way', () => {
    expect(suppressGroup([12, 30, 9], 5, [true, false, false])).toEqual([true, false, true]);
  });

  it('hides everything when there is nothing else to hide', () => {
    expect(suppressGroup([1, 2])).toEqual([true, true]);
    expect(suppressGroup([])).toEqual([]);
  });

  it('never leaves a group from which a hidden count can be worked out (exhaustive over small groups)', () => {
    for (let a = 0; a < 8; a++)
      for (let b = 0; b < 8; b++)
        for (let c = 0; c < 12; c++) {
          const counts = [a, b, c, 7];
          const hidden = suppressGroup(counts);
          const exposed = canWorkOut(counts, hidden) && hidden.some((h) => !h);
          expect(exposed, JSON.stringify(counts)).toBe(false);
        }
  });
});

describe('suppressTable', () => {
  it('protects every row and column of an age group × answer table', () => {
    const table = [
      [2, 10, 8], // under 30
      [9, 20, 11], // 30–49
      [15, 40, 30], // 50 or over
    ];
    const hidden = suppressTable(table);
    expect(hidden[0]![0]).toBe(true);
    for (const [r, row] of table.entries()) expect(canWorkOut(row, hidden[r]!) && hidden[r]!.some((h) => !h), `row ${r}`).toBe(false);
    for (let c = 0; c < 3; c++) {
      const column = table.map((row) => row[c]!);
      const columnHidden = hidden.map((row) => row[c]!);
      expect(canWorkOut(column, columnHidden) && columnHidden.some((h) => !h), `column ${c}`).toBe(false);
    }
  });

  it('hides nothing in a table of large counts', () => {
    expect(suppressTable([[5, 6], [7, 8]]).flat().some(Boolean)).toBe(false);
  });
});
