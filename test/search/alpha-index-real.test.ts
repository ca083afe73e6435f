/**
 * The Alphabetic Index importer on the real CDC files (counts as printed by the bundle build).
 * Skips, saying how to get the files, when ../shared/reference is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flattenIndex } from '../../src/codesets/alpha-index/flatten';
import { countIndex, parseIndexXml } from '../../src/codesets/alpha-index/parse';

const DIR = '../shared/reference/icd10cm';
const INDEX = `${DIR}/fy2017/icd10cm_index_2017.xml`;
const NEO = `${DIR}/fy2021/icd10cm_neoplasm_2021.xml`;
const present = existsSync(INDEX) && existsSync(NEO);
if (!present)
  console.warn(
    `skipping real Alphabetic Index tests: ${INDEX} not found (see ../shared/reference/README.md for the CDC sources)`,
  );

describe.skipIf(!present)('Alphabetic Index importer on the CDC files', () => {
  it('reads the FY2017 Index to Diseases and Injuries completely', () => {
    const r = parseIndexXml(readFileSync(INDEX, 'utf8'), INDEX);
    if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
    expect(countIndex(r.value)).toEqual({
      mainTerms: 7973,
      subterms: 69226,
      codes: 59412,
      see: 11979,
      seeAlso: 1704,
      cells: 0,
      maxDepth: 9,
    });
    const flat = flattenIndex(r.value);
    // Every code reference, plus the "see" references that lead to a code.
    expect(flat.filter((t) => t.kind === 'index')).toHaveLength(59412);
    expect(flat.filter((t) => t.kind === 'see').length).toBeGreaterThan(8000);
    expect(flat).toContainEqual(
      expect.objectContaining({ path: ['Hypertension, hypertensive'], code: 'I10' }),
    );
  });
  it('reads the FY2021 Neoplasm Table, reporting its one irregular <manif> as a warning', () => {
    const r = parseIndexXml(readFileSync(NEO, 'utf8'), NEO);
    if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
    expect(r.value.kind).toBe('neoplasm');
    expect(countIndex(r.value)).toMatchObject({ mainTerms: 1, subterms: 1938, cells: 9018 });
    expect(r.value.warnings).toHaveLength(1);
    expect(r.value.warnings[0]!.path).toMatch(/icd10cm_neoplasm_2021\.xml:1954$/);
  });
});
