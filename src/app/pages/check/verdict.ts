import type { CheckAnswer } from '../../../worker/checkApi';

/** The verdict in one sentence, for the live region. */
export function verdictLine(a: Extract<CheckAnswer, { ok: true }>): string {
  const v = a.verdict;
  const keys = v.keys.length;
  const bad = v.keys.filter((k) => k.result === 'violation').length;
  const open = v.keys.filter((k) => k.result === 'unknown').length;
  if (v.linearizable)
    return `Linearizable: all ${a.ops.length} operations on ${keys} ${keys === 1 ? 'key' : 'keys'} fit one order.`;
  if (bad === 0) return `Undecided: the search gave up on ${open} of ${keys} keys.`;
  return `Not linearizable: ${v.violations} ${v.violations === 1 ? 'operation' : 'operations'} on ${bad} of ${keys} ${keys === 1 ? 'key' : 'keys'} cannot be placed in any order${open ? `; ${open} more undecided` : ''}.`;
}
