/**
 * The expert audit's records, every round: `claims.jsonl`, then `claims-2.jsonl`,
 * `claims-3.jsonl`... in round order. A new round's file is read by every test that uses this
 * (the audit itself, and the check/adjudicate and app-scrub/check agreement tests).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const HERE = import.meta.dirname;

/** The round files, in order (claims.jsonl is round 1). */
export function expertFiles(): string[] {
  const round = (f: string) => Number(/^claims-(\d+)\.jsonl$/.exec(f)?.[1] ?? 1);
  return readdirSync(HERE)
    .filter((f) => /^claims(-\d+)?\.jsonl$/.test(f))
    .sort((a, b) => round(a) - round(b));
}

/** Every record of every round, one per non-blank line. */
export function expertRecords<T>(): T[] {
  return expertFiles().flatMap((f) =>
    readFileSync(join(HERE, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as T),
  );
}
