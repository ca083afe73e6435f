/**
 * Every shipped pack's answer key scrubs with no error finding (on the starter set and, when
 * built, the official code sets), with the curated NCCI edits and the case payer's policy.
 * A case meant to be denied for a reason lists it in `answer.expectedFindings` (finding ids).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { starterCatalog } from '../../src/codesets/starter';
import { loadNodeCatalog } from '../../src/codesets/load-node';
import { curatedNcci } from '../../src/codesets/ncci/curated';
import { checkClaim, type EditContext } from '../../src/domain/edits/index';
import { policyFor } from '../../src/domain/payer/policy';
import { starterPayers } from '../../src/services/shipped';

const root = join(__dirname, '../../scenarios');

interface CaseFile {
  id: string;
  payerId: string;
  patient: Record<string, unknown>;
  provider: Record<string, unknown>;
  serviceDate: string;
  chargeMaster?: Record<string, string>;
  answer: {
    diagnoses: { code: string }[];
    lines: { code: string; modifiers?: string[]; units?: number; dxPointers: number[] }[];
    expectedFindings?: string[];
  };
}

function cases(): { pack: string; file: string; c: CaseFile }[] {
  const out: { pack: string; file: string; c: CaseFile }[] = [];
  for (const pack of readdirSync(root)) {
    const dir = join(root, pack, 'cases');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')))
      out.push({ pack, file: f, c: JSON.parse(readFileSync(join(dir, f), 'utf8')) as CaseFile });
  }
  return out;
}

function answerClaim(c: CaseFile) {
  return {
    claimId: c.id,
    payerId: c.payerId,
    patient: c.patient,
    provider: c.provider,
    serviceDate: c.serviceDate,
    submissionDate: c.serviceDate,
    diagnoses: c.answer.diagnoses.map((d) => d.code),
    lines: c.answer.lines.map((l) => ({ ...l, charge: c.chargeMaster?.[l.code] ?? '100.00' })),
  };
}

const all = cases();

describe('shipped pack answer keys scrub clean', () => {
  it('finds every case each pack.json lists', () => {
    for (const pack of readdirSync(root).filter((d) => existsSync(join(root, d, 'pack.json')))) {
      const listed = (
        JSON.parse(readFileSync(join(root, pack, 'pack.json'), 'utf8')) as { cases: string[] }
      ).cases.map((c) => c.replace(/^cases\//, ''));
      const found = all.filter((x) => x.pack === pack).map((x) => x.file);
      expect(found.sort(), pack).toEqual([...listed].sort());
    }
    expect(all.map((x) => x.c.id)).toContain('dm2-htn-established');
  });

  it.each(all.map((x) => [`${x.pack}/${x.file}`, x] as const))('%s', async (_n, { c }) => {
    const payer = starterPayers().get(c.payerId);
    for (const catalog of [starterCatalog(), await loadNodeCatalog()]) {
      const ctx: EditContext = {
        catalog,
        ncci: curatedNcci(),
        ...(payer ? { policy: policyFor(payer) } : {}),
      };
      const errors = checkClaim(answerClaim(c), ctx).findings.filter((f) => f.severity === 'error');
      const expected = c.answer.expectedFindings ?? [];
      const unexpected = errors.filter((f) => !expected.includes(f.id));
      expect(
        unexpected.map((f) => `${f.id}: ${f.message}`),
        catalog.describe(),
      ).toEqual([]);
      for (const id of expected) expect(errors.map((f) => f.id)).toContain(id);
    }
  });
});
