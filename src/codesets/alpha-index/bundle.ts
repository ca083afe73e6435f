/**
 * Alphabetic Index bundles: finds the index XML files under a reference folder (any year: the
 * year is read from the file name, nothing is hard-wired), parses them, and writes one gzip JSON
 * bundle per year into the git-ignored build folder (index-FY2017.json.gz, index-FY2025.json.gz…).
 * Writes go to a temporary file renamed into place, so a failed build leaves the previous bundle
 * intact. Can be run on its own:
 *   npx tsx src/codesets/alpha-index/bundle.ts [../shared/reference] [codesets/build]
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import type { Problem, Result } from '../../domain/result';
import { countIndex, parseIndexXml } from './parse';
import type { IndexCounts, IndexPart, IndexPartKind } from './types';

export const ALPHA_INDEX_FORMAT = 1;

/** File names as CDC publishes them: icd10cm_index_2017.xml, icd-10-cm-drug-2025.xml, icd10cm_neoplasm_2021.xml… */
const FILE_RE = /^icd-?10-?cm[_-](index|eindex|drug|neoplasm)[_-](\d{4})\.xml$/i;

export interface AlphaIndexFile {
  path: string;
  kind: IndexPartKind;
  year: number;
}

export interface AlphaIndexSummary {
  bundles: {
    file: string;
    year: number;
    bytes: number;
    parts: { kind: IndexPartKind; source: string; counts: IndexCounts; warnings: number }[];
  }[];
  errors: Problem[];
}

export async function findIndexFiles(refDir: string): Promise<AlphaIndexFile[]> {
  const out: AlphaIndexFile[] = [];
  const walk = async (dir: string, depth: number) => {
    let names: import('node:fs').Dirent[];
    try {
      names = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const d of names) {
      const p = join(dir, d.name);
      if (d.isDirectory() && depth < 3) await walk(p, depth + 1);
      const m = FILE_RE.exec(d.name);
      if (d.isFile() && m)
        out.push({ path: p, kind: m[1]!.toLowerCase() as IndexPartKind, year: Number(m[2]) });
    }
  };
  await walk(refDir, 0);
  return out.sort((a, b) => a.year - b.year || a.kind.localeCompare(b.kind));
}

export async function buildAlphabeticIndexBundle(
  refDir: string,
  outDir: string,
  log: (line: string) => void = () => {},
): Promise<AlphaIndexSummary> {
  const files = await findIndexFiles(refDir);
  const summary: AlphaIndexSummary = { bundles: [], errors: [] };
  if (!files.length) {
    summary.errors.push({
      path: refDir,
      message: 'no Alphabetic Index XML files (icd10cm_index_YYYY.xml, …drug…, …neoplasm…) found',
    });
    return summary;
  }
  await mkdir(outDir, { recursive: true });
  const years = [...new Set(files.map((f) => f.year))];
  for (const year of years) {
    const parts: IndexPart[] = [];
    let failed = false;
    for (const f of files.filter((x) => x.year === year)) {
      const r = parseIndexXml(await readFile(f.path, 'utf8'), f.path);
      if (!r.ok) {
        summary.errors.push(...r.errors);
        failed = true;
        continue;
      }
      parts.push(r.value);
    }
    if (failed || !parts.length) {
      log(
        `alpha-index FY${year}: not written (errors above); the previous bundle, if any, is kept`,
      );
      continue;
    }
    const file = join(outDir, `index-FY${year}.json.gz`);
    const data = gzipSync(JSON.stringify({ format: ALPHA_INDEX_FORMAT, year, parts }), {
      level: 9,
    });
    await writeFile(file + '.tmp', data);
    await rename(file + '.tmp', file);
    const info = parts.map((p) => ({
      kind: p.kind,
      source: p.source,
      counts: countIndex(p),
      warnings: p.warnings.length,
    }));
    summary.bundles.push({ file, year, bytes: data.length, parts: info });
    for (const p of info)
      log(
        `alpha-index FY${year} ${p.kind} (${p.source}): ${p.counts.mainTerms} main terms, ${p.counts.subterms} subterms, ` +
          `${p.counts.codes} codes, ${p.counts.cells} table cells, ${p.counts.see} see, ${p.counts.seeAlso} see also` +
          (p.warnings ? `, ${p.warnings} irregular entries skipped` : ''),
      );
    log(`  -> ${file} (${(data.length / 1024).toFixed(0)} KB)`);
  }
  return summary;
}

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
 * Reads a bundle's bytes (gzip JSON). The envelope is validated with zod; the term trees are
 * checked on a sample (the first 50 main terms of each part) to keep loading fast.
 */
export function decodeAlphabeticIndexBundle(
  bytes: Uint8Array,
  name: string,
): Result<{ year: number; parts: IndexPart[] }> {
  let json: unknown;
  try {
    json = JSON.parse(gunzipSync(bytes).toString('utf8'));
  } catch (e) {
    return {
      ok: false,
      errors: [{ path: name, message: `not a gzip JSON bundle: ${(e as Error).message}` }],
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

export async function readAlphabeticIndexBundles(
  dir: string,
): Promise<Result<{ year: number; parts: IndexPart[] }[]>> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /^index-FY\d{4}\.json\.gz$/.test(n)).sort();
  } catch {
    return {
      ok: false,
      errors: [
        { path: dir, message: 'no build folder: run `npm run -s claimlab -- codesets build`' },
      ],
    };
  }
  const out: { year: number; parts: IndexPart[] }[] = [];
  for (const n of names) {
    const r = decodeAlphabeticIndexBundle(await readFile(join(dir, n)), n);
    if (!r.ok) return r;
    out.push(r.value);
  }
  return { ok: true, value: out };
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

const isEntry = process.argv[1] && /alpha-index[\\/]bundle\.ts$/.test(process.argv[1]);
if (isEntry) {
  const [ref = '../shared/reference', out = 'codesets/build'] = process.argv.slice(2);
  buildAlphabeticIndexBundle(ref, out, (l) => console.log(l)).then((s) => {
    for (const e of s.errors) console.error(`${e.path}: ${e.message}`);
    process.exit(s.errors.length ? 1 : 0);
  });
}
