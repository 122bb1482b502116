/**
 * Herd size. An episode is a maximal set of one key's recomputations whose running intervals
 * overlap, directly or through each other (the connected components of the interval graph).
 * Intervals are half-open, [issued, completed): one that starts exactly when another ends does
 * not overlap it. Recomputations still running have end = Infinity.
 */

export interface Interval {
  key: number;
  start: number;
  end: number;
}

export interface EpisodeStats {
  episodes: number;
  recomputes: number;
  /** recomputes / episodes (0 when there are none): the average herd size. */
  perEpisode: number;
  largest: number;
  /** Size of each episode, by key then time. */
  sizes: number[];
  /** The key of each episode (parallel to `sizes`). */
  keys: number[];
}

/**
 * Episodes of `n` intervals given as parallel arrays. Runs in O(n + maxKey) when each key's
 * intervals come in start order (as a simulation records them), else sorts within keys.
 */
export function episodeStats(
  key: ArrayLike<number>,
  start: ArrayLike<number>,
  end: ArrayLike<number>,
  n: number,
): EpisodeStats {
  let maxKey = -1;
  for (let i = 0; i < n; i++) if (key[i]! > maxKey) maxKey = key[i]!;
  // Stable counting sort by key keeps each key's intervals in their original order.
  const offset = new Int32Array(maxKey + 2);
  for (let i = 0; i < n; i++) offset[key[i]! + 1]!++;
  for (let k = 0; k <= maxKey; k++) offset[k + 1]! += offset[k]!;
  const order = new Int32Array(n);
  const fill = offset.slice();
  for (let i = 0; i < n; i++) order[fill[key[i]!]!++] = i;
  const sizes: number[] = [];
  const keys: number[] = [];
  let largest = 0;
  for (let k = 0; k <= maxKey; k++) {
    const from = offset[k]!;
    const to = offset[k + 1]!;
    if (from === to) continue;
    let sorted = true;
    for (let j = from + 1; j < to; j++)
      if (start[order[j]!]! < start[order[j - 1]!]!) {
        sorted = false;
        break;
      }
    if (!sorted) order.subarray(from, to).sort((a, b) => start[a]! - start[b]! || a - b);
    let reach = -Infinity;
    let size = 0;
    for (let j = from; j < to; j++) {
      const i = order[j]!;
      if (start[i]! >= reach && size > 0) {
        sizes.push(size);
        keys.push(k);
        if (size > largest) largest = size;
        size = 0;
      }
      size++;
      if (end[i]! > reach) reach = end[i]!;
    }
    sizes.push(size);
    keys.push(k);
    if (size > largest) largest = size;
  }
  const episodes = sizes.length;
  return { episodes, recomputes: n, perEpisode: episodes ? n / episodes : 0, largest, sizes, keys };
}

/** Average episode size of one key (0 when it has none). */
export function keyPerEpisode(stats: EpisodeStats, key: number): number {
  let episodes = 0;
  let recomputes = 0;
  for (let i = 0; i < stats.keys.length; i++)
    if (stats.keys[i] === key) {
      episodes++;
      recomputes += stats.sizes[i]!;
    }
  return episodes ? recomputes / episodes : 0;
}

/** The same for a list of intervals (tests, small inputs). */
export function groupEpisodes(intervals: readonly Interval[]): EpisodeStats {
  return episodeStats(
    intervals.map((i) => i.key),
    intervals.map((i) => i.start),
    intervals.map((i) => i.end),
    intervals.length,
  );
}
