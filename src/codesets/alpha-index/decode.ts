/**
 * Alphabetic Index bundles as data: the checks on a decoded bundle and the choice of parts for a
 * release year. Pure (no node:*), so the CLI (bundle.ts) and the code-set worker share them.
 */
import { z } from 'zod';
import type { Result } from '../../domain/result';
import type { IndexPart, IndexPartKind } from './types';

export const ALPHA_INDEX_FORMAT = 1;

// Bundles are our own output, but they are read back from disk (or IndexedDB): check the shape.
const TermSchema: z.ZodType<unknown> = z.lazy(() =>
  z.object({
    title: z.string(),
    nemod: z.string().optional(),
    code: z.string().optional(),
    manif: z.string().optional(),
    see: z.string().optional(),
    seeAlso: z.string().optional(),
    seeCategory: z.string().optional(),
    subcategory: z.string().optional(),
    cells: z.array(z.string().nullable()).optional(),
    children: z.array(TermSchema).optional(),
  }),
);
const BundleSchema = z.object({
  format: z.literal(ALPHA_INDEX_FORMAT),
  year: z.number().int(),
  parts: z.array(
    z.object({
      kind: z.enum(['index', 'eindex', 'drug', 'neoplasm']),
      version: z.string(),
      source: z.string(),
      headings: z.array(z.string()).optional(),
      terms: z.array(z.unknown()),
      warnings: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  ),
});

/**
 * Reads a bundle's JSON text. The envelope is validated with zod; the term trees are checked on
 * a sample (the first 50 main terms of each part) to keep loading fast.
 */
export function decodeAlphabeticIndexJson(
  text: string,
  name: string,
): Result<{ year: number; parts: IndexPart[] }> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      errors: [{ path: name, message: `not a JSON bundle: ${(e as Error).message}` }],
    };
  }
  const r = BundleSchema.safeParse(json);
  if (!r.success)
    return {
      ok: false,
      errors: r.error.issues
        .slice(0, 10)
        .map((i) => ({ path: `${name}:${i.path.join('.')}`, message: i.message })),
    };
  for (const [pi, p] of r.data.parts.entries()) {
    const s = z.array(TermSchema).safeParse(p.terms.slice(0, 50));
    if (!s.success) {
      const i = s.error.issues[0]!;
      return {
        ok: false,
        errors: [{ path: `${name}:parts.${pi}.terms.${i.path.join('.')}`, message: i.message }],
      };
    }
  }
  return { ok: true, value: r.data as { year: number; parts: IndexPart[] } };
}

/**
 * For a release year, the newest part of each kind published no later than it: FY2026 search uses
 * the FY2017 main index, and the FY2025 Drug and Neoplasm tables.
 */
export function pickIndexParts(
  bundles: { year: number; parts: IndexPart[] }[],
  releaseYear: number,
): IndexPart[] {
  const best = new Map<IndexPartKind, { year: number; part: IndexPart }>();
  for (const b of bundles)
    for (const p of b.parts) {
      if (b.year > releaseYear) continue;
      const cur = best.get(p.kind);
      if (!cur || b.year > cur.year) best.set(p.kind, { year: b.year, part: p });
    }
  return [...best.values()].map((v) => v.part);
}
