/**
 * Reading a history file: Jepsen's EDN operations (`{:type :invoke, :f :write, :value 3,
 * :process 0}`, with :cas [old new] and :append), Porcupine's logs (its Jepsen etcd log lines
 * `INFO  jepsen.util - 3\t:invoke\t:cas\t[4 4]`, and its key-value EDN with :get/:put/:append on
 * string keys), and JSON in the CAP model's own history format. One pass over the lines (linear
 * time); a bad line gets a message naming the line and the field.
 */
import { jsonTextProblem } from '../../../core/jsonText';
import type { OpKind, Value } from '../linearizability';

export type Format = 'jepsen-edn' | 'porcupine-etcd' | 'porcupine-kv' | 'json';

export interface LoadedOp {
  /** Position of its invoke among the history's events (the id witnesses use). */
  id: number;
  process: number;
  f: OpKind;
  key: string;
  /** write/append: the value; cas: [expected, new]; read: what it returned (null if none). */
  value: Value;
  type: 'ok' | 'fail' | 'info' | 'pending';
  /** Event positions; ret is Infinity while the outcome is unknown. */
  call: number;
  ret: number;
  /** Porcupine's etcd reading: a failed cas found another value (a check, not a no-op). */
  casMissed?: boolean;
  line: number;
}

export interface LoadedHistory {
  format: Format;
  ops: LoadedOp[];
  events: number;
  /** The register's contents before the first op (Porcupine's key-value store starts empty: ""). */
  initial: Value;
}

export class HistoryError extends Error {}

interface Event {
  type: 'invoke' | 'ok' | 'fail' | 'info';
  f: string;
  key: string;
  value: Value | undefined;
  process: number;
  line: number;
}

const F: Record<string, OpKind> = {
  read: 'read',
  get: 'read',
  write: 'write',
  put: 'write',
  cas: 'cas',
  'compare-and-set': 'cas',
  append: 'append',
};

/** Reads one EDN value from `s` at `i`: nil, numbers, strings, keywords, vectors, maps. */
function ednValue(s: string, at: { i: number }, line: number): unknown {
  const ws = () => {
    while (at.i < s.length && /[\s,]/.test(s[at.i]!)) at.i++;
  };
  ws();
  const c = s[at.i];
  if (c === undefined) throw new HistoryError(`line ${line}: the map ends early`);
  if (c === '"') {
    let out = '';
    at.i++;
    while (at.i < s.length && s[at.i] !== '"') {
      if (s[at.i] === '\\') at.i++;
      out += s[at.i++];
    }
    if (s[at.i] !== '"') throw new HistoryError(`line ${line}: a string is not closed`);
    at.i++;
    return out;
  }
  if (c === '[' || c === '(' || c === '{') {
    const close = c === '[' ? ']' : c === '(' ? ')' : '}';
    at.i++;
    const items: unknown[] = [];
    for (;;) {
      ws();
      if (s[at.i] === close) {
        at.i++;
        break;
      }
      if (at.i >= s.length) throw new HistoryError(`line ${line}: "${c}" is not closed`);
      items.push(ednValue(s, at, line));
    }
    if (c !== '{') return items;
    const map = new Map<string, unknown>();
    for (let j = 0; j + 1 < items.length; j += 2) map.set(String(items[j]), items[j + 1]);
    return map;
  }
  const m = /^[^\s,\])}]+/.exec(s.slice(at.i));
  const tok = m![0];
  at.i += tok.length;
  if (tok === 'nil') return null;
  if (/^-?\d+(\.\d+)?$/.test(tok)) return Number(tok);
  return tok; // keywords keep their colon: ":invoke"
}

function toValue(v: unknown, line: number, field: string): Value {
  if (v === null || typeof v === 'number') return v;
  if (typeof v === 'string') return v.startsWith(':') ? v : v;
  if (Array.isArray(v)) return v.map((x) => toValue(x, line, field) as number);
  throw new HistoryError(`line ${line}: ${field} is not a value`);
}

function keyword(v: unknown, line: number, field: string, allowed: readonly string[]): string {
  const k = typeof v === 'string' && v.startsWith(':') ? v.slice(1) : undefined;
  if (k === undefined || !allowed.includes(k))
    throw new HistoryError(
      `line ${line}: ${field} is ${v === undefined ? 'missing' : String(v)}; expected one of ${allowed.map((a) => ':' + a).join(', ')}`,
    );
  return k;
}

const TYPES = ['invoke', 'ok', 'fail', 'info'] as const;

function ednEvent(text: string, line: number): Event | null {
  const map = ednValue(text, { i: 0 }, line);
  if (!(map instanceof Map)) throw new HistoryError(`line ${line}: expected a map {:type ...}`);
  const proc = map.get(':process');
  if (proc === ':nemesis') return null;
  if (typeof proc !== 'number' || !Number.isInteger(proc))
    throw new HistoryError(`line ${line}: :process must be an integer, not ${String(proc)}`);
  const type = keyword(map.get(':type'), line, ':type', TYPES) as Event['type'];
  const f = keyword(map.get(':f'), line, ':f', Object.keys(F));
  const key = map.has(':key') ? String(map.get(':key')) : '';
  const raw = map.get(':value');
  return {
    type,
    f,
    key,
    value: raw === undefined ? undefined : toValue(raw, line, ':value'),
    process: proc,
    line,
  };
}

const ETCD = /^\S+\s+jepsen\.util\s+-\s+(\d+|:nemesis)\t:(\w+)\t:([\w-]+)\t(.*)$/;

function etcdEvent(text: string, line: number): Event | null {
  const m = ETCD.exec(text);
  if (!m)
    throw new HistoryError(
      `line ${line}: not a Jepsen log line ("INFO  jepsen.util - 3\\t:invoke\\t:read\\tnil")`,
    );
  if (m[1] === ':nemesis') return null;
  const type = keyword(':' + m[2], line, 'the type', TYPES) as Event['type'];
  const f = keyword(':' + m[3], line, 'the function', Object.keys(F));
  const raw = m[4]!.trim();
  const value = raw.startsWith(':')
    ? undefined
    : toValue(ednValue(raw, { i: 0 }, line), line, 'the value');
  return { type, f, key: '', value, process: Number(m[1]), line };
}

function jsonEvents(text: string): Event[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new HistoryError(`JSON: ${(e as Error).message}`);
  }
  const list = Array.isArray(data) ? data : (data as { history?: unknown })?.history;
  if (!Array.isArray(list))
    throw new HistoryError('JSON: expected an array of history entries (or {"history": [...]})');
  return list.map((e: Record<string, unknown>, i) => {
    const at = `entry ${i}`;
    if (typeof e !== 'object' || e === null) throw new HistoryError(`${at}: not an object`);
    if (!TYPES.includes(e.type as never))
      throw new HistoryError(`${at}: type must be invoke, ok, fail or info`);
    if (typeof e.f !== 'string' || !(e.f in F))
      throw new HistoryError(`${at}: f must be read, write, cas or append`);
    if (typeof e.process !== 'number' || !Number.isInteger(e.process))
      throw new HistoryError(`${at}: process must be an integer`);
    return {
      type: e.type as Event['type'],
      f: e.f,
      key: e.key === undefined ? '' : String(e.key),
      value: e.value === undefined ? undefined : toValue(e.value, i, `${at}.value`),
      process: e.process,
      line: i,
    };
  });
}

/** Which format `text` is in, from its first meaningful line. */
export function detectFormat(text: string): Format {
  const first = text.split('\n').find((l) => l.trim()) ?? '';
  const start = text.trimStart();
  if (start.startsWith('[') || /^\{\s*"/.test(start)) return 'json';
  if (ETCD.test(first)) return 'porcupine-etcd';
  if (
    first.includes(':f :get') ||
    first.includes(':f :put') ||
    (first.includes(':key "') && first.includes(':f :append'))
  )
    return 'porcupine-kv';
  return 'jepsen-edn';
}

/** Parses a history file; throws HistoryError naming the line and field on bad input. */
export function parseHistory(text: string, format?: Format): LoadedHistory {
  // The scenario's size and nesting limits, checked in one linear pass before any line is read
  // (the EDN and JSON readers recurse per level). EDN strings and vectors nest as JSON's do.
  const tooBig = jsonTextProblem(text);
  if (tooBig) throw new HistoryError(`the history ${tooBig}`);
  return parseWithin(text, format ?? detectFormat(text));
}

function parseWithin(text: string, format: Format): LoadedHistory {
  let events: Event[] = [];
  if (format === 'json') events = jsonEvents(text);
  else {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const t = lines[i]!.trim();
      if (!t || t.startsWith(';')) continue;
      const e =
        format === 'porcupine-etcd'
          ? etcdEvent(lines[i]!, i + 1)
          : ednEvent(t.replace(/^\[|\]$/g, ''), i + 1);
      if (e) events.push(e);
    }
  }
  if (events.length === 0) throw new HistoryError('the history has no operations');
  return {
    format,
    ops: pair(events, format),
    events: events.length,
    initial: format === 'porcupine-kv' ? '' : null,
  };
}

function pair(events: readonly Event[], format: Format): LoadedOp[] {
  const open = new Map<number, LoadedOp>();
  const ops: LoadedOp[] = [];
  events.forEach((e, pos) => {
    const f = F[e.f]!;
    if (e.type === 'invoke') {
      const prev = open.get(e.process);
      if (prev)
        throw new HistoryError(
          `line ${e.line}: process ${e.process} invokes again while its op from line ${prev.line} is still open`,
        );
      if (f === 'cas' && !(Array.isArray(e.value) && e.value.length === 2))
        throw new HistoryError(`line ${e.line}: a cas value must be [expected new]`);
      if ((f === 'write' || f === 'append') && e.value === undefined)
        throw new HistoryError(`line ${e.line}: a ${e.f} needs a value`);
      const op: LoadedOp = {
        id: pos,
        process: e.process,
        f,
        key: e.key,
        value: f === 'read' ? null : e.value!,
        type: 'pending',
        call: pos,
        ret: Infinity,
        line: e.line,
      };
      open.set(e.process, op);
      ops.push(op);
      return;
    }
    const op = open.get(e.process);
    if (!op)
      throw new HistoryError(
        `line ${e.line}: process ${e.process} completes an op it never invoked`,
      );
    if (op.f !== f)
      throw new HistoryError(
        `line ${e.line}: process ${e.process} completes a ${e.f}, but invoked a ${op.f} on line ${op.line}`,
      );
    open.delete(e.process);
    op.type = e.type;
    if (e.type === 'ok') {
      op.ret = pos;
      if (f === 'read') op.value = e.value ?? null;
    } else if (e.type === 'fail' && f === 'cas' && format === 'porcupine-etcd') {
      op.ret = pos;
      op.casMissed = true;
    }
  });
  return ops;
}
