/**
 * Node loader: the Alphabetic Index terms to search a release with, from the built bundles
 * (codesets/build/index-FY*.json.gz). When the bundles are missing but the reference folder is
 * present, they are built first. Returns [] (and says why) when neither is available: search
 * then works on code titles alone.
 */
import { existsSync } from 'node:fs';
import type { IndexTermInput } from '../../domain/codes/search/types';
import { buildAlphabeticIndexBundle, pickIndexParts, readAlphabeticIndexBundles } from './bundle';
import { flattenIndexParts } from './flatten';

export interface IndexTermsLoad {
  terms: IndexTermInput[];
  /** e.g. ["index FY2017", "drug FY2025"], or why nothing was loaded. */
  sources: string[];
}

export async function loadIndexTermsNode(
  releaseYear: number,
  buildDir = 'codesets/build',
  refDir = '../shared/reference',
): Promise<IndexTermsLoad> {
  let r = await readAlphabeticIndexBundles(buildDir);
  if ((!r.ok || r.value.length === 0) && existsSync(refDir)) {
    await buildAlphabeticIndexBundle(refDir, buildDir);
    r = await readAlphabeticIndexBundles(buildDir);
  }
  if (!r.ok) return { terms: [], sources: r.errors.map((e) => `${e.path}: ${e.message}`) };
  if (!r.value.length)
    return {
      terms: [],
      sources: ['no Alphabetic Index bundle: run `npm run -s claimlab -- codesets build`'],
    };
  const parts = pickIndexParts(r.value, releaseYear);
  const terms: IndexTermInput[] = [];
  for (const t of flattenIndexParts(parts)) terms.push(t);
  return { terms, sources: parts.map((p) => `${p.kind} ${p.version} (${p.source})`) };
}
