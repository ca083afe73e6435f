/**
 * Statutory and plan exclusions: the scrubber flags the line the payer will deny, with the
 * denial it will carry, from the same facts (`coverage.statutory-exclusion`,
 * `coverage.plan-exclusion`). A statutory exclusion is the patient's liability (PR-96 + N425),
 * never a provider write-off and never CO-96/N130.
 * See: SSA §1862(a)(7) (routine physical checkups; eye examinations for refraction);
 * 42 CFR 411.15(a)(1); Pub. 100-04 ch. 30 §20.1 (statutory exclusions: beneficiary liable, ABN
 * not required); CMS RVU file read-me, status N; issue 10 "Statutory exclusions are the patient's
 * liability".
 */
import { describe, expect, it } from 'vitest';
import { parseClaim } from '../../src/domain/claim/parse';
import { exclusionFindings, type ExclusionPolicy } from '../../src/domain/edits/exclusions';
import { run as check } from '../../src/cli/commands/check';
import { run as adjudicateCli } from '../../src/cli/commands/adjudicate';
import type { Io } from '../../src/cli/io';
import { claimInput, lineInput } from '../factories';

const MEDICARE: ExclusionPolicy = {
  name: 'Medicare Part B',
  kind: 'medicare',
  exclusions: [
    {
      procedures: ['99381-99397'],
      group: 'PR',
      carc: '96',
      remarks: ['N425'],
      title: 'Routine physical examinations are excluded from Medicare by statute',
      source: 'SSA §1862(a)(7)',
      effective: null,
      terminated: null,
    },
  ],
};
const PLAN: ExclusionPolicy = {
  name: 'Plan',
  kind: 'commercial',
  exclusions: [
    {
      procedures: ['97810-97814'],
      group: 'PR',
      carc: '204',
      remarks: [],
      title: 'Acupuncture is not a benefit of this plan',
      source: 'plan certificate',
      effective: '2025-01-01',
      terminated: null,
    },
  ],
};

const claimOf = (codes: string[], date = '2026-03-02') =>
  parseClaim(
    claimInput({
      serviceDate: date,
      submissionDate: date,
      diagnoses: ['Z00.00'],
      lines: codes.map((c) => lineInput(c, '150.00', { dxPointers: [1] })),
    }),
  ).claim;

describe('exclusionFindings (pure)', () => {
  it('a Medicare routine physical is a statutory exclusion: PR-96 + N425, the patient pays', () => {
    const f = exclusionFindings(claimOf(['99396', '99213']), MEDICARE);
    expect(f.map((x) => [x.id, x.severity, x.line])).toEqual([
      ['coverage.statutory-exclusion', 'warning', 1],
    ]);
    expect(f[0]!.message).toMatch(/PR-96 \+ N425/);
    expect(f[0]!.message).toMatch(/the patient pays/);
    expect(f[0]!.message).not.toMatch(/N130|CO-96/);
    expect(f[0]!.reference).toMatch(/SSA §1862\(a\)\(7\)/);
    expect(f[0]!.suggestion).toMatch(/GY/);
  });

  it('a Medicare PFS status N code no table prices is a statutory exclusion too', () => {
    const f = exclusionFindings(claimOf(['92015']), MEDICARE, (c) => c === '92015');
    expect(f.map((x) => x.id)).toEqual(['coverage.statutory-exclusion']);
    expect(f[0]!.reference).toMatch(/status N/);
    // the status rule is Medicare's own: a commercial plan's profile decides for itself
    expect(exclusionFindings(claimOf(['92015']), PLAN, () => true)).toEqual([]);
  });

  it("a plan's excluded benefit is a plan exclusion with the plan's denial, from its effective date", () => {
    const f = exclusionFindings(claimOf(['97810']), PLAN);
    expect(f.map((x) => [x.id, x.line])).toEqual([['coverage.plan-exclusion', 1]]);
    expect(f[0]!.message).toMatch(/PR-204/);
    expect(exclusionFindings(claimOf(['97810'], '2024-12-31'), PLAN)).toEqual([]);
  });
});

function fakeIo(stdin: string) {
  const out: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: () => {}, readStdin: async () => stdin };
  return { io, out };
}
type Out = {
  findings: { id: string; line: number | null }[];
  lines?: { adjustments: { group: string; carc: string }[]; remarks: string[] }[];
};
async function both(c: Record<string, unknown>): Promise<{ scrub: Out; remit: Out }> {
  const a = fakeIo(JSON.stringify(c));
  await check(['-'], a.io);
  const b = fakeIo(JSON.stringify(c));
  await adjudicateCli(['-'], b.io);
  return { scrub: JSON.parse(a.out[0]!) as Out, remit: JSON.parse(b.out[0]!) as Out };
}
const ids = (o: Out) =>
  o.findings.filter((f) => f.id.startsWith('coverage.')).map((f) => `${f.id}@${f.line ?? '-'}`);

describe('check flags the exclusion exactly where adjudicate denies it', () => {
  it('Medicare 99396: check warns, adjudicate denies PR-96 + N425 and reports the same finding', async () => {
    const c = claimInput({
      diagnoses: ['Z00.00'],
      lines: [lineInput('99396', '150.00', { dxPointers: [1] })],
    });
    const { scrub, remit } = await both(c);
    expect(ids(scrub)).toEqual(['coverage.statutory-exclusion@1']);
    expect(ids(remit)).toEqual(ids(scrub));
    expect(remit.lines![0]!.adjustments).toContainEqual(
      expect.objectContaining({ group: 'PR', carc: '96' }),
    );
    expect(remit.lines![0]!.remarks).toContain('N425');
  });

  it('a covered visit has no exclusion finding on either side', async () => {
    const { scrub, remit } = await both(claimInput());
    expect(ids(scrub)).toEqual([]);
    expect(ids(remit)).toEqual([]);
  });
});
