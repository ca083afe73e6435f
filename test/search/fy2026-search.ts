/**
 * The real FY2026 encoder (CDC order file + Alphabetic Index) for the coder-class tests: one
 * place for the file path, the skip message and the index build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll } from 'vitest';
import { loadIndexTermsNode } from '../../src/codesets/alpha-index/load-node';
import { parseOrderFile } from '../../src/codesets/order-file';
import { buildSearchIndex } from '../../src/domain/codes/search';
import type { CodeSearch } from '../../src/domain/codes/search/query';

export const FY2026_ORDER = '../shared/reference/icd10cm/fy2026/icd10cm-order-2026.txt';

/** True when the official files are on hand; otherwise says how to get them (once per file). */
export function fy2026Present(what: string): boolean {
  const present = existsSync(FY2026_ORDER);
  if (!present)
    console.warn(
      `skipping ${what}: ${FY2026_ORDER} not found (get the CDC files listed in ../shared/reference/README.md)`,
    );
  return present;
}

/** Builds the FY2026 search in the enclosing describe's beforeAll; `top` lists hit codes. */
export function useFy2026Search(): {
  search: () => CodeSearch;
  top: (q: string, n?: number) => string[];
} {
  let s: CodeSearch | undefined;
  beforeAll(async () => {
    const r = parseOrderFile(readFileSync(FY2026_ORDER, 'utf8'), FY2026_ORDER);
    if (!r.ok) throw new Error('order file');
    const terms = await loadIndexTermsNode(2026);
    s = buildSearchIndex(r.value, terms.terms);
  });
  const search = () => {
    if (!s) throw new Error('the FY2026 search is built in beforeAll');
    return s;
  };
  return {
    search,
    top: (q, n = 5) =>
      search()
        .search(q, { limit: n })
        .hits.map((h) => h.display),
  };
}
