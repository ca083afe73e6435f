/**
 * Alphabetic Index bundles: finds the index XML files under a reference folder (any year: the
 * year is read from the file name, nothing is hard-wired), parses them, and writes one gzip JSON
 * bundle per year into the git-ignored build folder (index-FY2017.json.gz, index-FY2025.json.gz…).
 * Writes go to a temporary file renamed into place, so a failed build leaves the previous bundle
 * intact. Can be run on its own:
 *   npx tsx src/codesets/alpha-index/bundle.ts [../shared/reference] [codesets/build]
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Problem, Result } from '../../domain/result';
import { decodeSource, notUtf8Problem } from '../source-text';
import { ALPHA_INDEX_FORMAT, decodeAlphabeticIndexJson } from './decode';
import { countIndex, parseIndexXml } from './parse';
import type { IndexCounts, IndexPart, IndexPartKind } from './types';

export { ALPHA_INDEX_FORMAT, decodeAlphabeticIndexJson, pickIndexParts } from './decode';

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
      // Named relative to the reference folder: a bundle never holds the build machine's paths
      // (its warnings name file:line), so its bytes depend on the files alone.
      const name = relative(refDir, f.path).split(sep).join('/');
      const d = decodeSource(await readFile(f.path), name);
      if (d.refused || d.notUtf8) {
        summary.errors.push(d.refused ?? notUtf8Problem(name, d.notUtf8!));
        failed = true;
        continue;
      }
      const r = parseIndexXml(d.text, name);
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

/**
 * Reads a bundle's bytes (gzip JSON); the checks are in decode.ts (pure, shared with the
 * code-set worker, which gunzips with DecompressionStream).
 */
export function decodeAlphabeticIndexBundle(
  bytes: Uint8Array,
  name: string,
): Result<{ year: number; parts: IndexPart[] }> {
  let text: string;
  try {
    text = gunzipSync(bytes).toString('utf8');
  } catch (e) {
    return {
      ok: false,
      errors: [{ path: name, message: `not a gzip JSON bundle: ${(e as Error).message}` }],
    };
  }
  return decodeAlphabeticIndexJson(text, name);
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

const isEntry = process.argv[1] && /alpha-index[\\/]bundle\.ts$/.test(process.argv[1]);
if (isEntry) {
  const [ref = '../shared/reference', out = 'codesets/build'] = process.argv.slice(2);
  buildAlphabeticIndexBundle(ref, out, (l) => console.log(l)).then((s) => {
    for (const e of s.errors) console.error(`${e.path}: ${e.message}`);
    process.exit(s.errors.length ? 1 : 0);
  });
}
