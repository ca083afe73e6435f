/**
 * The encoder's search bundle for a release, stored beside the code-set bundles
 * (codesets/build/search-FY2026.bin.gz): the Alphabetic Index terms the release is searched with
 * (the newest index parts published no later than its year), flattened and compactly coded
 * (domain/codes/search/serialize-terms.ts). The index itself is built from them and the
 * release's own titles where it is used: the browser downloads about 0.7 MB instead of a 3.2 MB
 * prebuilt index beside the 1 MB code bundle. A bundle for another release is not used.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { buildIndexData } from '../../domain/codes/search/build';
import { CodeSearch } from '../../domain/codes/search/query';
import {
  deserializeIndexTerms,
  serializeIndexTerms,
} from '../../domain/codes/search/serialize-terms';
import { deserializeSearchIndex, serializeSearchIndex } from '../../domain/codes/search/serialize';
import type { SearchEntry } from '../../domain/codes/search/types';
import { loadIndexTermsNode } from './load-node';

export const searchBundlePath = (buildDir: string, release: string) =>
  join(buildDir, `search-${release}.bin.gz`);

/**
 * Node's cache of the index built from a search bundle (the CLI starts in ~0.2 s instead of
 * building for ~1 s). No .gz/.json suffix: the app never serves or fetches it (the browser
 * builds its own index from the smaller bundle). Valid while newer than the bundle and the
 * manifest.
 */
const nodeIndexPath = (buildDir: string, release: string) =>
  join(buildDir, `search-${release}.node-index`);

function readNodeIndex(buildDir: string, release: string, bundle: string): CodeSearch | null {
  const cache = nodeIndexPath(buildDir, release);
  try {
    if (!existsSync(cache)) return null;
    // Stale once the search bundle or the code sets (the manifest, rewritten by every build) change.
    const manifest = join(buildDir, 'manifest.json');
    const inputs = [bundle, ...(existsSync(manifest) ? [manifest] : [])];
    if (inputs.some((f) => statSync(cache).mtimeMs < statSync(f).mtimeMs)) return null;
    const r = deserializeSearchIndex(gunzipSync(readFileSync(cache)));
    return r.release === release ? new CodeSearch(r.index) : null;
  } catch {
    return null; // unreadable or an older format: built again from the bundle
  }
}

async function writeNodeIndex(buildDir: string, release: string, search: CodeSearch) {
  const cache = nodeIndexPath(buildDir, release);
  try {
    await writeFile(
      cache + '.tmp',
      gzipSync(serializeSearchIndex(search.ix, release), { level: 1 }),
    );
    await rename(cache + '.tmp', cache);
  } catch {
    // A read-only build folder: the index is simply built again next time.
  }
}

/**
 * Writes a release's search bundle (temporary file renamed into place); builds the index once
 * to report its counts.
 */
export async function writeSearchBundle(
  entries: SearchEntry[],
  release: string,
  buildDir = 'codesets/build',
  refDir = '../shared/reference',
): Promise<{
  file: string;
  bytes: number;
  stats: CodeSearch['ix']['stats'];
  indexSources: string[];
}> {
  const year = Number(/\d{4}/.exec(release)?.[0] ?? '9999');
  const terms = await loadIndexTermsNode(year, buildDir, refDir);
  const ix = buildIndexData(entries, terms.terms);
  const data = gzipSync(serializeIndexTerms(terms.terms, release, terms.sources), { level: 9 });
  await mkdir(buildDir, { recursive: true });
  const file = searchBundlePath(buildDir, release);
  await writeFile(file + '.tmp', data);
  await rename(file + '.tmp', file);
  return { file, bytes: data.length, stats: ix.stats, indexSources: terms.sources };
}

/** The searcher from a stored bundle and the release's entries. */
export async function readSearchBundle(
  file: string,
  entries: () => SearchEntry[],
): Promise<{ search: CodeSearch; release: string }> {
  const { terms, release } = deserializeIndexTerms(
    gunzipSync(await readFile(file)).toString('utf8'),
  );
  return { search: new CodeSearch(buildIndexData(entries(), terms)), release };
}

/**
 * The searcher for a release: from the stored bundle when it is the release's, otherwise with
 * the terms of the Alphabetic Index bundles (and the bundle stored for next time when `store` is
 * true). `size` is kept for callers; the terms do not depend on the entries.
 */
export async function loadSearchNode(
  release: string,
  size: number,
  entries: () => SearchEntry[],
  opts: { buildDir?: string; refDir?: string; store?: boolean } = {},
): Promise<{ search: CodeSearch; from: 'bundle' | 'built' }> {
  void size;
  const buildDir = opts.buildDir ?? 'codesets/build';
  const file = searchBundlePath(buildDir, release);
  if (existsSync(file)) {
    const cached = readNodeIndex(buildDir, release, file);
    if (cached) return { search: cached, from: 'bundle' };
    try {
      const r = await readSearchBundle(file, entries);
      if (r.release === release) {
        if (opts.store !== false) await writeNodeIndex(buildDir, release, r.search);
        return { search: r.search, from: 'bundle' };
      }
    } catch {
      // Unreadable or outdated format: rebuild below.
    }
  }
  const list = entries();
  if (opts.store !== false && list.length > 1000) {
    await writeSearchBundle(list, release, buildDir, opts.refDir);
    const r = await readSearchBundle(file, () => list);
    return { search: r.search, from: 'built' };
  }
  const year = Number(/\d{4}/.exec(release)?.[0] ?? '9999');
  const terms = await loadIndexTermsNode(year, buildDir, opts.refDir);
  return { search: new CodeSearch(buildIndexData(list, terms.terms)), from: 'built' };
}

/**
 * For `codesets build`: the Alphabetic Index bundles, then one search index per ICD-10-CM release
 * (each searched with the newest index parts published no later than its year). Logs counts.
 */
export async function buildEncoderBundles(
  refDir: string,
  outDir: string,
  releases: { id: string; entries: () => SearchEntry[] }[],
  log: (line: string) => void = () => {},
): Promise<{ errors: { path: string; message: string }[] }> {
  const { buildAlphabeticIndexBundle } = await import('./bundle');
  const summary = await buildAlphabeticIndexBundle(refDir, outDir, log);
  for (const r of releases) {
    const w = await writeSearchBundle(r.entries(), r.id, outDir, refDir);
    const s = w.stats;
    log(
      `search ${r.id}: ${s.entries} codes, ${s.indexTerms} index terms (${s.indexTermsToHeader} via headers, ` +
        `${s.indexTermsToAncestor} via ancestors, ${s.indexTermsDropped} dropped) from ${w.indexSources.join('; ')} -> ${w.file} (${(w.bytes / 1e6).toFixed(1)} MB)`,
    );
  }
  return { errors: summary.errors };
}

/**
 * `npx tsx src/codesets/alpha-index/search-bundle.ts [reference] [out]`: rewrites the search
 * bundle of every built release (scripts/ensure-codesets.mjs runs it when the bundles are of an
 * older format).
 */
const isEntry =
  process.argv[1] && /codesets[\\/]alpha-index[\\/]search-bundle\.ts$/.test(process.argv[1]);
if (isEntry) {
  const [ref = '../shared/reference', out = 'codesets/build'] = process.argv.slice(2);
  const { loadOfficialCatalog } = await import('../load-node');
  for (const rel of loadOfficialCatalog(out)?.releases() ?? []) {
    const w = await writeSearchBundle([...rel.entries()], rel.id, out, ref);
    process.stdout.write(
      `search ${rel.id}: ${w.stats.indexTerms} index terms; ${w.file} ${(w.bytes / 1024).toFixed(0)} KB\n`,
    );
  }
}
