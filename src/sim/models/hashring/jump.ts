/**
 * Jump consistent hash (Lamping & Veach 2014): maps a 64-bit key to one of `buckets` buckets with
 * no memory, moving only 1/(n+1) of keys when a bucket is appended. Buckets are numbered, so only
 * the last one can be removed cheaply.
 *
 * The reference loop multiplies a 64-bit key by a 64-bit constant modulo 2^64. Doubles hold only
 * 53 bits, and BigInt is ten times too slow for millions of keys, so the product is computed
 * exactly over 16-bit limbs: each partial product fits in 32 bits and every column sum stays
 * far below 2^53.
 */

// 2862933555777941757 = 0x27BB2EE687B0B0FD, as 16-bit limbs from least significant.
const C0 = 0xb0fd;
const C1 = 0x87b0;
const C2 = 0x2ee6;
const C3 = 0x27bb;
const TWO_POW_31 = 2147483648;

/** The bucket in [0, buckets) of the 64-bit key whose halves are `lo` and `hi` (unsigned 32-bit). */
export function jumpHash(lo: number, hi: number, buckets: number): number {
  let k0 = lo & 0xffff;
  let k1 = lo >>> 16;
  let k2 = hi & 0xffff;
  let k3 = hi >>> 16;
  let b = -1;
  let j = 0;
  while (j < buckets) {
    b = j;
    // key = key * C + 1 (mod 2^64), column by column with carries.
    let t = k0 * C0 + 1;
    const r0 = t & 0xffff;
    t = Math.floor(t / 65536) + k0 * C1 + k1 * C0;
    const r1 = t % 65536;
    t = Math.floor(t / 65536) + k0 * C2 + k1 * C1 + k2 * C0;
    const r2 = t % 65536;
    t = Math.floor(t / 65536) + k0 * C3 + k1 * C2 + k2 * C1 + k3 * C0;
    const r3 = t % 65536;
    k0 = r0;
    k1 = r1;
    k2 = r2;
    k3 = r3;
    // (key >> 33) + 1 is the top 31 bits plus one; the division is in doubles, as in the paper.
    const top31 = (k3 * 65536 + k2) >>> 1;
    j = Math.floor((b + 1) * (TWO_POW_31 / (top31 + 1)));
  }
  return b;
}
