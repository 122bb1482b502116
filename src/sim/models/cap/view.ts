/**
 * The frame a view draws: the cluster (replicas with their versions and partition side, clients
 * with their home and pending op), the recent history, the checker's verdict with the ops to
 * highlight, and availability over time. Plain data; the full bounded history travels as the
 * heavy field `history`.
 */
import type { Ctx, ModelFrame } from '../../core/types';
import { BUCKET_MS, clientName, keyName } from './clients';
import { majority, preferenceList } from './coordinator';
import type { HistoryEntry } from './history';
import type { ReadValue } from './linearizability';
import type { Witness } from './monitor';
import { divergedKeys, readCell } from './store';
import type { Bucket, CapMsg, CapParams, CapState, CapTimer, Conflict, Mode, Ver } from './types';

export interface CapView {
  mode: Mode;
  conflict: Conflict;
  /** Partition groups as given (node ids), or null when the network is whole. */
  partition: number[][] | null;
  /** cp: the majority size; quorum: N, R, W and each key's replicas. */
  quorum: {
    majority: number;
    N: number;
    R: number;
    W: number;
    readRepair: boolean;
    prefs: number[][];
  };
  keys: string[];
  replicas: {
    id: number;
    label: string;
    /** Index of its partition group (-1: named in no group), 0 when whole. */
    side: number;
    /** Per key: the versions held (several = siblings) and what a local read returns. */
    values: { versions: Ver[]; read: ReadValue }[];
    /** Ops it is coordinating right now. */
    coordinating: {
      op: number;
      client: number;
      f: 'read' | 'write';
      key: number;
      phase: string;
      heard: number;
      need: number;
    }[];
  }[];
  clients: {
    id: number;
    label: string;
    node: number;
    home: number;
    side: number;
    canReachHome: boolean;
    pending: {
      f: 'read' | 'write';
      key: number;
      value: number | null;
      sinceMs: number;
      index: number;
    } | null;
    last: CapState['clients'][number]['last'];
  }[];
  /** The latest history entries (oldest first); `historyTotal` counts all. */
  history: HistoryEntry[];
  historyTotal: number;
  verdict: {
    linearizable: boolean;
    /** Per key: ok, violated, or unknown (the search gave up). */
    keys: ('ok' | 'violated' | 'unknown')[];
    violations: number;
    /** The latest witnesses, oldest first; `id` and `related` are history indices of invokes. */
    witnesses: Witness[];
    /** Invoke indices to highlight: the latest witness's op and the ops its sentence names. */
    highlight: number[];
    sentence: string | null;
  };
  totals: CapState['totals'] & { availability: number };
  /** Completed ops per second of virtual time (the last 120 buckets). */
  timeline: { bucketMs: number; buckets: Bucket[] };
  /** Keys whose replicas hold different versions. */
  diverged: number[];
  /** The random client workload is running. */
  workload: boolean;
}

const RECENT_HISTORY = 200;
/**
 * The whole history travels as a heavy field in chunks: it is resent when this many entries were
 * added (or the cluster was rebuilt), not on every op. The newest entries are in `history`, which
 * is longer than a chunk, so a view that joins the two never has a gap.
 */
const HEAVY_CHUNK = 100;

function sideOf(groups: number[][] | null, node: number): number {
  if (!groups) return 0;
  return groups.findIndex((g) => g.includes(node));
}

export function buildView(s: CapState, ctx: Ctx<CapParams, CapTimer, CapMsg>): ModelFrame<CapView> {
  const p = ctx.params;
  const groups = ctx.net.groups;
  const siblings = p.mode === 'ap' && p.conflict === 'vv';
  const keys = s.replicas[0]?.data.length ?? 0;
  const witnesses = s.monitor.witnesses;
  const latest = witnesses[witnesses.length - 1] ?? null;
  const { ok, fail, info } = s.totals;
  const done = ok + fail + info;
  const view: CapView = {
    mode: p.mode,
    conflict: p.conflict,
    partition: groups ? groups.map((g) => [...g]) : null,
    quorum: {
      majority: majority(p.replicas),
      N: p.N,
      R: p.R,
      W: p.W,
      readRepair: p.readRepair,
      prefs: Array.from({ length: keys }, (_, k) => preferenceList(k, p)),
    },
    keys: Array.from({ length: keys }, (_, k) => keyName(k)),
    replicas: s.replicas.map((r) => ({
      id: r.id,
      label: `S${r.id}`,
      side: sideOf(groups, r.id),
      values: r.data.map((cell) => ({ versions: cell.slice(), read: readCell(cell, siblings) })),
      coordinating: Object.values(r.coords).map((c) => ({
        op: c.op,
        client: c.client,
        f: c.f,
        key: c.key,
        phase: c.phase,
        heard: c.heard.length,
        need: c.need,
      })),
    })),
    clients: s.clients.map((c) => ({
      id: c.id,
      label: clientName(c.id),
      node: c.node,
      home: c.home,
      side: sideOf(groups, c.node),
      canReachHome: !groups || sideOf(groups, c.node) === sideOf(groups, c.home),
      pending: c.pending && {
        f: c.pending.f,
        key: c.pending.key,
        value: c.pending.value,
        sinceMs: c.pending.sinceMs,
        index: c.pending.index,
      },
      last: c.last,
    })),
    history: s.history.slice(-RECENT_HISTORY),
    historyTotal: s.historyTotal,
    verdict: {
      linearizable: Object.values(s.monitor.keys).every((k) => k.status === 'ok'),
      keys: Array.from({ length: keys }, (_, k) => s.monitor.keys[k]?.status ?? 'ok'),
      violations: s.monitor.violations,
      witnesses: witnesses.slice(),
      highlight: latest ? [latest.id, ...latest.related] : [],
      sentence: latest?.sentence ?? null,
    },
    totals: { ...s.totals, availability: done ? ok / done : 1 },
    timeline: { bucketMs: BUCKET_MS, buckets: s.buckets.slice(-120) },
    diverged: divergedKeys(s.replicas),
    workload: s.workload,
  };
  const version = s.epoch * 1_000_000 + Math.floor(s.historyTotal / HEAVY_CHUNK);
  return { view, heavy: { history: { version, get: () => s.history.slice() } } };
}
