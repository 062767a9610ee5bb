/**
 * Statistical disclosure control for the counts of the background question (age group), as
 * statistics agencies do it:
 *  - primary suppression: a count below the threshold (default 5), zero included, is hidden;
 *  - secondary suppression: more counts are hidden, smallest first, until no hidden count can be
 *    worked out from the published totals and the visible counts.
 * A hidden count is marked by its value: "<5" below the threshold, ".." otherwise (Statistics
 * Finland's sign for a figure withheld as confidential), so "<5" never stands for 5 or more. The
 * markers tell a reader on which side of the threshold each hidden count lies, and the rule
 * reckons with that: every "<5" must still be able to be any of 0–4, and no hidden count may be
 * pinned to one value.
 */
export const SMALL_COUNT_THRESHOLD = 5;
export const SUPPRESSED = '<5';
export const SECONDARY_SUPPRESSED = '..';

/** How a hidden count reads in a file. */
export function hiddenMarker(count: number, threshold = SMALL_COUNT_THRESHOLD): string {
  return count < threshold ? SUPPRESSED : SECONDARY_SUPPRESSED;
}

/** Counts that a reader knows add up to a published total. */
export interface Sum {
  parts: readonly number[];
  total: number;
}

/** What a reader can tell of a count: it lies in lo..hi (hi may be Infinity). */
export interface Bounds {
  lo: number;
  hi: number;
}

/**
 * The fewest responses a group needs before its counts can be published at all: 5 for each
 * count the reader does not already know. With fewer, hiding every count can still leave one
 * pinned by the markers (5 responses of which one count reads ".." and four "<5": the ".." is 5
 * and the others 0), so a smaller group shows none of them, which depends only on its published
 * total. With this many, secondary suppression always succeeds (see small-counts.test.ts).
 */
export function minimumForCounts(unknownCounts: number, threshold = SMALL_COUNT_THRESHOLD): number {
  return threshold * unknownCounts;
}

/**
 * Which counts of one group (whose total is published) to hide: primary suppression, then
 * secondary suppression until no hidden count can be worked out from the total, the visible
 * counts and the markers. `known` marks counts a reader knows without the file (an option that
 * no form version of the period offered is 0): never hidden, and no cover for another.
 */
export function suppressGroup(counts: readonly number[], { threshold = SMALL_COUNT_THRESHOLD, known = [] }: { threshold?: number; known?: readonly boolean[] } = {}): boolean[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  return suppressLinked(counts, [{ parts: counts.map((_, i) => i), total }], {
    threshold,
    hidden: counts.map((count, i) => known[i] !== true && count < threshold),
    fixed: known,
  });
}

interface LinkedOptions {
  threshold?: number;
  /** Counts hidden from the start. */
  hidden: readonly boolean[];
  /** Counts that are never hidden here (the reader knows them anyway). */
  fixed?: readonly boolean[];
}

/**
 * Secondary suppression over counts tied by one or more sums. While a hidden count can be
 * narrowed (see exposedCounts), hides the smallest visible count of a sum that narrows it, or
 * failing that of any sum it is in. Stops when nothing is exposed or nothing near is left to hide.
 */
function suppressLinked(counts: readonly number[], sums: readonly Sum[], options: LinkedOptions): boolean[] {
  const threshold = options.threshold ?? SMALL_COUNT_THRESHOLD;
  const hidden = [...options.hidden];
  const smallestIn = (among: readonly Sum[]) => {
    let best: number | null = null;
    for (const sum of among) {
      for (const i of sum.parts) if (!hidden[i] && options.fixed?.[i] !== true && (best === null || counts[i]! < counts[best]!)) best = i;
    }
    return best;
  };
  for (;;) {
    const bounds = knownBounds(counts, hidden, sums, threshold);
    const exposed = exposedCounts(counts, hidden, bounds, threshold);
    if (exposed.length === 0) return hidden;
    const around = sums.filter((sum) => exposed.some((i) => sum.parts.includes(i)));
    const narrowing = around.filter((sum) => exposed.some((i) => sum.parts.includes(i) && narrows(implied(sum, i, bounds), markerBounds(counts[i]!, threshold))));
    const next = smallestIn(narrowing) ?? smallestIn(around);
    if (next === null) return hidden;
    hidden[next] = true;
  }
}

/** The bounds a reader has from a marker alone: "<5" is 0..4, ".." is 5 or more. */
function markerBounds(count: number, threshold: number): Bounds {
  return count < threshold ? { lo: 0, hi: threshold - 1 } : { lo: threshold, hi: Infinity };
}

const narrows = (from: Bounds, than: Bounds) => from.lo > than.lo || from.hi < than.hi;

/** What one sum tells of one of its counts, given what is known of the others. */
function implied(sum: Sum, i: number, bounds: readonly Bounds[]): Bounds {
  let restLo = 0;
  let restHi = 0;
  for (const j of sum.parts) {
    if (j === i) continue;
    restLo += bounds[j]!.lo;
    restHi += bounds[j]!.hi;
  }
  return { lo: sum.total - restHi, hi: sum.total - restLo };
}

/**
 * What a reader who knows the sums, the visible counts and the markers can tell of every count:
 * bounds from the markers, tightened by each sum in turn until none changes. The tests check it
 * against every group a reader could not rule out (disclosure-audit.ts).
 */
function knownBounds(counts: readonly number[], hidden: readonly boolean[], sums: readonly Sum[], threshold: number): Bounds[] {
  const bounds = counts.map((count, i) => (hidden[i] ? markerBounds(count, threshold) : { lo: count, hi: count }));
  for (let changed = true; changed; ) {
    changed = false;
    for (const sum of sums) {
      for (const i of sum.parts) {
        const from = implied(sum, i, bounds);
        if (!hidden[i] || !narrows(from, bounds[i]!)) continue;
        bounds[i] = { lo: Math.max(bounds[i]!.lo, from.lo), hi: Math.min(bounds[i]!.hi, from.hi) };
        changed = true;
      }
    }
  }
  return bounds;
}

/** Hidden counts a reader could narrow: a "<5" that could not still be any of 0..4, or any hidden count pinned to one value. */
function exposedCounts(counts: readonly number[], hidden: readonly boolean[], bounds: readonly Bounds[], threshold: number): number[] {
  return counts.flatMap((count, i) => {
    if (!hidden[i]) return [];
    const { lo, hi } = bounds[i]!;
    return (count < threshold ? lo > 0 || hi < threshold - 1 : lo === hi) ? [i] : [];
  });
}
