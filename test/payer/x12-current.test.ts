/**
 * Every CARC and RARC the project emits exists in the current X12 lists (August 2026), is not
 * deactivated, and means what the project says it means: for each code a concept (written here
 * from the X12 meaning) must be found both in the X12 text and in our own wording. Our wording
 * is never the X12 text. See: issue 10 ("a test that every CARC and RARC the project emits
 * exists in the current lists"); ../shared/reference/README.md (carc-rarc/2026-08). Skips when
 * the reference folder is absent.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARC, RARC } from '../../src/domain/payer/remittance/codes';

const FILE = join(__dirname, '../../../shared/reference/carc-rarc/2026-08/x12Codes.generated.js');
const have = existsSync(FILE);
if (!have)
  console.warn(
    `x12-current.test.ts skipped: ${FILE} not found (see ../shared/reference/README.md, carc-rarc/2026-08)`,
  );

type X12 = Record<string, { text: string; status: 'current' | 'tobe' | 'deactivated' }>;

/** Concept each code stands for: must match the X12 text and our wording alike. */
const CARC_MEANING: Record<string, RegExp> = {
  '1': /deductible/i,
  '2': /coinsurance/i,
  '3': /co-?pay/i,
  '4': /modifier/i,
  '5': /place of service/i,
  '9': /age/i,
  '10': /gender|sex/i,
  '11': /diagnosis.*(procedure|inconsistent)|(procedure|support).*diagnosis|diagnosis does not/i,
  '16': /information|missing|error/i,
  '18': /duplicate/i,
  '22': /another payer|coordination of benefits/i,
  '23': /prior payer|earlier payer/i,
  '26': /prior to coverage|before coverage/i,
  '27': /after coverage/i,
  '29': /filing|deadline|time limit/i,
  '31': /insured|member/i,
  '45': /fee schedule|allowed|allowable/i,
  '50': /medical(ly)? necess/i,
  '54': /assistant|multiple physicians|co-surgeon/i,
  '96': /non-covered|not a covered/i,
  '97': /another service|included/i,
  '100': /(payment|paid).* to (the )?patient/i,
  '107': /qualifying/i,
  '109': /not covered by this payer|correct payer|right payer/i,
  '119': /maximum/i,
  '146': /diagnosis.*(invalid|not valid).*date/i,
  '151': /many|frequency|units/i,
  '167': /diagnos.*not covered|not covered/i,
  '181': /procedure code.*(invalid|not valid).*date/i,
  '182': /modifier.*(invalid|not valid).*date/i,
  '197': /authorization.*absent|prior authorization/i,
  '204': /not covered under the patient|benefit plan/i,
  '236': /not (compatible|allowed)|same day/i,
  '252': /documentation|attachment/i,
  '253': /sequestration/i,
};
const RARC_MEANING: Record<string, RegExp> = {
  MA01: /appeal/i,
  MA91: /result of the appeal/i,
  MA04: /primary payer/i,
  MA27: /entitlement|member id|name/i,
  MA28: /assignment|non-assigned|information/i,
  MA125: /payment in full|payment constitutes/i,
  MA130: /incomplete|invalid|no appeal/i,
  M15: /bundled/i,
  M51: /procedure code/i,
  M62: /authorization/i,
  M76: /diagnosis/i,
  M77: /place of service/i,
  M86: /similar/i,
  M144: /surgery/i,
  M80: /same (session|day|date)/i,
  M127: /medical record/i,
  N4: /prior insurance|eob|remittance/i,
  N20: /same (date|day)/i,
  N30: /ineligible|not eligible/i,
  N56: /not (correct|valid)/i,
  N111: /duplicate/i,
  N115: /local coverage determination|lcd/i,
  N122: /add-on/i,
  N130: /plan benefit/i,
  N211: /not appeal|cannot be appealed/i,
  N257: /billing provider/i,
  N290: /rendering provider/i,
  N362: /units|maximum/i,
  N386: /national coverage determination|ncd/i,
  N425: /excluded/i,
  N479: /explanation of benefits|coordination of benefits|remittance/i,
  N657: /appropriate code|code that fits/i,
  N65: /rate.*(on file|cannot be determined)/i,
  N706: /documentation/i,
  N781: /qualified medicare beneficiary|qmb/i,
  N782: /qualified medicare beneficiary|qmb/i,
  N783: /qualified medicare beneficiary|qmb/i,
  N822: /missing procedure modifier|modifier.*missing/i,
  N823: /procedure modifier/i,
};

const ROOT = join(__dirname, '../../src');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|svelte)$/.test(f) ? [p] : [];
  });
}

/** CARCs and RARCs emitted anywhere in src: the tables, denials built in code, citations. */
function emitted(): { carc: Set<string>; rarc: Set<string> } {
  const carc = new Set<string>(Object.keys(CARC));
  const rarc = new Set<string>(Object.keys(RARC));
  for (const f of sources(ROOT)) {
    const t = readFileSync(f, 'utf8');
    for (const m of t.matchAll(/\bCARCs? (\d{1,3})\b/g)) carc.add(m[1]!);
    for (const m of t.matchAll(/\b(?:CO|PR|OA|PI)-(\d{1,3})\b/g)) carc.add(m[1]!);
    for (const m of t.matchAll(/carc: '(\d+)'/g)) carc.add(m[1]!);
    for (const m of t.matchAll(/denial\([^)]*?'(?:CO|PR|OA|PI)',\s*'(\d+)'/g)) carc.add(m[1]!);
    for (const m of t.matchAll(/\bRARCs? ((?:MA|M|N)\d+)\b/g)) rarc.add(m[1]!);
  }
  // Remark arrays in the payer modules: ['N122'], ['M62'] …
  for (const f of sources(join(ROOT, 'domain/payer')))
    for (const m of readFileSync(f, 'utf8').matchAll(/'((?:MA|M|N)\d{1,3})'/g)) rarc.add(m[1]!);
  // The packs emit codes too: payer exclusions and coverage denials, stored remittances of
  // cases that start from a remittance, answer keys' expected adjustments.
  for (const f of packFiles(join(ROOT, '../scenarios'))) {
    const t = readFileSync(f, 'utf8');
    for (const m of t.matchAll(/"carc"\s*:\s*"([0-9A-Z]{1,3})"/g)) carc.add(m[1]!);
    for (const m of t.matchAll(/"(?:rarc|remarks)"\s*:\s*\[([^\]]*)\]/g))
      for (const r of m[1]!.matchAll(/"((?:MA|M|N)\d{1,3})"/g)) rarc.add(r[1]!);
  }
  return { carc, rarc };
}

function packFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? packFiles(p) : f.endsWith('.json') ? [p] : [];
  });
}

describe.skipIf(!have)('CARC/RARC against the current X12 lists (2026-08)', () => {
  const x12 = createRequire(__filename)(FILE) as { CARC: X12; RARC: X12 };
  const { carc, rarc } = emitted();

  it('finds the codes the project emits', () => {
    expect(carc.size).toBeGreaterThan(25);
    expect(rarc.size).toBeGreaterThan(25);
  });

  it('every emitted CARC exists, is not deactivated, and means what we say', () => {
    const problems: string[] = [];
    for (const c of carc) {
      const e = x12.CARC[c];
      const ours = (CARC as Record<string, string>)[c];
      const concept = CARC_MEANING[c];
      if (!e) problems.push(`CARC ${c}: not in the X12 list`);
      else if (e.status === 'deactivated') problems.push(`CARC ${c}: deactivated`);
      else if (!concept) problems.push(`CARC ${c}: no meaning written in this test`);
      else {
        if (!concept.test(e.text)) problems.push(`CARC ${c}: X12 text does not match ${concept}`);
        if (ours && !concept.test(ours)) problems.push(`CARC ${c}: our wording "${ours}" does not`);
        if (ours && e.text.toLowerCase().startsWith(ours.toLowerCase().replace(/\.$/, '')))
          problems.push(`CARC ${c}: our wording copies X12's`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every emitted RARC exists, is not deactivated, and means what we say', () => {
    const problems: string[] = [];
    for (const c of rarc) {
      const e = x12.RARC[c];
      const ours = (RARC as Record<string, string>)[c];
      const concept = RARC_MEANING[c];
      if (!e) problems.push(`RARC ${c}: not in the X12 list`);
      else if (e.status === 'deactivated') problems.push(`RARC ${c}: deactivated`);
      else if (!concept) problems.push(`RARC ${c}: no meaning written in this test`);
      else {
        if (!concept.test(e.text)) problems.push(`RARC ${c}: X12 text does not match ${concept}`);
        if (ours && !concept.test(ours)) problems.push(`RARC ${c}: our wording "${ours}" does not`);
        if (ours && e.text.toLowerCase().startsWith(ours.toLowerCase().replace(/\.$/, '')))
          problems.push(`RARC ${c}: our wording copies X12's`);
      }
    }
    expect(problems).toEqual([]);
  });
});
