/**
 * A strict JSON parser (what JSON.parse accepts) that keeps where every value is, so an error on
 * `params.nodes` or `inputs.2.at` can be shown on that exact span of the text, and a syntax error
 * at its character.
 */

export interface Span {
  start: number;
  end: number;
}

export type JsonNode =
  | (Span & { kind: 'object'; props: { key: string; keySpan: Span; value: JsonNode }[] })
  | (Span & { kind: 'array'; items: JsonNode[] })
  | (Span & { kind: 'value' });

export type Located =
  { ok: true; value: unknown; root: JsonNode } | { ok: false; offset: number; message: string };

class Fail extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// A string token: no raw control characters, only JSON's escapes.
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON forbids
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

export function locateJson(text: string): Located {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const describeAt = (at: number) =>
    at >= text.length ? 'the end of the text' : `${JSON.stringify(text[at])}`;
  const expect = (what: string): never => {
    throw new Fail(i, `expected ${what}, found ${describeAt(i)}`);
  };
  const string = (): { value: string; span: Span } => {
    STRING.lastIndex = i;
    const m = STRING.exec(text);
    if (!m) {
      if (text[i] !== '"') expect('a string');
      throw new Fail(i, 'this string is not valid JSON (unclosed, or a bad escape or character)');
    }
    const span = { start: i, end: i + m[0].length };
    i = span.end;
    return { value: JSON.parse(m[0]) as string, span };
  };
  const value = (): JsonNode => {
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      const props: { key: string; keySpan: Span; value: JsonNode }[] = [];
      ws();
      if (text[i] === '}') return { kind: 'object', start, end: ++i, props };
      for (;;) {
        ws();
        const key = string();
        ws();
        if (text[i] !== ':') expect('":"');
        i++;
        props.push({ key: key.value, keySpan: key.span, value: value() });
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') return { kind: 'object', start, end: ++i, props };
        expect('"," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const items: JsonNode[] = [];
      ws();
      if (text[i] === ']') return { kind: 'array', start, end: ++i, items };
      for (;;) {
        items.push(value());
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') return { kind: 'array', start, end: ++i, items };
        expect('"," or "]"');
      }
    }
    if (c === '"') return { kind: 'value', ...string().span };
    for (const word of ['true', 'false', 'null'])
      if (text.startsWith(word, i)) {
        i += word.length;
        return { kind: 'value', start, end: i };
      }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m) {
      i += m[0].length;
      return { kind: 'value', start, end: i };
    }
    return expect('a value');
  };
  try {
    const root = value();
    ws();
    if (i < text.length) throw new Fail(i, `unexpected ${describeAt(i)} after the end of the JSON`);
    return { ok: true, value: JSON.parse(text) as unknown, root };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, offset: e.offset, message: e.message };
    return { ok: false, offset: 0, message: String(e) };
  }
}

/** The last property named `key` (JSON.parse keeps the last of duplicates). */
const propOf = (node: JsonNode, key: string) =>
  node.kind === 'object' ? node.props.findLast((p) => p.key === key) : undefined;

/**
 * Where an error path points: `params.nodes` gives the value of `nodes` inside `params`;
 * `(root)` the whole document. A path into something missing gives its nearest existing parent,
 * and `key` tells whether that is the exact place.
 */
export function locatePath(root: JsonNode, path: string): { span: Span; exact: boolean } {
  if (path === '(root)' || path === '') return { span: root, exact: true };
  let node = root;
  let span: Span = root;
  for (const seg of path.split('.')) {
    if (node.kind === 'array' && /^\d+$/.test(seg) && node.items[Number(seg)]) {
      node = node.items[Number(seg)]!;
      span = node;
      continue;
    }
    const prop = propOf(node, seg);
    if (!prop) return { span: 'props' in node ? keyOrWhole(node) : span, exact: false };
    node = prop.value;
    span = node;
  }
  return { span, exact: true };
}

/** An object's first line is a better place for "missing field" than its whole extent. */
const keyOrWhole = (node: JsonNode): Span => ({ start: node.start, end: node.start + 1 });

/**
 * The spans an error should be drawn on: for "unknown field "x"" errors, the keys named in the
 * message; otherwise the value at its path.
 */
export function errorSpans(root: JsonNode, path: string, message: string): Span[] {
  const at = locatePath(root, path);
  if (/^unknown fields? /.test(message) && at.exact) {
    let node: JsonNode = root;
    if (path !== '(root)' && path !== '')
      for (const seg of path.split('.'))
        node =
          node.kind === 'array' ? node.items[Number(seg)]! : (propOf(node, seg)?.value ?? node);
    const names = [...message.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
    if (node.kind === 'object') {
      const keys = node.props.filter((p) => names.includes(p.key)).map((p) => p.keySpan);
      if (keys.length) return keys;
    }
  }
  return [at.span];
}
