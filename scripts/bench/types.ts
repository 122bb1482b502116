/** A benchmark: runs once (after its own warm-up) and reports one number. */
export interface Bench {
  name: string;
  /** Human-readable target, e.g. ">= 10,000,000 /s" or "<= 50 ms". */
  target?: string;
  /** Whether the measured value meets the target. */
  meets?(value: number): boolean;
  run(): { value: number; unit: string; note?: string };
}
