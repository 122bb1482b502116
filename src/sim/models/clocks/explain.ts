/**
 * The widget's comparison of two events: how they relate by the event graph, what each clock
 * says, and the chain of events (and messages) that proves an order, in words.
 */
import { causalChain, relationByVector, type Relation } from './causality';
import { formatHlc, formatVector, hlcLess } from './stamps';
import type { ClockEvent } from './types';

export interface Comparison {
  a: number;
  b: number;
  relation: Relation;
  /** Event ids from the earlier to the later event, both included, when ordered. */
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

/** The chain in steps: "P0 sent m1 to P1", "P1 received m1 from P0", ... */
function describeChain(chain: number[], byId: Map<number, ClockEvent>): string[] {
  const steps: string[] = [];
  for (let i = 0; i < chain.length; i++) {
    const e = byId.get(chain[i]!)!;
    const next = i + 1 < chain.length ? byId.get(chain[i + 1]!)! : null;
    const via = next && next.process === e.process ? ', then later on the same process' : '';
    steps.push(`${eventName(e)}: P${e.process} ${what(e)}${via}`);
  }
  return steps;
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
  const hops = chain
    ? chain.filter(
        (id, i) =>
          i > 0 &&
          byId.get(id)!.kind === 'receive' &&
          byId.get(chain[i - 1]!)!.kind === 'send' &&
          byId.get(chain[i - 1]!)!.process !== byId.get(id)!.process,
      ).length
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
      hops === 0 ? 'on the same process' : `through ${hops} message${hops === 1 ? '' : 's'}`;
    sentence = `${x} happened before ${y}, ${how}.`;
  }
  return {
    a,
    b,
    relation,
    chain,
    lamport: sign(ea.lamport, eb.lamport),
    vector: relationByVector(ea, eb),
    hlc: hlcLess(ea.hlc, eb.hlc) ? '<' : hlcLess(eb.hlc, ea.hlc) ? '>' : '=',
    sentence,
    steps: chain ? describeChain(chain, byId) : [],
  };
}

export { formatHlc, formatVector };
