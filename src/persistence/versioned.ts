/**
 * Versioned records: every stored record carries `format`; older formats are brought up to
 * date by a numbered, gap-free list of migrations (1→2, 2→3, …) and then validated with zod.
 * A record that cannot be read is reported with the path of the first problems, never
 * silently dropped (see progress-store.ts, which keeps it aside).
 * See: STYLE.md (tldraw: each persisted record type has its validator and numbered migrations).
 */
import type { z } from 'zod';
import type { Result, Problem } from '../domain/result';

export interface Migration {
  /** The format this migration reads; it returns a record of format `from + 1`. */
  from: number;
  up(record: Record<string, unknown>): Record<string, unknown>;
}

export interface RecordType<T> {
  kind: string;
  /** The format written today: always `migrations.length + 1`. */
  format: number;
  migrations: readonly Migration[];
  schema: z.ZodType<T>;
}

/** Throws at start-up (a programming error) when the migration list has a gap or a wrong count. */
export function checkMigrations<T>(t: RecordType<T>): void {
  t.migrations.forEach((m, i) => {
    if (m.from !== i + 1)
      throw new Error(`${t.kind}: migration ${i} reads format ${m.from}, expected ${i + 1}`);
  });
  if (t.format !== t.migrations.length + 1)
    throw new Error(
      `${t.kind}: format ${t.format} needs ${t.format - 1} migrations, found ${t.migrations.length}`,
    );
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function readRecord<T>(t: RecordType<T>, raw: unknown): Result<T> {
  if (!isObj(raw))
    return { ok: false, errors: [{ path: '$', message: 'the record is not an object' }] };
  const format = raw.format;
  if (typeof format !== 'number' || !Number.isInteger(format) || format < 1)
    return { ok: false, errors: [{ path: 'format', message: 'missing or not a whole number' }] };
  if (format > t.format)
    return {
      ok: false,
      errors: [
        {
          path: 'format',
          message: `format ${format} was written by a newer ClaimLab (this one reads up to ${t.format})`,
        },
      ],
    };
  let rec: Record<string, unknown> = raw;
  for (const m of t.migrations.slice(format - 1)) {
    try {
      rec = { ...m.up(rec), format: m.from + 1 };
    } catch (e) {
      return {
        ok: false,
        errors: [
          { path: 'format', message: `migration from format ${m.from} failed: ${String(e)}` },
        ],
      };
    }
  }
  const parsed = t.schema.safeParse(rec);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Problem[] = parsed.error.issues.map((i) => ({
    path: pathText(i.path),
    message: i.message,
  }));
  return { ok: false, errors };
}

export function pathText(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s || '$';
}
