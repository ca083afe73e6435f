/**
 * The encoder's search bundle carries the Alphabetic Index terms (serialize-terms.ts), each coded
 * against the term before it; the index is built from them where it is used. See: issue 9 "A lean
 * first load".
 */
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/domain/codes/search';
import {
  deserializeIndexTerms,
  INDEX_TERMS_VERSION,
  serializeIndexTerms,
} from '../../src/domain/codes/search/serialize-terms';
import type { IndexTermInput, SearchEntry } from '../../src/domain/codes/search/types';

const terms: IndexTermInput[] = [
  { path: ['Abscess'], code: 'L02.91', kind: 'index', nemod: '(embolic) (infective)' },
  { path: ['Abscess', 'jaw'], code: 'M27.2', kind: 'index', nemod: '(embolic) (infective)' },
  {
    path: ['Abscess', 'joint', 'spine'],
    code: 'A18.01',
    kind: 'index',
    nemod: '(embolic) (infective) (tuberculous)',
  },
  { path: ['Attack', 'heart'], code: 'I21.9', kind: 'see' },
  { path: ['Aspirin', 'poisoning accidental'], code: 'T39.011', kind: 'drug' },
  { path: ['Aspirin', 'adverse effect'], code: 'T39.015', kind: 'drug' },
  { path: ['Neoplasm, neoplastic', 'lung', 'malignant primary'], code: 'C34.90', kind: 'neoplasm' },
  { path: ['Fall', 'from', 'chair'], code: 'W07', kind: 'eindex' },
];

describe('search-terms bundle', () => {
  it('gives back the terms it was made from, with the release and sources', () => {
    const text = serializeIndexTerms(terms, 'FY2099', ['index 2099 (test)']);
    const r = deserializeIndexTerms(text);
    expect(r.release).toBe('FY2099');
    expect(r.sources).toEqual(['index 2099 (test)']);
    expect(r.terms).toEqual(terms);
  });

  it('codes shared levels once: a child term adds only its own level', () => {
    const lines = serializeIndexTerms(terms, 'FY2099').split('\n');
    expect(lines[2]).toBe('0\u001fjaw'); // after "Abscess": keep it, add "jaw"
    expect(lines[3]).toBe('1\u001fjoint\u001fspine'); // drop "jaw", add two levels
  });

  it('builds the same index as the terms themselves', () => {
    const entries: SearchEntry[] = [
      { code: 'L0291', billable: true, short: '', long: 'Cutaneous abscess, unspecified' },
      { code: 'M272', billable: true, short: '', long: 'Inflammatory conditions of jaws' },
      { code: 'I219', billable: true, short: '', long: 'Acute myocardial infarction, unspecified' },
    ];
    const a = buildSearchIndex(entries, terms);
    const b = buildSearchIndex(
      entries,
      deserializeIndexTerms(serializeIndexTerms(terms, 'X')).terms,
    );
    for (const q of ['abscess jaw', 'heart attack', 'embolic abscess'])
      expect(b.search(q).hits).toEqual(a.search(q).hits);
    expect(a.search('heart attack').hits[0]?.code).toBe('I219');
  });

  it('refuses text that is not a search-terms bundle, of another version, or cut short', () => {
    expect(() => deserializeIndexTerms('CLSX binary')).toThrow(/not a ClaimLab search-terms/);
    const text = serializeIndexTerms(terms, 'FY2099');
    expect(() =>
      deserializeIndexTerms(text.replace(`"version":${INDEX_TERMS_VERSION}`, '"version":9')),
    ).toThrow(/format 9.*rebuild/);
    expect(() => deserializeIndexTerms(text.slice(0, text.length - 30))).toThrow(/truncated/);
  });

  it('refuses a term whose text would break the layout', () => {
    expect(() =>
      serializeIndexTerms([{ path: ['a\nb'], code: 'A00', kind: 'index' }], 'FY2099'),
    ).toThrow(/term 0 path/);
  });
});
