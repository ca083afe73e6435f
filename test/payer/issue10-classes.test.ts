/**
 * Issue 10's fidelity classes, one rule-text test each, run as the expert set runs them: the
 * scrub `claimlab check` makes (the payer service's scrub: the edits plus the payer's own
 * checks) and `adjudicate` over the shipped packs and the official bundles. Each class names
 * the rule it tests; the other test files hold the detail (named per class).
 * See: issue 10; DOMAIN.md §5–§7.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/cli/commands/check';
import { cliPayerService } from '../../src/cli/commands/payer-service';
import type { CodeCatalog } from '../../src/domain/codes/catalog';
import { parseClaim } from '../../src/domain/claim/parse';
import type { Finding } from '../../src/domain/findings';
import { adjudicate } from '../../src/domain/payer/adjudicate';
import { remittanceJson } from '../../src/domain/payer/remittance/remittance';
import type { PayerService } from '../../src/services/payer';
import { captureIo } from '../support/cli-io';

let service: PayerService;
let catalog: CodeCatalog;
beforeAll(async () => {
  const { io } = captureIo();
  service = cliPayerService(io, { insteadOfMpfs: 'the pack fee table' });
  catalog = await loadCatalog(io);
});

type Line = {
  code: string;
  charge: string;
  modifiers?: string[];
  units?: number;
  dxPointers?: number[];
};
const medicarePatient = { sex: 'F', birthDate: '1950-03-04', memberId: '1EG4TE5MK73' };
const ppoPatient = { sex: 'F', birthDate: '1985-03-04', memberId: 'CPP-123456' };
const input = (o: {
  payerId?: string;
  diagnoses: string[];
  lines: Line[];
  provider?: Record<string, unknown>;
  date?: string;
  accumulators?: Record<string, string>;
}) => ({
  claimId: 'I10-CLASS',
  payerId: o.payerId ?? 'medicare',
  patient: o.payerId === 'commercial-ppo' ? ppoPatient : medicarePatient,
  provider: { npi: '1234567893', pos: '11', locality: '', participating: true, ...o.provider },
  serviceDate: o.date ?? '2025-11-12',
  submissionDate: o.date ?? '2025-11-12',
  diagnoses: o.diagnoses,
  lines: o.lines.map((l) => ({ modifiers: [], units: 1, dxPointers: [1], ...l })),
  ...(o.accumulators ? { accumulators: o.accumulators } : {}),
});

function both(raw: ReturnType<typeof input>) {
  const parsed = parseClaim(raw);
  const claim = parsed.claim;
  const scrub = [...parsed.findings, ...service.scrub(claim, catalog)];
  const payer = service.payers.get(claim.payerId)!;
  const r = adjudicate(claim, {
    ...service.context(payer, { catalog, findings: parsed.findings }),
    randomReview: false,
  });
  const j = remittanceJson(r);
  const adj = (i: number) => j.lines[i]!.adjustments.map((a) => `${a.group}-${a.carc}`);
  return { scrub, r, j, adj };
}
const ids = (fs: readonly Finding[], sev?: string) =>
  fs.filter((f) => !sev || f.severity === sev).map((f) => `${f.id}@${f.line ?? '-'}`);

describe('the scrubber and the payer agree', () => {
  it('two office E/M visits, same provider, same day: em.same-day, the second CO-97 + M86 (Pub. 100-04 ch. 12 §30.6.7)', () => {
    const { scrub, j, adj } = both(
      input({
        diagnoses: ['I10', 'J06.9'],
        lines: [
          { code: '99213', charge: '120.00' },
          { code: '99212', charge: '80.00', dxPointers: [2] },
        ],
      }),
    );
    expect(ids(scrub, 'error')).toEqual(['em.same-day@2']);
    expect(adj(1)).toEqual(['CO-97']);
    expect(j.lines[1]!.remarks).toEqual(['M86']);
    expect(Number(j.lines[0]!.allowed)).toBeGreaterThan(0);
  });

  it('a separate, unrelated second visit with 25 is paid', () => {
    const { scrub, j } = both(
      input({
        diagnoses: ['I10', 'S61.411A'],
        lines: [
          { code: '99213', charge: '120.00' },
          { code: '99212', charge: '80.00', modifiers: ['25'], dxPointers: [2] },
        ],
      }),
    );
    expect(ids(scrub)).not.toContain('em.same-day@2');
    expect(Number(j.lines[1]!.allowed)).toBeGreaterThan(0);
  });

  it('PC/TC indicator 4 (93000, global test only) with 26: modifier.invalid and CO-4 (RVU file PCTC IND 4)', () => {
    const { scrub, j, adj } = both(
      input({
        diagnoses: ['R00.2'],
        lines: [{ code: '93000', charge: '50.00', modifiers: ['26'] }],
      }),
    );
    expect(ids(scrub, 'error')).toEqual(['modifier.invalid@1']);
    expect(adj(0)).toEqual(['CO-4']);
    expect(j.lines[0]!.remarks).toEqual(['N823']);
  });

  it('bilateral 50 with more than one unit is flagged and denied (Pub. 100-04 ch. 12 §40.7)', () => {
    const { scrub, adj } = both(
      input({
        diagnoses: ['M17.0'],
        lines: [{ code: '20610', charge: '200.00', modifiers: ['50'], units: 2 }],
      }),
    );
    expect(ids(scrub, 'error')).toEqual(['modifier.invalid@1']);
    expect(adj(0)).toEqual(['CO-4']);
  });

  it('50 on a code whose bilateral indicator is 0 or 2 earns no 150%: a warning, paid at 100% (RVU read-me, BILAT SURG)', () => {
    if (!service.fees.mpfs) return; // the indicators come from the MPFS bundle
    for (const [code, dx, ind] of [
      ['77067', 'Z12.31', '2'],
      ['11042', 'L97.911', '0'],
    ] as const) {
      const one = (modifiers: string[]) =>
        both(input({ diagnoses: [dx], lines: [{ code, charge: '900.00', modifiers }] }));
      const b = one(['50']);
      const f = b.scrub.filter((x) => x.id === 'modifier.invalid');
      expect(f.map((x) => [x.severity, x.line])).toEqual([['warning', 1]]);
      expect(f[0]!.message).toMatch(new RegExp(`bilateral indicator ${ind}`));
      expect(b.r.lines[0]!.allowed).toBe(one([]).r.lines[0]!.allowed);
    }
    expect(
      both(
        input({
          diagnoses: ['M17.0'],
          lines: [{ code: '20610', charge: '900.00', modifiers: ['50'] }],
        }),
      ).scrub.filter((x) => x.id === 'modifier.invalid'),
    ).toEqual([]);
  });

  it('an office visit code for a hospital inpatient (POS 21): em.place-of-service, CO-5 + M77 (CPT E/M guidelines; Pub. 100-04 ch. 12 §30.6)', () => {
    const { scrub, j, adj } = both(
      input({
        provider: { pos: '21' },
        diagnoses: ['I10'],
        lines: [{ code: '99213', charge: '150.00' }],
      }),
    );
    expect(ids(scrub, 'error')).toEqual(['em.place-of-service@1']);
    expect(scrub.find((f) => f.id === 'em.place-of-service')!.message).toMatch(/99221-99239/);
    expect(adj(0)).toEqual(['CO-5']);
    expect(j.lines[0]!.remarks).toEqual(['M77']);
    expect(Number(j.lines[0]!.paid)).toBe(0);
  });

  it('a global diagnostic test (PC/TC 1) billed without 26 for a hospital outpatient (POS 22): modifier.missing naming 26, CO-4 + N822 (42 CFR 410.42(a); Pub. 100-04 ch. 13 §20.1)', () => {
    if (!service.fees.mpfs) return; // the PC/TC indicators come from the MPFS bundle
    const run = (modifiers: string[], pos = '22') =>
      both(
        input({
          provider: { pos },
          diagnoses: ['R05.9'],
          lines: [{ code: '71046', charge: '80.00', modifiers }],
        }),
      );
    const global = run([]);
    expect(ids(global.scrub, 'error')).toEqual(['modifier.missing@1']);
    expect(global.scrub.find((f) => f.id === 'modifier.missing')!.suggestion).toMatch(/\b26\b/);
    expect(global.adj(0)).toEqual(['CO-4']);
    expect(global.j.lines[0]!.remarks).toEqual(['N822']);
    // With 26 the professional component is allowed; in the office (POS 11) the global is right.
    expect(ids(run(['26']).scrub, 'error')).toEqual([]);
    expect(Number(run(['26']).j.lines[0]!.allowed)).toBeGreaterThan(0);
    expect(ids(run([], '11').scrub, 'error')).toEqual([]);
  });

  it("a commercial fee that is a percentage of Medicare uses the claim's locality (125% of the locality's Medicare fee)", () => {
    if (!service.fees.mpfs) return; // the MPFS bundle is not built (npm run codesets)
    const at = (payerId: string, locality: string) =>
      both(
        input({
          payerId,
          provider: { locality },
          diagnoses: ['I10'],
          lines: [{ code: '99213', charge: '400.00' }],
        }),
      ).r.lines[0]!.allowed;
    const medicare = at('medicare', '10112-00');
    expect(at('commercial-ppo', '10112-00')).toBe(Math.round(medicare * 1.25));
    expect(at('commercial-ppo', '10112-00')).not.toBe(at('commercial-ppo', ''));
  });

  it('the plan distinct-diagnosis policy for 25: CO-4 with N823, the finding naming the policy', () => {
    const { scrub, j, adj } = both(
      input({
        payerId: 'commercial-ppo',
        diagnoses: ['M17.11'],
        lines: [
          { code: '99214', charge: '150.00', modifiers: ['25'] },
          { code: '20610', charge: '150.00', modifiers: ['RT'] },
        ],
      }),
    );
    const f = scrub.find((x) => x.id === 'payer.modifier-policy');
    expect(f?.line).toBe(1);
    expect(f?.reference.length).toBeGreaterThan(10);
    expect(adj(0)).toEqual(['CO-4']);
    expect(j.lines[0]!.remarks).toEqual(['N823']);
  });
});

describe('who pays: coverage and liability', () => {
  it('a Medicare routine physical is a statutory exclusion: PR-96 + N425, never CO-96/N130 (SSA §1862(a)(7))', () => {
    const { scrub, j, adj } = both(
      input({ diagnoses: ['Z00.00'], lines: [{ code: '99397', charge: '200.00' }] }),
    );
    expect(ids(scrub)).toContain('coverage.statutory-exclusion@1');
    expect(adj(0)).toEqual(['PR-96']);
    expect(j.lines[0]!.remarks).toEqual(['N425']);
  });

  it('ACA preventive: a commercial adult or well-woman visit with Z00.0x/Z01.41x has $0 cost sharing; status N is not the plan’s rule (PHS Act §2713)', () => {
    for (const [code, dx] of [
      ['99396', 'Z00.00'],
      ['99395', 'Z01.411'],
    ] as const) {
      const { r, adj } = both(
        input({ payerId: 'commercial-ppo', diagnoses: [dx], lines: [{ code, charge: '200.00' }] }),
      );
      expect(r.lines[0]!.allowed).toBeGreaterThan(0);
      expect(adj(0).filter((a) => a.startsWith('PR-'))).toEqual([]);
      expect(adj(0)).not.toContain('CO-96');
    }
    // Without a preventive diagnosis the plan's cost sharing applies.
    const sick = both(
      input({
        payerId: 'commercial-ppo',
        diagnoses: ['I10'],
        lines: [{ code: '99396', charge: '200.00' }],
      }),
    );
    expect(sick.adj(0).some((a) => a.startsWith('PR-'))).toBe(true);
  });

  it('a Part B drug (status E/X) is priced on the ASP file, even for a date before the oldest quarter on hand, never CO-96 "non-covered"', () => {
    const { j, adj } = both(
      input({
        date: '2023-08-10',
        diagnoses: ['N20.1'],
        lines: [{ code: 'J1885', charge: '20.00', modifiers: ['JZ'], units: 2 }],
      }),
    );
    expect(adj(0)).not.toContain('CO-96');
    expect(j.lines[0]!.allowed).toBe('0.61');
    expect(j.lines[0]!.pricingSource).toMatch(/oldest quarter loaded, not the one for 2023-08-10/);
  });

  it('a status X lab with no rate on hand is "not priced on the PFS": CO-16 + N65 with an info finding, not CO-96/N130', () => {
    if (!service.fees.mpfs) return; // the status comes from the MPFS bundle
    const { r, j, adj } = both(
      input({ diagnoses: ['Z11.59'], lines: [{ code: 'G0472', charge: '30.00' }] }),
    );
    expect(adj(0)).toEqual(['CO-16']);
    expect(j.lines[0]!.remarks).toEqual(['N65']);
    const f = r.findings.find((x) => x.id === 'pricing.rate-not-on-file');
    expect(f?.severity).toBe('info');
    expect(f?.message).toMatch(/not a non-covered service/);
  });

  it('assignment: provider.acceptsAssignment is read; an unassigned claim pays the beneficiary (Pub. 100-04 ch. 1 §30.3)', () => {
    const met = { deductibleMet: '257.00', outOfPocketMet: '0.00' };
    const run = (acceptsAssignment: boolean) =>
      both(
        input({
          provider: { participating: false, acceptsAssignment },
          accumulators: met,
          diagnoses: ['I10'],
          lines: [{ code: '99213', charge: '120.00' }],
        }),
      ).j.lines[0]!;
    const assigned = run(true);
    expect(assigned.paidTo).not.toBe('patient');
    expect(Number(assigned.paid)).toBeGreaterThan(0);
    const unassigned = run(false);
    expect(unassigned.paidTo).toBe('patient');
    expect(unassigned.remarks).toContain('MA28');
  });

  it('an unassigned place of service (29) is rejected CO-16 + MA130 + M77', () => {
    const { scrub, j } = both(
      input({
        provider: { pos: '29' },
        diagnoses: ['I10'],
        lines: [{ code: '99213', charge: '120.00' }],
      }),
    );
    expect(ids(scrub, 'error')).toEqual(['claim.invalid-field@-']);
    expect(j.status).toBe('rejected');
    expect(j.claimRemarks).toEqual(['MA130', 'M77']);
  });

  it('the remark names the right provider: N257 for the billing NPI, N290 for the rendering NPI', () => {
    const bad = '1234567890';
    const billing = both(
      input({
        provider: { npi: bad },
        diagnoses: ['I10'],
        lines: [{ code: '99213', charge: '120.00' }],
      }),
    );
    const rendering = both(
      input({
        provider: { renderingNpi: bad },
        diagnoses: ['I10'],
        lines: [{ code: '99213', charge: '120.00' }],
      }),
    );
    expect(billing.j.claimRemarks).toEqual(['MA130', 'N257']);
    expect(rendering.j.claimRemarks).toEqual(['MA130', 'N290']);
  });
});

describe('ICD-10-CM conventions the guidelines presume', () => {
  const dx = (diagnoses: string[]) =>
    both(input({ diagnoses, lines: [{ code: '99213', charge: '120.00', dxPointers: [1, 2] }] }))
      .scrub;

  it('I12.9 with N18.6: the combination finding says I12.0, not another N18 code (§I.C.9.a.2)', () => {
    const f = dx(['I12.9', 'N18.6']).find((x) => x.id === 'icd10cm.combination');
    expect(f?.message).toMatch(/I12\.0/);
    expect(f?.message).not.toMatch(/N18\.[0-59]/);
  });

  it('hypertension with heart failure (I11.0) and diabetes with CKD (E11.22) are presumed linked (§I.A.15 "with")', () => {
    expect(dx(['I10', 'I50.9']).find((x) => x.id === 'icd10cm.combination')?.message).toMatch(
      /I11\.0/,
    );
    expect(dx(['E11.9', 'N18.30']).find((x) => x.id === 'icd10cm.combination')?.message).toMatch(
      /E11\.22/,
    );
  });

  it('sequencing: a sequela before its residual is a warning; an external cause first-listed an error (§I.B.10, §I.C.20)', () => {
    expect(ids(dx(['S52.501S', 'M25.631']))).toContain('icd10cm.sequencing@-');
    expect(ids(dx(['M25.631', 'S52.501S']))).not.toContain('icd10cm.sequencing@-');
    expect(ids(dx(['W19.XXXA', 'S52.501A']), 'error')).toContain('icd10cm.sequencing@-');
  });

  it('a "use additional code" note the guidelines make optional ("if known") is info, not a warning (§I.B.7)', () => {
    const f = dx(['J06.9', 'I10']).filter((x) => x.id === 'icd10cm.use-additional');
    expect(f.length).toBeGreaterThan(0);
    expect(f.every((x) => x.severity === 'info')).toBe(true);
  });
});
