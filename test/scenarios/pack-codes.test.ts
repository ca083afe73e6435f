import { describe, expect, it } from 'vitest';
import type { CodeCatalog } from '../../src/domain/codes/catalog';
import { loadAllPacks } from '../../src/scenarios/load-node';
import { starterCatalog } from '../../src/codesets/starter';
import { loadOfficialCatalog } from '../../src/codesets/load-node';

const official = loadOfficialCatalog('codesets/build', starterCatalog());
if (!official)
  console.warn(
    'pack-codes: official bundles not built (codesets/build): checking against the starter set only. Get the official files (see ../shared/reference/README.md) and run npm run -s claimlab -- codesets build.',
  );

const catalogs: [string, CodeCatalog][] = [
  ['starter set', starterCatalog()],
  ...(official ? [['official code sets', official] as [string, CodeCatalog]] : []),
];

describe('codes in shipped packs', () => {
  const { packs } = loadAllPacks('scenarios');
  it('finds the shipped packs', () => expect(packs.length).toBeGreaterThan(0));
  for (const [name, catalog] of catalogs)
    for (const pack of packs)
      // The starter code set covers the starter pack (the app without official bundles); other
      // packs are written against the official code sets (pack validate checks them there).
      for (const c of name === 'starter set' && pack.id !== 'starter' ? [] : pack.cases)
        it(`${name}: ${pack.id}/${c.id}: every answer code is valid and billable on ${c.serviceDate}`, () => {
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
            for (const m of l.modifiers)
              expect(catalog.modifier(m, c.serviceDate), m).toBeDefined();
          }
          for (const code of Object.keys(c.chargeMaster))
            expect(catalog.procedure(code, c.serviceDate), code).toBeDefined();
        });
});
