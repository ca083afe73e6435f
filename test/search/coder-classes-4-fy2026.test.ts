/**
 * Coder-query classes (issue 10, fourth round) on the real FY2026 code set and Alphabetic Index:
 * one test per class, queries from bench/queries/tuning-4.json and the rules' own examples (never
 * from a holdout set), and a check that every abbreviation row leads to words the classification
 * uses. Skips, saying how to get the files, when ../shared/reference is absent.
 * See: Official Guidelines FY2026 §I.A.9, §I.A.12.c, §I.B.13, §I.C.1.b, §I.C.2, §I.C.5.b.1,
 * §I.C.19, §I.C.21.c.3–4.
 */
import { describe, expect, it } from 'vitest';
import { fy2026Present, useFy2026Search } from './fy2026-search';
import { ABBREVIATIONS } from '../../src/domain/codes/search/abbreviations';
import { isStop, stem } from '../../src/domain/codes/search/tokenize';

const present = fy2026Present('FY2026 coder-class tests (round 4)');

describe.skipIf(!present)('coder-query classes on FY2026 ICD-10-CM (round 4)', () => {
  const { top, search } = useFy2026Search();

  it('every abbreviation target word is a word of some FY2026 title or Index term', () => {
    const missing: string[] = [];
    for (const row of ABBREVIATIONS) {
      const targets = row.replace(/^[+!]/, '').split('=')[1] ?? '';
      for (const w of targets.toLowerCase().match(/[a-z0-9]+/g) ?? [])
        if (!isStop(w) && !search().ix.rawTerm.has(w) && !search().ix.stemTerm.has(stem(w)))
          missing.push(`${row} -> ${w}`);
    }
    expect(missing).toEqual([]);
  });
  it('shorthand: cardiology, haematology, neurology and OB abbreviations', () => {
    expect(top('lbbb', 1)).toEqual(['I44.7']);
    expect(top('wpw', 1)).toEqual(['I45.6']);
    expect(top('cml', 1)).toEqual(['C92.10']);
    expect(top('mgus', 1)).toEqual(['D47.2']);
    expect(top('sah', 1)).toEqual(['I60.9']);
    expect(top('gdm', 1)).toEqual(['O24.419']);
  });
  it('punctuation: eponyms reached through the Neoplasm Table, words run together', () => {
    expect(top("wilms' tumor", 1)).toEqual(['C64.9']);
    expect(top("ewing's sarcoma", 1)).toEqual(['C41.9']);
    expect(top("bowen's disease", 1)).toEqual(['D04.9']);
    expect(top('preeclampsia', 1)).toEqual(['O14.90']);
  });
  it('anatomy: ordinals and side numbering of their own', () => {
    expect(top('rt 5th metatarsal fx', 1)).toEqual(['S92.351A']);
    expect(top('l ankle swelling', 1)).toEqual(['M25.472']);
  });
  it('status: the history of an operation, of alcohol abuse, devices', () => {
    expect(top('h/o l mastectomy', 1)).toEqual(['Z90.12']);
    expect(top('hx of etoh abuse', 1)).toEqual(['F10.11']);
    expect(top('trach dependent', 1)).toEqual(['Z93.0']);
    expect(top('s/p ppm', 1)).toEqual(['Z95.0']);
  });
  it('a condition and its organism: the condition, then B95-B97', () => {
    expect(top('h. pylori gastritis', 2)).toEqual(['K29.70', 'B96.81']);
    expect(top('mrsa cellulitis', 2)).toEqual(['L03.90', 'B95.62']);
  });
  it('mechanism: falls and needle sticks as charted', () => {
    expect(top('tripped and fell', 1)).toEqual(['W01.0XXA']);
    expect(top('needle stick injury', 1)).toEqual(['W46.0XXA']);
  });
});
