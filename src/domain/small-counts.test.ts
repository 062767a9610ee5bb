import { describe, expect, it } from 'vitest';
import { suppressGroup, suppressTable } from './small-counts';

/** Everything a reader can work out of a group: each hidden cell's possible values given the total. */
function canWorkOut(counts: number[], hidden: boolean[]): boolean {
  const hiddenCells = hidden.filter(Boolean).length;
  const hiddenSum = counts.reduce((sum, c, i) => sum + (hidden[i] ? c : 0), 0);
  return hiddenCells === 1 || (hiddenCells > 1 && hiddenSum > 0 && hiddenSum < 5);
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

  it('leaves two small cells hidden when their sum is at least 5', () => {
    expect(suppressGroup([3, 4, 30])).toEqual([true, true, false]);
  });

  it('hides everything when there is nothing else to hide', () => {
    expect(suppressGroup([1, 2])).toEqual([true, true]);
    expect(suppressGroup([])).toEqual([]);
  });

  it('never leaves a group from which a hidden count can be worked out (exhaustive over small groups)', () => {
    for (let a = 0; a < 8; a++)
      for (let b = 0; b < 8; b++)
        for (let c = 0; c < 12; c++) {
          const counts = [a, b, c];
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
