/**
 * Several versions of one pack id side by side (issue 12): a pack's identity is (id, version).
 * The case list and the practice use the newest version of each id; the older ones stay for the
 * refresher and `pack diff`. A case route names the pack as `<id>` (the newest version) or
 * `<id>@<version>` (that version), so a link and a saved attempt are never ambiguous.
 * See: https://semver.org/#spec-item-11 (precedence).
 */

/** Semver precedence (pre-release tags below the release; build metadata ignored). */
export function compareVersions(a: string, b: string): number {
  const split = (v: string) => {
    const [core = '', pre] = v.split('+')[0]!.split(/-(.*)/s);
    return { nums: core.split('.').map((n) => Number(n) || 0), pre };
  };
  const x = split(a);
  const y = split(b);
  for (let k = 0; k < 3; k++) {
    const d = (x.nums[k] ?? 0) - (y.nums[k] ?? 0);
    if (d) return d;
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  const px = x.pre.split('.');
  const py = y.pre.split('.');
  for (let k = 0; k < Math.max(px.length, py.length); k++) {
    const p = px[k];
    const q = py[k];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    const np = /^\d+$/.test(p);
    const nq = /^\d+$/.test(q);
    if (np && nq && Number(p) !== Number(q)) return Number(p) - Number(q);
    if (np !== nq) return np ? -1 : 1;
    if (p !== q) return p < q ? -1 : 1;
  }
  return 0;
}

interface Versioned {
  id: string;
  version: string;
}

/** The newest version of each pack id, in the order each id first appears. */
export function newestVersions<P extends Versioned>(packs: readonly P[]): P[] {
  const best = new Map<string, P>();
  for (const p of packs) {
    const b = best.get(p.id);
    if (!b || compareVersions(p.version, b.version) > 0) best.set(p.id, p);
  }
  const seen = new Set<string>();
  return packs.flatMap((p) => (seen.has(p.id) || !seen.add(p.id) ? [] : [best.get(p.id)!]));
}

/** Every version of each id, oldest first, by id (ids in the order they first appear). */
export function versionsById<P extends Versioned>(packs: readonly P[]): Map<string, P[]> {
  const m = new Map<string, P[]>();
  for (const p of packs) m.set(p.id, [...(m.get(p.id) ?? []), p]);
  for (const list of m.values()) list.sort((a, b) => compareVersions(a.version, b.version));
  return m;
}

/** `payer-rules` (the newest version) or `payer-rules@1.0.0` (that version). */
export function parsePackRef(ref: string): { id: string; version?: string } {
  const at = ref.indexOf('@');
  return at < 0 ? { id: ref } : { id: ref.slice(0, at), version: ref.slice(at + 1) };
}

export const packRef = (id: string, version?: string) => (version ? `${id}@${version}` : id);

/** The pack a route names: `<id>` → the newest version, `<id>@<version>` → exactly that one. */
export function findPack<P extends Versioned>(packs: readonly P[], ref: string): P | undefined {
  const { id, version } = parsePackRef(ref);
  if (version !== undefined) return packs.find((p) => p.id === id && p.version === version);
  return newestVersions(packs.filter((p) => p.id === id))[0];
}
