/**
 * Zipf-distributed key popularity: rank r (1-based) is requested with probability proportional to
 * 1 / r^s. s = 0 is uniform; s around 1 is the classic web-cache skew, where a handful of keys
 * take most requests however well the keys themselves are spread.
 */

/** Cumulative probabilities of ranks 1..n (the last entry is exactly 1). */
export function zipfCdf(n: number, s: number): Float64Array {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let r = 0; r < n; r++) {
    sum += s === 0 ? 1 : 1 / Math.pow(r + 1, s);
    cdf[r] = sum;
  }
  for (let r = 0; r < n; r++) cdf[r] = cdf[r]! / sum;
  // Rounding may leave the total a hair below 1; a draw there must still land on a rank.
  if (n > 0) cdf[n - 1] = 1;
  return cdf;
}

/** The 0-based rank whose cumulative interval holds `u` in [0, 1): the first with cdf > u. */
export function zipfRank(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Probability of the single most popular rank. */
export const zipfTopShare = (cdf: Float64Array): number => cdf[0] ?? 0;
