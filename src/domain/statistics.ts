/**
 * Confidence intervals for the pilot's evaluation report: a share of answers, and the difference
 * between two such shares. The pilot's groups are small (a few dozen answers on the days a
 * professional came), where the textbook p ± 1.96·SE interval fails: it is zero-wide at 0 % and
 * 100 % and runs past 0 and 1. The score methods below keep their coverage at these sizes, as
 * R. G. Newcombe showed (Stat Med 1998;17:857–872 and 873–890).
 */

/** The normal quantile for a two-sided 95 % interval. */
export const Z_95 = 1.959964;

export interface Interval {
  lower: number;
  upper: number;
}

export interface Difference {
  /** p1 − p2. */
  difference: number;
  lower: number;
  upper: number;
}

function checkCounts(successes: number, n: number): void {
  if (!(n >= 0 && successes >= 0 && successes <= n)) throw new RangeError(`${successes} of ${n} is not a count of successes out of n`);
}

/**
 * The Wilson score interval without continuity correction (Newcombe 1998, method 3) for
 * `successes` out of `n`; null when n is 0, as there is then no share to bound. It always lies
 * within 0..1, and at 0 or n successes its outer end is exactly 0 or 1.
 */
export function wilsonInterval(successes: number, n: number, z = Z_95): Interval | null {
  checkCounts(successes, n);
  if (n === 0) return null;
  const z2 = z * z;
  const centre = (2 * successes + z2) / (2 * (n + z2));
  const half = (z * Math.sqrt(z2 + 4 * successes * (1 - successes / n))) / (2 * (n + z2));
  return {
    lower: successes === 0 ? 0 : centre - half,
    upper: successes === n ? 1 : centre + half,
  };
}

/**
 * The interval for p1 − p2 of two independent shares by Newcombe's hybrid score method (method
 * 10 of Newcombe 1998, "Interval estimation for the difference between independent proportions:
 * comparison of eleven methods"): each end combines the two Wilson intervals' distances on the
 * side that moves the difference that way. Null when either group is empty.
 */
export function newcombeDifference(x1: number, n1: number, x2: number, n2: number, z = Z_95): Difference | null {
  const first = wilsonInterval(x1, n1, z);
  const second = wilsonInterval(x2, n2, z);
  if (first === null || second === null) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const difference = p1 - p2;
  return {
    difference,
    // The method never leaves −1..1; the clamp only absorbs rounding in the last bit.
    lower: Math.max(-1, difference - Math.hypot(p1 - first.lower, second.upper - p2)),
    upper: Math.min(1, difference + Math.hypot(first.upper - p1, p2 - second.lower)),
  };
}
