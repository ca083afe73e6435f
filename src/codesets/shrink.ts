/**
 * The shrink guard shared by `codesets build` (Node) and the browser import (Settings → Code
 * sets): a rebuilt or re-imported bundle that holds more than SHRINK_LIMIT fewer codes than the
 * one it replaces looks truncated, and is refused unless the user says the new release really is
 * smaller (`--allow-shrink` on the command line, a checkbox in the browser). No Node imports.
 */
import type { Problem } from '../domain/result';
import type { ManifestEntry } from './manifest';

/** A rebuilt bundle may hold this share fewer codes than the one it replaces without consent. */
export const SHRINK_LIMIT = 0.02;

const fmt = (n: number) => n.toLocaleString('en-US');

/** The number of codes (or rows) a manifest entry holds, to compare a rebuild with. */
export function entrySize(e: ManifestEntry): number {
  if (e.kind === 'icd10cm') return e.counts.codes;
  if (e.kind === 'hcpcs') return e.counts.procedures + e.counts.modifiers;
  if (e.kind === 'pos') return e.counts.codes;
  return Object.values(e.counts).reduce((a, b) => a + b, 0);
}

export const entryLabel = (e: ManifestEntry): string =>
  e.kind === 'icd10cm'
    ? `ICD-10-CM ${e.id}`
    : e.kind === 'hcpcs'
      ? `HCPCS ${e.id}`
      : e.kind === 'pos'
        ? 'place of service'
        : 'MCE';

/** Whether two entries hold the same release (POS and MCE have one slot each). */
export function sameRelease(a: ManifestEntry, b: ManifestEntry): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind === 'pos' || a.kind === 'mce' || a.id === b.id;
}

/**
 * A problem when `after` is more than SHRINK_LIMIT below `before`; `allow` says how to accept
 * it (the flag or the checkbox).
 */
export function shrunk(
  what: string,
  before: number,
  after: number,
  where: string,
  allow: string,
): Problem | null {
  if (before <= 0 || after >= before * (1 - SHRINK_LIMIT)) return null;
  const pct = (((before - after) / before) * 100).toFixed(1);
  return {
    path: where,
    message: `${what} would go from ${fmt(before)} to ${fmt(after)} (−${pct}%) compared with the release it replaces: the file looks truncated; ${allow}`,
  };
}

/** Each entry of `next` that shrank against the release it replaces in `old`. */
export function shrunkEntries(
  old: readonly ManifestEntry[],
  next: readonly ManifestEntry[],
  allow: string,
): Problem[] {
  const problems: Problem[] = [];
  for (const n of next) {
    const e = old.find((o) => sameRelease(o, n));
    if (!e) continue;
    const p = shrunk(entryLabel(n), entrySize(e), entrySize(n), n.sources[0] ?? n.file, allow);
    if (p) problems.push(p);
  }
  return problems;
}
