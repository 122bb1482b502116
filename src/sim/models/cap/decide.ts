/**
 * One register's verdict, decided: the plain search first (within its budget; its choice of the
 * read to name is the one the CAP model logs, so runs it decides stay exactly as they were), and
 * when it gives up, the exact register-specific checks, which finish where it cannot: Gibbons &
 * Korach's zones when every write writes its own value (polynomial), else the reduced search of
 * `fastSearch.ts`.
 */
import { searchRegisterFast } from './fastSearch';
import { searchRegister, type RegisterOp, type SearchOutcome, type Start } from './linearizability';
import { checkZones, zonesApply } from './zones';

export interface DecideOptions {
  /** The plain search's budget (default 2,000,000 steps). */
  budget?: number;
  /** The fallback's budget (default: none). */
  fallbackBudget?: number;
  /** Go straight to the fallback (the plain search already gave up on an equal or smaller one). */
  skipPlain?: boolean;
}

export interface Decided extends SearchOutcome {
  /** Which check gave the outcome. */
  by: 'search' | 'zones' | 'reduced search';
}

export function decideRegister(
  ops: readonly RegisterOp[],
  starts: readonly Start[],
  options: DecideOptions = {},
): Decided {
  let steps = 0;
  if (!options.skipPlain) {
    const plain = searchRegister(ops, starts, { budget: options.budget ?? 2_000_000 });
    if (plain.result !== 'unknown') return { ...plain, by: 'search' };
    steps = plain.steps;
  }
  const out = zonesApply(ops, starts)
    ? { ...checkZones(ops, starts[0]!), by: 'zones' as const }
    : {
        ...searchRegisterFast(ops, starts, { budget: options.fallbackBudget ?? Infinity }),
        by: 'reduced search' as const,
      };
  out.steps += steps;
  return out;
}
