import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flattenIndex } from '../../src/codesets/alpha-index/flatten';
import { parseIndexXml } from '../../src/codesets/alpha-index/parse';
import { buildSearchIndex, expandQuery } from '../../src/domain/codes/search';
import {
  deserializeSearchIndex,
  serializeSearchIndex,
} from '../../src/domain/codes/search/serialize';
import { csrTargets, targetsCsr } from '../../src/domain/codes/search/build';
import { CodeSearch } from '../../src/domain/codes/search/query';
import { editDistance } from '../../src/domain/codes/search/typo';
import { ENTRIES } from './helpers';

const parsed = parseIndexXml(
  readFileSync(new URL('./fixtures/index-small.xml', import.meta.url), 'utf8'),
  'index-small.xml',
);
if (!parsed.ok) throw new Error('fixture');
const terms = flattenIndex(parsed.value);
const search = buildSearchIndex(ENTRIES, terms);
const codes = (q: string, o = {}) => search.search(q, o).hits.map((h) => h.display);

describe('code search: codes', () => {
  it('finds a code by prefix with or without the dot, in any case', () => {
    expect(codes('E11.9')[0]).toBe('E11.9');
    expect(codes('e119')[0]).toBe('E11.9');
    expect(codes('e11')).toEqual(['E11', 'E11.65', 'E11.9']);
    expect(codes('s72.001a')).toEqual(['S72.001A']);
  });
  it('filters billable codes and chapters, and pages', () => {
    expect(codes('e11', { billableOnly: true })).toEqual(['E11.65', 'E11.9']);
    expect(codes('e11', { limit: 1, offset: 1 })).toEqual(['E11.65']);
    expect(search.search('e11', { limit: 1 }).total).toBe(3);
    expect(codes('diabetes', { chapter: 15 })).toEqual(['O24.419', 'O24.4']);
    expect(codes('diabetes', { chapter: 4 }).every((c) => c.startsWith('E'))).toBe(true);
  });
});

describe('code search: words', () => {
  it('matches words in any order and ranks the index default first', () => {
    expect(codes('diabetes')[0]).toBe('E11.9');
    expect(codes('hyperglycemia type 1')[0]).toBe('E10.65');
    expect(codes('type 1 diabetes hyperglycemia')[0]).toBe('E10.65');
  });
  it('expands abbreviations and lay terms', () => {
    expect(codes('htn')[0]).toBe('I10');
    expect(codes('HTN')[0]).toBe('I10');
    expect(codes('chf')[0]).toBe('I50.9');
    expect(codes('uti')[0]).toBe('N39.0');
    expect(codes('dm2')[0]).toBe('E11.9');
    expect(codes('heart attack')[0]).toBe('I21.3');
    expect(expandQuery('high blood pressure')).toEqual([
      { typed: 'high blood pressure', alts: [['hypertension']], expanded: true },
    ]);
  });
  it('tolerates typos and reports the correction', () => {
    const r = search.search('pnuemonia');
    expect(r.hits[0]?.display).toBe('J18.9');
    expect(r.corrections).toEqual(['pnuemonia -> pneumonia']);
    expect(codes('hyperlipedemia')[0]).toBe('E78.5');
    expect(editDistance('pnuemonia', 'pneumonia', 2)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });
  it('completes the last word as it is typed', () => {
    expect(codes('pneum')[0]).toBe('J18.9');
  });
  it('maps index codes that became headers to their billable children, and drops deleted codes', () => {
    // The fixture index says E78.01 (billable until FY2025); in this release it is a header.
    const hits = codes('hypercholesterolemia', { billableOnly: true });
    expect(hits.slice(0, 2)).toEqual(['E78.019', 'E78.010']);
    // Z99.99 does not exist here: the term is dropped, not shown.
    expect(codes('obsoleteosis')).toEqual([]);
  });
  it('prefers the initial encounter over later ones', () => {
    expect(codes('fracture neck femur', { billableOnly: true })[0]).toBe('S72.001A');
  });
  it('returns nothing for an empty query or unknown words', () => {
    expect(codes('   ')).toEqual([]);
    expect(codes('qqqqzzzz')).toEqual([]);
  });
});

describe('serialised index', () => {
  it('answers like the index it was made from', () => {
    const { index, release } = deserializeSearchIndex(serializeSearchIndex(search.ix, 'FY2099'));
    expect(release).toBe('FY2099');
    const again = new CodeSearch(index);
    for (const q of ['diabetes', 'htn', 'e11', 'pnuemonia', 'heart attack', 'hypercholesterolemia'])
      expect(again.search(q).hits).toEqual(search.search(q).hits);
  });
  it("resolves an index term's targets on first use as a full resolution would", () => {
    // The build leaves the Index terms' targets (remap.ts) to the first query that reaches them.
    const lazy = buildSearchIndex(ENTRIES, terms);
    const eager = buildSearchIndex(ENTRIES, terms);
    const all = targetsCsr(eager.ix.targets);
    const csr = csrTargets(all.start, all.entry, all.offset);
    expect(lazy.ix.targets.length).toBe(lazy.ix.nDocs - lazy.ix.nTitles);
    for (const q of ['diabetes', 'htn', 'pnuemonia', 'heart attack', 'fracture femur'])
      expect(lazy.search(q).hits).toEqual(eager.search(q).hits);
    for (let j = 0; j < csr.length; j++) expect(lazy.ix.targets.get(j)).toEqual(csr.get(j));
  });
  it('gives the same targets whatever order the documents are resolved in', () => {
    const backwards = buildSearchIndex(ENTRIES, terms).ix.targets;
    for (let j = backwards.length - 1; j >= 0; j--) backwards.get(j);
    const forwards = targetsCsr(buildSearchIndex(ENTRIES, terms).ix.targets);
    expect(targetsCsr(backwards)).toEqual(forwards);
  });
  it('rejects bytes that are not an index', () => {
    expect(() => deserializeSearchIndex(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow(
      /not a ClaimLab search index/,
    );
  });
});
