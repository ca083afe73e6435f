/**
 * A "use additional code" note on a category is one instruction: with two codes of the category
 * on the claim (E11.9 beside E11.22 is itself flagged), the E11 note on the control (Z79.4,
 * Z79.84, Z79.85) is reported once, not once per code.
 * See: ICD-10-CM Official Guidelines FY2026 §I.B.7 (use additional code), §I.C.4.a.3 (diabetes
 * control codes). Skips without the official bundles (run `codesets build`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOfficialCatalog } from '../../src/codesets/load-node';
import { curatedNcci } from '../../src/codesets/ncci/curated';
import { checkClaim } from '../../src/domain/edits/index';
import { claimInput } from '../factories';

const BUILD = join(__dirname, '../../codesets/build');
const has = existsSync(join(BUILD, 'icd10cm-fy2026.txt.gz'));
if (!has)
  console.warn('[use additional once] no official bundles: skipped (run `codesets build`).');

describe.skipIf(!has)('use additional code: one note, one finding', () => {
  it('the E11 control note is reported once for E11.9 and E11.22', () => {
    const cat = loadOfficialCatalog(BUILD)!;
    const f = checkClaim(claimInput({ diagnoses: ['E11.9', 'E11.22', 'N18.30'] }), {
      catalog: cat,
      ncci: curatedNcci(),
    }).findings.filter((x) => x.id === 'icd10cm.use-additional' && /Z79\.4/.test(x.message));
    expect(f).toHaveLength(1);
    expect(f[0]!.codes).toEqual(['E11.9']);
  });
});
