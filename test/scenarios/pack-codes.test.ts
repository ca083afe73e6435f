import { describe, expect, it } from 'vitest';
import { loadAllPacks } from '../../src/scenarios/load-node';
import { starterCatalog } from '../../src/codesets/starter';

describe('codes in shipped packs', () => {
  const { packs } = loadAllPacks('scenarios');
  const catalog = starterCatalog();
  it('finds the shipped packs', () => expect(packs.length).toBeGreaterThan(0));
  for (const pack of packs)
    for (const c of pack.cases)
      it(`${pack.id}/${c.id}: every answer code is valid and billable on ${c.serviceDate}`, () => {
        const rel = catalog.icd10(c.serviceDate);
        expect(rel.ok).toBe(true);
        if (!rel.ok) return;
        const codes = c.answer.diagnoses.flatMap((d) => [
          d.code,
          ...d.alternatives.map((a) => a.code),
        ]);
        for (const code of codes) expect(rel.value.get(code)?.billable, code).toBe(true);
        for (const l of c.answer.lines) {
          expect(catalog.procedure(l.code, c.serviceDate), l.code).toBeDefined();
          for (const m of l.modifiers) expect(catalog.modifier(m, c.serviceDate), m).toBeDefined();
        }
        for (const code of Object.keys(c.chargeMaster))
          expect(catalog.procedure(code, c.serviceDate), code).toBeDefined();
      });
});
