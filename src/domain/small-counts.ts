/**
 * Statistical disclosure control for tables that cross the background question (age group)
 * with anything, as statistics agencies do it:
 *  - primary suppression: a count below the threshold (default 5), zero included, is shown as "<5";
 *  - secondary suppression: where a hidden count could be worked out from the published total
 *    and the visible counts (one hidden cell, or hidden cells that add up to less than the
 *    threshold), the smallest visible counts are hidden too, until it cannot.
 */
export const SMALL_COUNT_THRESHOLD = 5;
export const SUPPRESSED = '<5';

/**
 * Which counts of one group (whose total is published) to hide. `alsoHide` marks counts that
 * must be hidden for another reason (hidden elsewhere in the same data).
 */
export function suppressGroup(counts: readonly number[], threshold = SMALL_COUNT_THRESHOLD, alsoHide: readonly boolean[] = []): boolean[] {
  const hidden = counts.map((count, i) => count < threshold || alsoHide[i] === true);
  secondary(counts, hidden, threshold);
  return hidden;
}

/** Adds secondary suppression to a group in place; true if it hid anything more. */
function secondary(counts: readonly number[], hidden: boolean[], threshold: number): boolean {
  let changed = false;
  for (;;) {
    const hiddenCount = hidden.filter(Boolean).length;
    const hiddenSum = counts.reduce((sum, count, i) => sum + (hidden[i] ? count : 0), 0);
    const allSmall = counts.every((count, i) => !hidden[i] || count < threshold);
    const exposed =
      hiddenCount === 1 ||
      (hiddenCount > 0 && hiddenSum > 0 && hiddenSum < threshold) ||
      (hiddenCount > 1 && allSmall && hiddenSum > (threshold - 1) * (hiddenCount - 1));
    const visible = counts.map((count, i) => ({ count, i })).filter(({ i }) => !hidden[i]);
    if (!exposed || visible.length === 0) return changed;
    const smallest = visible.reduce((a, b) => (b.count < a.count ? b : a));
    hidden[smallest.i] = true;
    changed = true;
  }
}

/**
 * The same for a two-way table (rows × columns, with row and column totals published): primary
 * suppression of each cell, then secondary suppression along every row and column, repeated
 * until no row or column lets a hidden cell be worked out from its total.
 */
export function suppressTable(cells: readonly (readonly number[])[], threshold = SMALL_COUNT_THRESHOLD): boolean[][] {
  const hidden = cells.map((row) => row.map((count) => count < threshold));
  const columns = cells[0]?.length ?? 0;
  for (let changed = true; changed; ) {
    changed = false;
    cells.forEach((row, r) => {
      if (secondary(row, hidden[r]!, threshold)) changed = true;
    });
    for (let c = 0; c < columns; c++) {
      const column = cells.map((row) => row[c]!);
      const columnHidden = hidden.map((row) => row[c]!);
      if (secondary(column, columnHidden, threshold)) {
        columnHidden.forEach((value, r) => (hidden[r]![c] = value));
        changed = true;
      }
    }
  }
  return hidden;
}
