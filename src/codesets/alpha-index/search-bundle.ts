/**
 * The encoder's prebuilt search index for a release, stored beside the code-set bundles
 * (codesets/build/search-FY2026.bin.gz). Built once from the release's entries and the
 * Alphabetic Index terms; loaded afterwards in tens of milliseconds. A bundle whose release or
 * entry count does not match the catalog in use is rebuilt, never trusted.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { buildIndexData } from '../../domain/codes/search/build';
import { CodeSearch } from '../../domain/codes/search/query';
import { deserializeSearchIndex, serializeSearchIndex } from '../../domain/codes/search/serialize';
import type { SearchEntry } from '../../domain/codes/search/types';
import { loadIndexTermsNode } from './load-node';

export const searchBundlePath = (buildDir: string, release: string) =>
  join(buildDir, `search-${release}.bin.gz`);

/** Builds the index for a release and writes its bundle (temporary file renamed into place). */
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
  const data = gzipSync(serializeSearchIndex(ix, release), { level: 6 });
  await mkdir(buildDir, { recursive: true });
  const file = searchBundlePath(buildDir, release);
  await writeFile(file + '.tmp', data);
  await rename(file + '.tmp', file);
  return { file, bytes: data.length, stats: ix.stats, indexSources: terms.sources };
}

export async function readSearchBundle(
  file: string,
): Promise<{ search: CodeSearch; release: string }> {
  const bytes = gunzipSync(await readFile(file));
  const { index, release } = deserializeSearchIndex(bytes);
  return { search: new CodeSearch(index), release };
}

/**
 * The searcher for a release: the stored bundle when it matches (same release id and entry
 * count), otherwise built from the entries (and stored for next time when `store` is true).
 */
export async function loadSearchNode(
  release: string,
  size: number,
  entries: () => SearchEntry[],
  opts: { buildDir?: string; refDir?: string; store?: boolean } = {},
): Promise<{ search: CodeSearch; from: 'bundle' | 'built' }> {
  const buildDir = opts.buildDir ?? 'codesets/build';
  const file = searchBundlePath(buildDir, release);
  if (existsSync(file)) {
    try {
      const r = await readSearchBundle(file);
      if (r.release === release && r.search.ix.stats.entries === size)
        return { search: r.search, from: 'bundle' };
    } catch {
      // Unreadable or outdated format: rebuild below.
    }
  }
  const list = entries();
  if (opts.store !== false && list.length > 1000) {
    await writeSearchBundle(list, release, buildDir, opts.refDir);
    const r = await readSearchBundle(file);
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
