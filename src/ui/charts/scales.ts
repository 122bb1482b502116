/**
 * The few pieces of d3 the charts use, ported as they are (d3-array 3.2: ticks, extent, max,
 * mean; d3-scale 4.0: linear, log and band scales; d3-shape 3.2: a linear line, whose path rounds
 * to 3 decimals like d3-path 3.1; ISC license, Mike Bostock): the same numbers and path strings
 * (scales.test.ts checks them against d3 itself). d3's scales bring d3-interpolate, d3-color and
 * d3-format for features the charts never use, about 10 kB gzip on every page with a chart.
 */

/** A continuous scale; `NaN` maps to `undefined`, as in d3 (whose types also say number). */
export interface Scale {
  (x: number): number;
  ticks(count?: number): number[];
}

const e10 = Math.sqrt(50);
const e5 = Math.sqrt(10);
const e2 = Math.sqrt(2);

function tickSpec(start: number, stop: number, count: number): [number, number, number] {
  const step = (stop - start) / Math.max(0, count);
  const power = Math.floor(Math.log10(step));
  const error = step / Math.pow(10, power);
  const factor = error >= e10 ? 10 : error >= e5 ? 5 : error >= e2 ? 2 : 1;
  let i1: number, i2: number, inc: number;
  if (power < 0) {
    inc = Math.pow(10, -power) / factor;
    i1 = Math.round(start * inc);
    i2 = Math.round(stop * inc);
    if (i1 / inc < start) ++i1;
    if (i2 / inc > stop) --i2;
    inc = -inc;
  } else {
    inc = Math.pow(10, power) * factor;
    i1 = Math.round(start / inc);
    i2 = Math.round(stop / inc);
    if (i1 * inc < start) ++i1;
    if (i2 * inc > stop) --i2;
  }
  if (i2 < i1 && 0.5 <= count && count < 2) return tickSpec(start, stop, count * 2);
  return [i1, i2, inc];
}

/** About `count` round values from start to stop, both included when round (d3's `ticks`). */
export function ticks(start: number, stop: number, count: number): number[] {
  if (!(count > 0)) return [];
  if (start === stop) return [start];
  const reverse = stop < start;
  const [i1, i2, inc] = reverse ? tickSpec(stop, start, count) : tickSpec(start, stop, count);
  if (!(i2 >= i1)) return [];
  const n = i2 - i1 + 1;
  const out = new Array<number>(n);
  for (let i = 0; i < n; ++i) {
    const k = reverse ? i2 - i : i1 + i;
    out[i] = inc < 0 ? k / -inc : k * inc;
  }
  return out;
}

const tickIncrement = (start: number, stop: number, count: number): number =>
  tickSpec(start, stop, count)[2];

/** Extends a domain to round values (d3's `linear.nice`). */
export function nice(domain: readonly [number, number], count = 10): [number, number] {
  const d: [number, number] = [domain[0], domain[1]];
  let [i0, i1] = [0, 1];
  let [start, stop] = d;
  if (stop < start) [start, stop, i0, i1] = [stop, start, 1, 0];
  let prestep: number | undefined;
  for (let maxIter = 10; maxIter-- > 0;) {
    const step = tickIncrement(start, stop, count);
    if (step === prestep) {
      d[i0] = start;
      d[i1] = stop;
      return d;
    } else if (step > 0) {
      start = Math.floor(start / step) * step;
      stop = Math.ceil(stop / step) * step;
    } else if (step < 0) {
      start = Math.ceil(start * step) / step;
      stop = Math.floor(stop * step) / step;
    } else break;
    prestep = step;
  }
  return d;
}

/** d3's bimap with its default (numeric) interpolator, for a two-value domain and range. */
function bimap(domain: readonly number[], range: readonly [number, number]) {
  let [a, b] = domain as [number, number];
  let [r0, r1] = range;
  if (b < a) [a, b, r0, r1] = [b, a, r1, r0];
  const span = b - a;
  const normalize = span ? (x: number) => (x - a) / span : () => (isNaN(span) ? NaN : 0.5);
  return (x: number): number => {
    const t = normalize(x);
    return r0 * (1 - t) + r1 * t;
  };
}

function continuous(
  domain: readonly [number, number],
  range: readonly [number, number],
  transform: (x: number) => number,
): (x: number) => number {
  const output = bimap(domain.map(transform), range);
  return (x) => (isNaN(x) ? (undefined as unknown as number) : output(transform(x)));
}

export function scaleLinear(
  domain: readonly [number, number],
  range: readonly [number, number],
): Scale {
  const scale = continuous(domain, range, (x) => x) as Scale;
  scale.ticks = (count = 10) => ticks(domain[0], domain[1], count);
  return scale;
}

const pow10 = (x: number): number => (isFinite(x) ? +`1e${x}` : x < 0 ? 0 : x);

/** A base-10 log scale (d3's `scaleLog`). */
export function scaleLog(
  domain: readonly [number, number],
  range: readonly [number, number],
): Scale {
  const negative = domain[0] < 0;
  const logs = negative ? (x: number) => -Math.log10(-x) : Math.log10;
  const pows = negative ? (x: number) => -pow10(-x) : pow10;
  const scale = continuous(
    domain,
    range,
    negative ? (x) => -Math.log(-x) : (x) => Math.log(x),
  ) as Scale;
  scale.ticks = (count = 10) => {
    let [u, v] = domain;
    const r = v < u;
    if (r) [u, v] = [v, u];
    let i = logs(u);
    let j = logs(v);
    let z: number[] = [];
    if (j - i < count) {
      i = Math.floor(i);
      j = Math.ceil(j);
      if (u > 0)
        for (; i <= j; ++i) {
          for (let k = 1; k < 10; ++k) {
            const t = i < 0 ? k / pows(-i) : k * pows(i);
            if (t < u) continue;
            if (t > v) break;
            z.push(t);
          }
        }
      else
        for (; i <= j; ++i) {
          for (let k = 9; k >= 1; --k) {
            const t = i > 0 ? k / pows(-i) : k * pows(i);
            if (t < u) continue;
            if (t > v) break;
            z.push(t);
          }
        }
      if (z.length * 2 < count) z = ticks(u, v, count);
    } else {
      z = ticks(i, j, Math.min(j - i, count)).map(pows);
    }
    return r ? z.reverse() : z;
  };
  return scale;
}

/** Bands for the indices 0..n-1 (d3's `scaleBand().domain(indices).range(range).padding(p)`). */
export function scaleBand(
  n: number,
  range: readonly [number, number],
  padding: number,
): { (i: number): number | undefined; bandwidth: number } {
  const inner = Math.min(1, padding);
  const [r0, r1] = range;
  const reverse = r1 < r0;
  let start = reverse ? r1 : r0;
  const stop = reverse ? r0 : r1;
  const step = (stop - start) / Math.max(1, n - inner + padding * 2);
  start += (stop - start - step * (n - inner)) * 0.5;
  const values = Array.from({ length: n }, (_, i) => start + step * i);
  if (reverse) values.reverse();
  const scale = (i: number) => values[i];
  return Object.assign(scale, { bandwidth: step * (1 - inner) });
}

const valid = (v: number | null | undefined): v is number => v != null && v >= v;

export function max(values: Iterable<number>): number | undefined {
  let out: number | undefined;
  for (const v of values)
    if (v != null && ((out as number) < v || (out === undefined && v >= v))) out = v;
  return out;
}

export function mean(values: Iterable<number>): number | undefined {
  let count = 0;
  let sum = 0;
  for (const v of values)
    if (valid(v)) {
      ++count;
      sum += v;
    }
  return count ? sum / count : undefined;
}

export function extent(values: Iterable<number>): [number, number] | [undefined, undefined] {
  let lo: number | undefined;
  let hi: number | undefined;
  for (const v of values) {
    if (v == null) continue;
    if (lo === undefined || hi === undefined) {
      if (v >= v) lo = hi = v;
    } else {
      if (lo > v) lo = v;
      if (hi < v) hi = v;
    }
  }
  return lo === undefined || hi === undefined ? [undefined, undefined] : [lo, hi];
}

/**
 * An SVG path through the points, broken where `defined` is false (d3's `line()` with its linear
 * curve): each run starts with M, a run of one point closes with Z, numbers round to 3 decimals.
 */
export function linePath<T>(
  data: readonly T[],
  defined: (d: T) => boolean,
  x: (d: T) => number,
  y: (d: T) => number,
): string | null {
  const round = (v: number) => Math.round(v * 1000) / 1000;
  let out = '';
  let inRun = false;
  let points = 0;
  for (let i = 0; i <= data.length; ++i) {
    const d = data[i] as T;
    if ((i < data.length && defined(d)) !== inRun) {
      inRun = !inRun;
      if (inRun) points = 0;
      else if (points === 1) out += 'Z';
    }
    if (inRun) out += `${points++ ? 'L' : 'M'}${round(+x(d))},${round(+y(d))}`;
  }
  return out || null;
}
