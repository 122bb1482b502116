/**
 * The simulation kernel: a virtual clock, the event queue, named random streams, the network
 * model, and the scenario's timed inputs, driving one model's handlers. It is the `ctx` handed to
 * every handler. Nothing here reads a wall clock or ambient randomness: the same scenario gives
 * the same run, event for event, anywhere.
 */
import { formatError } from './errors';
import { utf8, xxhash32 } from './hash';
import {
  canTalk,
  createNetwork,
  heal,
  partition,
  planDelivery,
  type NetworkState,
} from './network';
import { EventQueue, type QueueSnapshot } from './queue';
import { Rng, type RngState } from './rng';
import { parseParams } from './scenario';
import type {
  AnyModelDef,
  Ctx,
  InFlight,
  InvariantStatus,
  LogEvent,
  LogOptions,
  ModelFrame,
  Params,
  Scenario,
  ScenarioInput,
} from './types';

type QueueEvent =
  | { k: 'timer'; data: unknown }
  | { k: 'msg'; from: number; to: number; sentAt: number; payload: { type: string } };

export interface SimOptions {
  /** Check invariants after events and inputs (tests and the live view; experiments skip it). */
  checkInvariants?: boolean;
  /** Keep a running hash of every processed event, for golden determinism tests. */
  trace?: boolean;
  /** Keep log lines for `drainLog` (experiments turn this off). */
  keepLog?: boolean;
}

export interface Violation {
  invariant: string;
  detail: string;
  t: number;
  seed: number;
  inputs: ScenarioInput[];
}

export interface SimSnapshot {
  now: number;
  params: Params;
  net: NetworkState;
  queue: QueueSnapshot<QueueEvent>;
  streams: [string, RngState][];
  netRng: RngState;
  cursor: number;
  state: unknown;
  trace: number;
  violation: Violation | null;
  status: InvariantStatus[];
  eventsProcessed: number;
  dropped: number;
}

const NETWORK_PARAMS = ['latencyMsMin', 'latencyMsMax', 'lossRate', 'duplicateRate'] as const;

export class Sim implements Ctx<Params, unknown, { type: string }> {
  now = 0;
  params: Params;
  readonly seed: number;
  net: NetworkState;
  state: unknown;
  /** Events processed so far (timers, deliveries and inputs). */
  eventsProcessed = 0;
  /** Messages lost to loss, partitions or the drop input. */
  dropped = 0;
  violation: Violation | null = null;
  status: InvariantStatus[];

  private readonly model: AnyModelDef;
  private readonly options: Required<SimOptions>;
  private readonly root: Rng;
  private readonly netRng: Rng;
  private streams = new Map<string, Rng>();
  private queue = new EventQueue<QueueEvent>();
  private inputs: ScenarioInput[];
  private cursor = 0;
  private logLines: LogEvent[] = [];
  private trace = 0;

  constructor(model: AnyModelDef, scenario: Scenario, options: SimOptions = {}) {
    this.model = model;
    this.options = { checkInvariants: false, trace: false, keepLog: true, ...options };
    this.seed = scenario.seed;
    this.params = { ...scenario.params };
    this.inputs = [...scenario.inputs].sort((a, b) => a.at - b.at);
    this.root = new Rng(scenario.seed);
    this.netRng = this.root.stream('network');
    this.net = createNetwork();
    this.syncNetwork();
    this.status = (model.invariants ?? []).map((inv) => ({
      id: inv.id,
      label: inv.label,
      ok: true,
      detail: null,
    }));
    this.state = model.init(this);
    this.checkInvariants('input');
  }

  // ---- Ctx ----

  rng(label: string): Rng {
    let s = this.streams.get(label);
    if (!s) {
      s = this.root.stream(label);
      this.streams.set(label, s);
    }
    return s;
  }

  schedule(delayMs: number, data: unknown): number {
    if (!(delayMs >= 0) || !Number.isFinite(delayMs)) throw new Error(`bad delay ${delayMs}`);
    return this.queue.push(this.now + delayMs, { k: 'timer', data });
  }

  cancel(id: number): void {
    this.queue.cancel(id);
  }

  send(from: number, to: number, payload: { type: string }): void {
    const delays = planDelivery(this.net, this.netRng, from, to);
    if (delays.length === 0) this.dropped++;
    for (const d of delays)
      this.queue.push(this.now + d, { k: 'msg', from, to, sentAt: this.now, payload });
  }

  log(text: string, options: LogOptions = {}): void {
    if (this.options.trace) this.trace = xxhash32(utf8(text), this.trace);
    if (!this.options.keepLog) return;
    const event: LogEvent = { t: this.now, text, level: options.level ?? 'info' };
    if (options.kind) event.kind = options.kind;
    if (options.nodes) event.nodes = options.nodes;
    this.logLines.push(event);
    // The host drains the log every frame; this bound only matters when nobody drains it.
    if (this.logLines.length > 5000) this.logLines.splice(0, this.logLines.length - 2500);
  }

  patchParams(patch: Params): void {
    const merged = parseParams(this.model.meta, { ...this.params, ...patch });
    if (!merged.ok)
      throw new Error(`model patched invalid params: ${merged.errors.map(formatError).join('; ')}`);
    this.params = merged.value;
    this.syncNetwork();
  }

  // ---- driving ----

  /** Appends an input made live (at or after `now`). */
  addInput(input: ScenarioInput): void {
    if (input.at < this.now) throw new Error(`input at ${input.at} is before now (${this.now})`);
    let i = this.inputs.length;
    while (i > this.cursor && this.inputs[i - 1]!.at > input.at) i--;
    this.inputs.splice(i, 0, input);
  }

  /** Time of the next input or event, or undefined when nothing is pending. */
  nextAt(): number | undefined {
    const input = this.inputs[this.cursor];
    const top = this.queue.peek();
    if (input && (!top || input.at < top.at)) return input.at;
    return top?.at;
  }

  /**
   * Processes one input or event; false when nothing is pending. At equal times, events run
   * before inputs: a learner's click stamped `now` lands after everything the live run already
   * processed at `now`, so a replay from a checkpoint sees the same order.
   */
  step(): boolean {
    const input = this.inputs[this.cursor];
    const top = this.queue.peek();
    if (input && (!top || input.at < top.at)) {
      this.cursor++;
      this.now = Math.max(this.now, input.at);
      this.applyInput(input);
      return true;
    }
    if (!top) return false;
    this.queue.pop();
    this.now = top.at;
    this.process(top.event, top.seq);
    return true;
  }

  /**
   * Runs every input and event up to and including time `t`, then sets the clock to `t`.
   * With `maxEvents`, stops early (returns false) so a caller can yield to the page.
   */
  runUntil(t: number, maxEvents = Infinity): boolean {
    let n = 0;
    for (;;) {
      const next = this.nextAt();
      if (next === undefined || next > t) break;
      if (n++ >= maxEvents) return false;
      this.step();
    }
    if (t > this.now) this.now = t;
    return true;
  }

  // ---- reading ----

  /** Log lines since the previous call. */
  drainLog(): LogEvent[] {
    const out = this.logLines;
    this.logLines = [];
    return out;
  }

  frame(): ModelFrame<unknown> {
    return this.model.view(this.state, this);
  }

  metrics(): Record<string, number> {
    return this.model.metrics(this.state, this);
  }

  inFlight(limit = 400): InFlight[] {
    const out: InFlight[] = [];
    for (const e of this.queue.entries()) {
      if (e.event.k !== 'msg') continue;
      const { from, to, sentAt, payload } = e.event;
      const label = this.model.describeMessage?.(payload) ?? payload.type;
      out.push({ id: e.seq, from, to, sentAt, deliverAt: e.at, type: payload.type, label });
    }
    out.sort((a, b) => a.deliverAt - b.deliverAt || a.id - b.id);
    return out.length > limit ? out.slice(0, limit) : out;
  }

  /** Calls `fn` with each message in the air now (playback's slow motion reads them). */
  forEachFlight(fn: (id: number, deliverAt: number) => void): void {
    for (const e of this.queue.entries()) if (e.event.k === 'msg') fn(e.seq, e.at);
  }

  /** Hex digest of every event processed so far (with `trace: true`). */
  traceHash(): string {
    // Fold in the metrics now, so state that writes no log lines (request routing, counters) is
    // pinned too. Twelve significant digits absorb last-bit differences in Math.log/Math.pow
    // between engines while any real divergence still shows.
    const m = this.metrics();
    const digest = Object.keys(m)
      .sort()
      .map((k) => `${k}=${Number.isFinite(m[k]) ? m[k]!.toPrecision(12) : String(m[k])}`)
      .join(';');
    return (xxhash32(utf8(digest), this.trace) >>> 0).toString(16).padStart(8, '0');
  }

  /** Inputs not yet applied. */
  pendingInputs(): ScenarioInput[] {
    return this.inputs.slice(this.cursor);
  }

  // ---- checkpoints ----

  snapshot(): SimSnapshot {
    const { model } = this;
    return {
      ...structuredClone({
        now: this.now,
        params: this.params,
        net: this.net,
        queue: this.queue.snapshot(),
        streams: [...this.streams].map(([k, r]) => [k, r.state()] as [string, RngState]),
        netRng: this.netRng.state(),
        cursor: this.cursor,
        trace: this.trace,
        violation: this.violation,
        status: this.status,
        eventsProcessed: this.eventsProcessed,
        dropped: this.dropped,
      }),
      state: model.snapshot ? model.snapshot(this.state) : structuredClone(this.state),
    };
  }

  /** Restores a checkpoint; inputs stay as they are now (a fork may have dropped later ones). */
  restore(snap: SimSnapshot): void {
    const s = structuredClone({ ...snap, state: null });
    this.now = s.now;
    this.params = s.params;
    this.net = s.net;
    this.queue.restore(s.queue);
    this.streams = new Map(
      s.streams.map(([label, st]) => {
        const r = this.root.stream(label);
        r.restore(st);
        return [label, r];
      }),
    );
    this.netRng.restore(s.netRng);
    this.cursor = Math.min(s.cursor, this.inputs.length);
    this.trace = s.trace;
    this.violation = s.violation;
    this.status = s.status;
    this.eventsProcessed = s.eventsProcessed;
    this.dropped = s.dropped;
    this.state = this.model.restore ? this.model.restore(snap.state) : structuredClone(snap.state);
    this.logLines = [];
  }

  /** Drops every input after time `t` (a fork: the future is rewritten from here). */
  truncateInputs(t: number): void {
    this.inputs = this.inputs.filter((i, idx) => idx < this.cursor || i.at <= t);
  }

  // ---- internals ----

  private process(event: QueueEvent, seq: number): void {
    this.eventsProcessed++;
    if (this.options.trace) this.hashEvent(event);
    if (event.k === 'timer') {
      this.model.onTimer(this.state, event.data, this);
    } else if (!canTalk(this.net, event.from, event.to)) {
      // The cut happened while the message was on the wire.
      this.dropped++;
    } else {
      const { from, to, sentAt, payload } = event;
      this.model.onMessage?.(this.state, { id: seq, from, to, sentAt, payload }, this);
    }
    this.checkInvariants('event');
  }

  private applyInput(input: ScenarioInput): void {
    this.eventsProcessed++;
    if (this.options.trace) this.hashEvent(input);
    switch (input.action) {
      case 'set':
        this.applyParams(input.params as Params);
        break;
      case 'partition': {
        const groups = input.groups as number[][];
        partition(this.net, groups);
        this.log(`Network partitioned: ${groups.map((g) => `{${g.join(', ')}}`).join(' | ')}`, {
          kind: 'partition',
          level: 'warn',
        });
        break;
      }
      case 'heal':
        heal(this.net);
        this.log('Network healed: every node can reach every other', { kind: 'heal' });
        break;
      case 'drop': {
        const id = input.id as number;
        const m = this.queue.entries().find((e) => e.seq === id && e.event.k === 'msg');
        if (m && m.event.k === 'msg') {
          this.queue.cancel(id);
          this.dropped++;
          this.log(
            `Dropped message #${id} (${m.event.payload.type} ${m.event.from} → ${m.event.to})`,
            {
              kind: 'drop',
              level: 'warn',
            },
          );
        }
        break;
      }
      default:
        this.model.onInput(this.state, input, this);
    }
    this.checkInvariants('input');
  }

  private applyParams(patch: Params): void {
    const previous = this.params;
    const merged = parseParams(this.model.meta, { ...previous, ...patch });
    if (!merged.ok) {
      this.log(`Ignored parameters: ${merged.errors.map(formatError).join('; ')}`, {
        level: 'error',
      });
      return;
    }
    this.params = merged.value;
    this.syncNetwork();
    const changes = Object.keys(patch)
      .filter((k) => previous[k] !== this.params[k])
      .map((k) => `${k} ${String(previous[k])} → ${String(this.params[k])}`);
    if (changes.length) this.log(`Parameters changed: ${changes.join(', ')}`, { kind: 'params' });
    if (this.model.onParams) {
      this.model.onParams(this.state, previous, this);
    } else {
      // A model without onParams starts over with the new params: the old state's timers and
      // messages go with it, or they would run against the new state (two tokens in pingpong).
      this.queue.clear();
      this.state = this.model.init(this);
    }
  }

  private syncNetwork(): void {
    for (const key of NETWORK_PARAMS) {
      const v = this.params[key];
      if (typeof v === 'number') this.net[key] = v;
    }
  }

  private hashEvent(event: unknown): void {
    this.trace = xxhash32(utf8(`${this.now}|${JSON.stringify(event)}`), this.trace);
  }

  private checkInvariants(when: 'event' | 'input'): void {
    if (!this.options.checkInvariants) return;
    const invariants = this.model.invariants;
    if (!invariants) return;
    for (let i = 0; i < invariants.length; i++) {
      const inv = invariants[i]!;
      if ((inv.when ?? 'event') === 'input' && when === 'event') continue;
      const detail = inv.check(this.state, this as Ctx<Params, unknown, unknown>);
      const status = this.status[i]!;
      if (detail === null) continue;
      if (status.ok) {
        status.ok = false;
        status.detail = detail;
        this.log(`Invariant broken: ${inv.label}. ${detail} (seed ${this.seed})`, {
          level: 'violation',
          kind: 'invariant',
        });
      }
      this.violation ??= {
        invariant: inv.id,
        detail,
        t: this.now,
        seed: this.seed,
        inputs: this.inputs.slice(0, this.cursor),
      };
    }
  }
}
