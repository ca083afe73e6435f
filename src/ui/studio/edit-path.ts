/** Immutable edits of plain JSON by path (the form editor writes one field at a time). */
export type Path = readonly (string | number)[];

export function getPath(v: unknown, path: Path): unknown {
  let cur = v;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Object.hasOwn(cur, k) ? (cur as Record<string | number, unknown>)[k] : undefined;
  }
  return cur;
}

/** `v` with `value` at `path` (objects and arrays copied along the path; undefined removes a key). */
export function setPath(v: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [k, ...rest] = path as [string | number, ...(string | number)[]];
  const here = getPath(v, [k]);
  const child = setPath(here, rest, value);
  if (typeof k === 'number') {
    const arr = Array.isArray(v) ? [...(v as unknown[])] : [];
    arr[k] = child;
    return arr;
  }
  const obj: Record<string, unknown> =
    v && typeof v === 'object' && !Array.isArray(v) ? { ...v } : {};
  if (child === undefined) delete obj[k];
  else
    Object.defineProperty(obj, k, {
      value: child,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return obj;
}

/** "a, b ,c" → ["a","b","c"]; "" → []. */
export const splitList = (s: string, sep: RegExp = /\s*,\s*/) =>
  s.trim() === ''
    ? []
    : s
        .split(sep)
        .map((x) => x.trim())
        .filter(Boolean);
