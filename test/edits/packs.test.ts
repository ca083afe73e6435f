/**
 * Every shipped pack's answer key scrubs with no error finding (on the starter set and, when
 * built, the official code sets), with the curated NCCI edits and the case payer's policy.
 * A case meant to be denied for a reason lists it in `answer.expected.findings` (finding ids).
 * The cases come through the one pack reader (src/scenarios/format/index.ts); the claim is the
 * one `pack validate` builds (its submission date and attachments included), and a case with a
 * plan is scrubbed with the plan's policies in force on its date of service (profileWithPlan).
 * A catalog that has no release for a case's date of service (the starter set is FY2026 only)
 * is skipped for that case: the official bundles check it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { starterCatalog } from '../../src/codesets/starter';
import { loadNodeCatalog, loadOfficialCatalog } from '../../src/codesets/load-node';
import { curatedNcci } from '../../src/codesets/ncci/curated';
import { checkClaim, type EditContext } from '../../src/domain/edits/index';
import { policyFor } from '../../src/domain/payer/policy';
import { readAssembled } from '../../src/scenarios/format/index';
import { readPackPath } from '../../src/scenarios/format/read-node';
import type { CaseV2, PlanV2 } from '../../src/scenarios/format/v2';
import type { CaseFile } from '../../src/scenarios/schema';
import { answerClaim, profileWithPlan } from '../../src/scenarios/validate-pack';
import { starterPayers } from '../../src/services/shipped';

const root = join(__dirname, '../../scenarios');

/** Packs with their own NCCI rules or plans (checked by pack validate instead). */
const withOwnRules = new Set<string>();

/** Every shipped case through the one pack reader: the legacy case and its key's expected findings. */
interface ShippedCase {
  pack: string;
  file: string;
  c: CaseFile;
  v2: CaseV2;
  plans: PlanV2[];
  expectedFindings: string[];
}
function cases(): ShippedCase[] {
  const out: ShippedCase[] = [];
  for (const pack of readdirSync(root).sort()) {
    if (!statSync(join(root, pack)).isDirectory()) continue;
    const a = readPackPath(join(root, pack), pack);
    const r = readAssembled(a, { builtinPayers: starterPayers() });
    if (!r.pack || !r.legacy) throw new Error(`${pack}: ${JSON.stringify(r.problems)}`);
    // A pack with its own NCCI rules or plan policies is checked with them by `pack validate`
    // (test/scenarios/pack-format.test.ts, "pack validate on every shipped pack"): this test
    // knows only the curated NCCI edits and the payers' own policies.
    if (r.pack.rules.length > 0 || r.pack.plans.length > 0) {
      withOwnRules.add(pack);
      continue;
    }
    r.legacy.cases.forEach((c, i) =>
      out.push({
        pack,
        file: (a.sources.get(`cases[${i}]`) ?? a.manifestFile).split('/').pop()!,
        c,
        v2: r.pack!.cases[i]!,
        plans: r.pack!.plans,
        expectedFindings: r.pack!.cases[i]!.answer.expected.findings,
      }),
    );
  }
  return out;
}

const all = cases();
const official = loadOfficialCatalog('codesets/build', starterCatalog());

describe('shipped pack answer keys scrub clean', () => {
  it('finds every case each pack.json lists', () => {
    for (const pack of readdirSync(root).filter((d) => existsSync(join(root, d, 'pack.json')))) {
      const listed = (
        JSON.parse(readFileSync(join(root, pack, 'pack.json'), 'utf8')) as { cases: string[] }
      ).cases.map((c) => c.replace(/^cases\//, ''));
      const found = all.filter((x) => x.pack === pack).map((x) => x.file);
      if (!withOwnRules.has(pack)) expect(found.sort(), pack).toEqual([...listed].sort());
    }
    expect(all.map((x) => x.c.id)).toContain('dm2-htn-established');
  });

  it.each(all.map((x) => [`${x.pack}/${x.file}`, x] as const))('%s', async (_n, x) => {
    const { c } = x;
    const plan = x.plans.find((p) => p.id === x.v2.encounter.planId);
    const own = starterPayers().get(c.payerId);
    const payer = own && profileWithPlan(own, plan, c.serviceDate);
    // The starter code set holds the starter pack's codes only: the other packs (written against
    // the full releases) are checked on the official code sets, and only when they are built.
    const catalogs =
      x.pack === 'starter'
        ? [starterCatalog(), await loadNodeCatalog()]
        : official
          ? [official]
          : [];
    for (const catalog of catalogs) {
      if (!catalog.icd10(c.serviceDate).ok) continue;
      const ctx: EditContext = {
        catalog,
        ncci: curatedNcci(),
        ...(payer ? { policy: policyFor(payer) } : {}),
      };
      const errors = checkClaim(answerClaim(x.v2), ctx).findings.filter(
        (f) => f.severity === 'error',
      );
      const expected = x.expectedFindings;
      const unexpected = errors.filter((f) => !expected.includes(f.id));
      expect(
        unexpected.map((f) => `${f.id}: ${f.message}`),
        catalog.describe(),
      ).toEqual([]);
      for (const id of expected) expect(errors.map((f) => f.id)).toContain(id);
    }
  });
});
