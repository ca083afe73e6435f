/**
 * `{ ...base, ...extra }`, built key by key. In Node 20's V8 an object literal that spreads one
 * object and then adds properties gets a hidden class (map) of its own every time: a machine
 * context made that way costs ~12 µs to create, and every later read or copy of it (XState's
 * `assign` copies the context on each update) meets a new shape. Copied key by key from `{}`,
 * every context of a machine shares one chain of maps. Same keys, order and values as the spread
 * (own enumerable string keys; a key of `extra` already in `base` keeps its place).
 * See: bench/simulate.bench.ts (issue 15: 10,000 claim machines in a run).
 */
export function extend<A extends object, B extends object>(
  base: A,
  extra: B,
): Omit<A, keyof B> & B {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(base)) out[k] = (base as Record<string, unknown>)[k];
  for (const k of Object.keys(extra)) out[k] = (extra as Record<string, unknown>)[k];
  return out as Omit<A, keyof B> & B;
}
