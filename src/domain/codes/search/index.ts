/** The encoder's search engine: build once per release, query many times. */
export { buildIndexData, type SearchIndex } from './build';
export { CodeSearch } from './query';
export { expandQuery } from './expand';
export { CHAPTERS, chapterOf } from './chapters';
export { SYNONYMS, SYNONYM_SOURCE } from './synonyms';
export type { IndexTermInput, SearchEntry, SearchHit, SearchOptions, SearchResult } from './types';

import { buildIndexData } from './build';
import { CodeSearch } from './query';
import type { IndexTermInput, SearchEntry } from './types';

/**
 * Builds the search index over a release's entries (from `IcdRelease.entries()`, the starter set
 * or an order file) and, optionally, flattened Alphabetic Index terms (codesets/alpha-index).
 * Returns the searcher: `buildSearchIndex(entries, terms).search('htn', { limit: 10 })`.
 */
export function buildSearchIndex(
  entries: Iterable<SearchEntry>,
  indexTerms?: IndexTermInput[],
): CodeSearch {
  return new CodeSearch(
    buildIndexData(Array.isArray(entries) ? entries : [...entries], indexTerms),
  );
}
