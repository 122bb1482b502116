/**
 * Scenarios compared by value: an element rebuilds its scenario from the attributes on every
 * attribute change, and only a different value may restart the reader's run.
 */

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` read the same. */
export function stableJson(v: unknown): string {
  return JSON.stringify(v, (_key, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : x,
  );
}

export const sameScenario = (a: unknown, b: unknown): boolean =>
  a === b || (a != null && b != null && stableJson(a) === stableJson(b));
