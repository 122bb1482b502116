/**
 * Seeded, splittable random streams. One scenario seed gives a root stream; every component asks
 * for its own stream by name (`rng.stream('net')`), derived by hashing the name into the seed, so
 * adding randomness to one component never shifts the numbers another component sees
 * (TigerBeetle's derived-seed discipline). Generators are pure-rand's xoroshiro128+, whose state
 * is four 32-bit words: streams snapshot to plain arrays for checkpoints.
 */
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { utf8, xxhash32 } from './hash';

type Gen = ReturnType<typeof xoroshiro128plusFromState>;
export type RngState = readonly number[];

const TWO_POW_32 = 4294967296;

/** A deterministic random stream. All draws are derived from the 32-bit outputs of `u32()`. */
export class Rng {
  private gen: Gen;
  constructor(
    readonly seed: number,
    state?: RngState,
  ) {
    if (state) {
      this.gen = xoroshiro128plusFromState(state);
    } else {
      const s = seed >>> 0;
      // Four words derived from the seed; xoroshiro must not start from all zeros.
      const w = Array.from({ length: 4 }, (_, i) => xxhash32(utf8(`dsp-seed-${i}`), s) | 0);
      if (!w.some((x) => x !== 0)) w[0] = 1;
      this.gen = xoroshiro128plusFromState(w);
    }
  }

  /** A child stream named `label`, independent of this stream's position. */
  stream(label: string): Rng {
    return new Rng(xxhash32(utf8(label), this.seed));
  }

  /** Uniform 32-bit unsigned integer. */
  u32(): number {
    return this.gen.next() >>> 0;
  }

  /** Uniform float in [0, 1) with 32 bits of precision. */
  float(): number {
    return this.u32() / TWO_POW_32;
  }

  /** Uniform float in (0, 1]: safe for `Math.log`. */
  floatOpenZero(): number {
    return (this.u32() + 1) / TWO_POW_32;
  }

  /** Uniform integer in [min, max], both inclusive, without modulo bias. */
  int(min: number, max: number): number {
    const range = max - min + 1;
    if (range <= 1) return min;
    const limit = Math.floor(TWO_POW_32 / range) * range;
    let x = this.u32();
    while (x >= limit) x = this.u32();
    return min + (x % range);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return p > 0 && this.float() < p;
  }

  /** Exponentially distributed with the given mean (inter-arrival times of a Poisson process). */
  exponential(mean: number): number {
    return -mean * Math.log(this.floatOpenZero());
  }

  /** A uniformly chosen element. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(0, items.length - 1)]!;
  }

  /** Fisher-Yates shuffle in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const tmp = items[i]!;
      items[i] = items[j]!;
      items[j] = tmp;
    }
    return items;
  }

  /** The generator state, as plain data for a checkpoint. */
  state(): RngState {
    return this.gen.getState();
  }

  /** Restore a state produced by `state()`. */
  restore(state: RngState): void {
    this.gen = xoroshiro128plusFromState(state);
  }
}
