/**
 * The curated NCCI edits shipped in codesets/ncci/: valid against their schema (a broken copy
 * proves the validator reports paths), at least 150 PTP pairs, and an MUE for every CPT/HCPCS
 * code that a shipped pack or the starter code set uses.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ptpJson from '../../codesets/ncci/ptp-curated.json';
import mueJson from '../../codesets/ncci/mue-curated.json';
import procJson from '../../codesets/starter/procedures.json';
import { curatedNcci, readCurated } from '../../src/codesets/ncci/curated';

const root = join(__dirname, '../..');

/** Every procedure-code-shaped "code" value in the shipped packs (cases, payers, fee tables; not the JSON Schema for editors). */
function packCodes(): Set<string> {
  const out = new Set<string>();
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.json') && !f.endsWith('.schema.json'))
        for (const m of readFileSync(p, 'utf8').matchAll(
          /"(?:code|procedures)"\s*:\s*(\[[^\]]*\]|"[^"]*")/g,
        ))
          for (const c of m[1]!.matchAll(/"(\d{5}|\d{4}[FTU]|[A-V]\d{4})"/g)) out.add(c[1]!);
    }
  };
  // The curated MUEs cover the starter pack and the starter code set; the other packs' codes are
  // scrubbed with the curated and pack NCCI rules by `pack validate` and test/edits/packs.test.ts.
  walk(join(root, 'scenarios', 'starter'));
  return out;
}

describe('curated NCCI edits', () => {
  it('validate and expand', () => {
    const r = readCurated(ptpJson, mueJson);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it('ship at least 150 PTP pairs, each with an effective date and a source', () => {
    const r = readCurated(ptpJson, mueJson);
    if (!r.ok) throw new Error('invalid');
    const pairs = new Set(r.value.ptp.map((e) => `${e.column1}|${e.column2}`));
    expect(pairs.size).toBeGreaterThanOrEqual(150);
    expect(pairs.size).toBe(r.value.ptp.length); // no pair listed twice
    for (const e of r.value.ptp) {
      expect(e.effective).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(e.source).toMatch(/codesets\/ncci\/ptp-curated\.json: CMS/);
      expect(e.column1).not.toBe(e.column2);
    }
    expect(curatedNcci().counts().ptp).toBe(pairs.size);
  });

  it('E/M office visits: 1 per day; an MUE for every code in the packs and the starter set', () => {
    const rules = curatedNcci();
    for (const c of [
      '99202',
      '99203',
      '99204',
      '99205',
      '99211',
      '99212',
      '99213',
      '99214',
      '99215',
    ])
      expect(rules.mue(c, '2026-03-02')).toMatchObject({ value: 1, indicator: 2 });
    const codes = new Set([
      ...packCodes(),
      ...(procJson as { procedures: { code: string }[] }).procedures.map((p) => p.code),
    ]);
    expect(codes.size).toBeGreaterThan(20);
    const missing = [...codes].filter((c) => !rules.mue(c, '2026-03-02')).sort();
    expect(missing).toEqual([]);
  });

  it('report a broken file with the path of each problem', () => {
    const broken = structuredClone(ptpJson) as {
      groups: { column1: string[]; modifierIndicator: string }[];
    };
    broken.groups[0]!.column1[2] = '1105';
    broken.groups[1]!.modifierIndicator = '2';
    const brokenMue = structuredClone(mueJson) as { edits: { value: number }[] };
    brokenMue.edits[3]!.value = -1;
    const r = readCurated(broken, brokenMue);
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual([
      'codesets/ncci/ptp-curated.json:groups[0].column1[2]',
      'codesets/ncci/ptp-curated.json:groups[1].modifierIndicator',
      'codesets/ncci/mue-curated.json:edits[3].value',
    ]);
  });

  it('apply by date of service: nothing before an edit takes effect', () => {
    const rules = curatedNcci();
    expect(rules.ptp('99213', '20610', '2013-06-30')).toBeUndefined();
    expect(rules.ptp('99213', '20610', '2013-07-01')?.column1).toBe('20610');
    expect(rules.ptp('99213', '11102', '2018-12-31')).toBeUndefined();
    expect(rules.ptp('99203', '20610', '2026-03-02')).toBeUndefined(); // new-patient E/M not in the set
  });
});
