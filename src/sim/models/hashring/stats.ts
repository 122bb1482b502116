/** Load statistics shared by the model's metrics and the balance experiment. */

export interface LoadStats {
  mean: number;
  /** Population standard deviation over mean: 0 is perfectly even. */
  cv: number;
  maxOverMean: number;
  minOverMean: number;
}

/** Statistics of per-node loads (keys or requests per node). */
export function loadStats(loads: ArrayLike<number>): LoadStats {
  const n = loads.length;
  if (n === 0) return { mean: 0, cv: 0, maxOverMean: 0, minOverMean: 0 };
  let sum = 0;
  let max = -Infinity;
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    const x = loads[i]!;
    sum += x;
    if (x > max) max = x;
    if (x < min) min = x;
  }
  const mean = sum / n;
  if (mean === 0) return { mean, cv: 0, maxOverMean: 0, minOverMean: 0 };
  let sq = 0;
  for (let i = 0; i < n; i++) sq += (loads[i]! - mean) ** 2;
  return { mean, cv: Math.sqrt(sq / n) / mean, maxOverMean: max / mean, minOverMean: min / mean };
}
