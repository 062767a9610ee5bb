import { SMALL_COUNT_THRESHOLD, type Sum } from './small-counts';

/**
 * The tests' independent check of small-counts.ts, by brute force: every value each hidden count
 * could have, over all tables a reader could not rule out (the sums hold, visible counts are as
 * shown, a "<5" is 0–4 and a ".." is 5 or more, up to `cap`). Only for small tables.
 */
function possibleValues(counts: readonly number[], hidden: readonly boolean[], sums: readonly Sum[], cap: number, threshold = SMALL_COUNT_THRESHOLD): (Set<number> | null)[] {
  const range = counts.map((count, i) => (!hidden[i] ? [count, count] : count < threshold ? [0, threshold - 1] : [threshold, cap]) as [number, number]);
  const unknown = counts.flatMap((_, i) => (hidden[i] ? [i] : []));
  const position = counts.map((_, i) => unknown.indexOf(i));
  const found: (Set<number> | null)[] = counts.map((_, i) => (hidden[i] ? new Set<number>() : null));

  /** A table with these counts, or null: depth-first, cutting a branch as soon as a sum cannot hold. */
  const solve = (value: number[], depth: number): number[] | null => {
    for (const { parts, total } of sums) {
      let lo = 0;
      let hi = 0;
      for (const i of parts) {
        const [a, b] = position[i]! >= depth ? range[i]! : [value[i]!, value[i]!];
        lo += a;
        hi += b;
      }
      if (total < lo || total > hi) return null;
    }
    if (depth === unknown.length) return value;
    const i = unknown[depth]!;
    for (let v = range[i]![0]; v <= range[i]![1]; v++) {
      value[i] = v;
      const table = solve(value, depth + 1);
      if (table) return table;
    }
    return null;
  };

  for (const i of unknown) {
    const [lo, hi] = range[i]!;
    for (let v = lo; v <= hi; v++) {
      if (found[i]!.has(v)) continue;
      const saved = range[i]!;
      range[i] = [v, v];
      const table = solve([...counts], 0);
      range[i] = saved;
      if (table) unknown.forEach((j) => found[j]!.add(table[j]!));
    }
  }
  return found;
}

/** The hidden counts a reader could narrow: a "<5" not still any of 0–4, or any hidden count left with one possible value. */
export function narrowedCounts(counts: readonly number[], hidden: readonly boolean[], sums: readonly Sum[], cap: number, threshold = SMALL_COUNT_THRESHOLD): number[] {
  const values = possibleValues(counts, hidden, sums, cap, threshold);
  return counts.flatMap((count, i) => {
    const possible = values[i];
    if (!possible) return [];
    const narrowed = count < threshold ? Array.from({ length: threshold }, (_, v) => v).some((v) => !possible.has(v)) : possible.size === 1;
    return narrowed ? [i] : [];
  });
}
