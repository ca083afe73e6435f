/**
 * Ranking on the real FY2026 code set with the real Alphabetic Index. Skips (saying how to get the
 * files) when ../shared/reference is absent. No timings here: `npm run bench` measures them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadIndexTermsNode } from '../../src/codesets/alpha-index/load-node';
import { parseOrderFile } from '../../src/codesets/order-file';
import { buildSearchIndex } from '../../src/domain/codes/search';
import type { CodeSearch } from '../../src/domain/codes/search/query';

const ORDER = '../shared/reference/icd10cm/fy2026/icd10cm-order-2026.txt';
const present = existsSync(ORDER);
if (!present)
  console.warn(
    `skipping FY2026 ranking tests: ${ORDER} not found (get the CDC files listed in ../shared/reference/README.md)`,
  );

describe.skipIf(!present)('search ranking on FY2026 ICD-10-CM', () => {
  let s: CodeSearch;
  const top = (q: string, n = 5, o = {}) =>
    s.search(q, { limit: n, ...o }).hits.map((h) => h.display);
  beforeAll(async () => {
    const r = parseOrderFile(readFileSync(ORDER, 'utf8'), ORDER);
    if (!r.ok) throw new Error('order file');
    const terms = await loadIndexTermsNode(2026);
    s = buildSearchIndex(r.value, terms.terms);
  });

  it('puts the Alphabetic Index default first for common diagnoses', () => {
    expect(top('hypertension', 1)).toEqual(['I10']);
    expect(top('diabetes', 1)).toEqual(['E11.9']);
    expect(top('pneumonia', 1)).toEqual(['J18.9']);
    expect(top('urinary tract infection', 3)).toContain('N39.0');
  });
  it('understands abbreviations coders type', () => {
    expect(top('HTN', 1)).toEqual(['I10']);
    expect(top('t2dm', 1)).toEqual(['E11.9']);
    expect(top('copd', 1)).toEqual(['J44.9']);
    expect(top('afib', 1)).toEqual(['I48.91']);
    expect(top('gerd', 1)).toEqual(['K21.9']);
    expect(top('ckd 4', 1)).toEqual(['N18.4']);
  });
  it('survives misspellings', () => {
    expect(top('pnuemonia', 1)).toEqual(['J18.9']);
    expect(top('hypertention', 1)).toEqual(['I10']);
    expect(top('diverticulitus', 3)).toContain('K57.92');
  });
  it('finds codes by prefix, with or without the dot, and new FY2026 codes', () => {
    expect(top('e11.a', 1)).toEqual(['E11.A']);
    expect(top('E78010', 1)).toEqual(['E78.010']);
    expect(top('w21.89xa', 1)).toEqual(['W21.89XA']);
  });
  it('never offers the FY2025 code E78.01 as billable: the index term leads to its FY2026 children', () => {
    const hits = s.search('familial hypercholesterolemia', { limit: 5 }).hits;
    expect(hits.find((h) => h.display === 'E78.01')?.billable ?? false).toBe(false);
    expect(hits.filter((h) => h.billable).map((h) => h.display)).toEqual(
      expect.arrayContaining(['E78.019']),
    );
  });
  it('applies the billable and chapter filters', () => {
    expect(
      s.search('fracture femur', { billableOnly: true, limit: 20 }).hits.every((h) => h.billable),
    ).toBe(true);
    expect(top('diabetes', 5, { chapter: 15 }).every((c) => c.startsWith('O'))).toBe(true);
  });

  // Issue 10 coder-query classes. See: Guidelines §I.B.13 (laterality), §I.C.13.c and §I.C.19
  // (traumatic fracture, 7th character A), §I.C.21.c.3 (Z79 long-term drug therapy).
  it('offers the sided code beside the unspecified-side code the Index leads to', () => {
    expect(top('right hip fracture', 1)).toEqual(['S72.001A']);
    expect(top('fracture of ankle, left')).toContain('S82.892A');
  });
  it('reads drug names and "chronic" beside a drug as long-term drug therapy', () => {
    expect(top('long term dexamethasone', 1)).toEqual(['Z79.52']);
    expect(top('chronic steroid use', 3)).toContain('Z79.52');
    expect(top('on plavix long term', 1)).toEqual(['Z79.02']);
  });
  it('splits an abbreviation glued to its stage', () => {
    expect(top('ckd4', 1)).toEqual(['N18.4']);
    expect(top('CKD3b', 1)).toEqual(['N18.32']);
  });
});
