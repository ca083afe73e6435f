/**
 * One read of the MPFS bundle per process (Node): the payer service decodes its tables and the
 * catalog takes its PFS code list from the same file. Whoever reads the bundle first leaves the
 * code list here, so the other does not gunzip and parse it again (issue 15: `simulate` start-up).
 * A list is only reused while the file is the one it was read from (same size and mtime).
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { pfsCodeList, type PfsCodeList } from './codes';

const lists = new Map<string, { stamp: string; list: PfsCodeList | null }>();

function stamp(file: string): string | null {
  try {
    const s = statSync(file);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return null;
  }
}

/** Reads and parses the bundle's JSON (throws as readFileSync/gunzip/JSON.parse do). */
export function readMpfsJson(file: string): unknown {
  const path = resolve(file);
  const before = stamp(path);
  const raw: unknown = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8'));
  if (before !== null) lists.set(path, { stamp: before, list: pfsCodeList(raw) });
  return raw;
}

/**
 * The PFS code list of the bundle at `file`: the one a read in this process left (the payer
 * service's, usually) while the file is unchanged, else `read()`'s, remembered for later callers.
 */
export function pfsCodeListFor(file: string, read: () => PfsCodeList | null): PfsCodeList | null {
  const cached = pfsCodeListOf(file);
  if (cached !== undefined) return cached;
  const path = resolve(file);
  const at = stamp(path);
  const list = read();
  if (at !== null) lists.set(path, { stamp: at, list });
  return list;
}

/**
 * The PFS code list of the bundle at `file` when it was already read in this process and has not
 * changed since; undefined when it must be read.
 */
export function pfsCodeListOf(file: string): PfsCodeList | null | undefined {
  const path = resolve(file);
  const hit = lists.get(path);
  if (!hit) return undefined;
  return hit.stamp === stamp(path) ? hit.list : undefined;
}
