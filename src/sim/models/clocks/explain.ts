/**
 * The widget's comparison of two events: how they relate by the event graph, what each clock
 * says, and the chain of events (and messages) that proves an order, in words.
 */
import { causalChain, messageHops, relationByVector, type Relation } from './causality';
import { formatHlc, formatVector, hlcLess } from './stamps';
import type { ClockEvent } from './types';

export interface Comparison {
  a: number;
  b: number;
  relation: Relation;
  /**
   * When ordered, the events from the earlier to the later one that show why: both ends and
   * each message's send and receive between them (steps along one process left out).
   */
  chain: number[] | null;
  /** What each clock says of a against b. */
  lamport: '<' | '>' | '=';
  vector: Relation;
  hlc: '<' | '>' | '=';
  /** The verdict and its reason, for the panel and the live region. */
  sentence: string;
  /** The chain, one step a line. */
  steps: string[];
}

export const eventName = (e: ClockEvent): string => `P${e.process}'s event ${e.seq}`;

function what(e: ClockEvent): string {
  if (e.kind === 'send') return `sent m${e.msg} to P${e.peer}`;
  if (e.kind === 'receive') return `received m${e.msg} from P${e.peer}`;
  return 'did a local event';
}

const sign = (x: number, y: number): '<' | '>' | '=' => (x < y ? '<' : x > y ? '>' : '=');

/** The chain in steps: "P0's event 1: P0 sent m1 to P1", "P1's event 2: ... received m1". */
function describeChain(chain: number[], byId: Map<number, ClockEvent>): string[] {
  return chain.map((id, i) => {
    const e = byId.get(id)!;
    const prev = i > 0 ? byId.get(chain[i - 1]!)! : null;
    const later = prev && prev.process === e.process ? ', later on the same process' : '';
    return `${eventName(e)}${later}: P${e.process} ${what(e)}`;
  });
}

export function compareEvents(
  events: readonly ClockEvent[],
  a: number,
  b: number,
): Comparison | null {
  const byId = new Map(events.map((e) => [e.id, e]));
  const ea = byId.get(a);
  const eb = byId.get(b);
  if (!ea || !eb) return null;
  const forward = causalChain(events, a, b);
  const backward = forward ? null : causalChain(events, b, a);
  const relation: Relation =
    a === b ? 'same' : forward ? 'before' : backward ? 'after' : 'concurrent';
  const chain = forward ?? backward;
  const hops = chain ? messageHops(events, chain) : null;
  const messages = hops
    ? hops.filter((id, i) => i > 0 && byId.get(id)!.process !== byId.get(hops[i - 1]!)!.process)
        .length
    : 0;
  const na = eventName(ea);
  const nb = eventName(eb);
  let sentence: string;
  if (relation === 'same') sentence = `${na} is the same event twice.`;
  else if (relation === 'concurrent')
    sentence =
      `${na} and ${nb} are concurrent: no chain of messages leads from either to the other ` +
      `(vectors ${formatVector(ea.vector)} and ${formatVector(eb.vector)} are each ahead somewhere).`;
  else {
    const [x, y] = relation === 'before' ? [na, nb] : [nb, na];
    const how =
      messages === 0
        ? 'earlier on the same process'
        : `through a chain of ${messages} message${messages === 1 ? '' : 's'}`;
    sentence = `${x} happened before ${y}, ${how}.`;
  }
  return {
    a,
    b,
    relation,
    chain: hops,
    lamport: sign(ea.lamport, eb.lamport),
    vector: relationByVector(ea, eb),
    hlc: hlcLess(ea.hlc, eb.hlc) ? '<' : hlcLess(eb.hlc, ea.hlc) ? '>' : '=',
    sentence,
    steps: hops ? describeChain(hops, byId) : [],
  };
}

export { formatHlc, formatVector };
