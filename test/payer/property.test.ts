/**
 * Property: every remittance balances. Over generated claims, payers (the starter profiles with
 * randomised amounts and knobs), findings, accumulators and primary/secondary pairs:
 * billed = paid + Σ adjustments on every line; patient responsibility = Σ PR; totals add up;
 * nothing is negative; allowed never exceeds billed; the secondary never leaves the patient
 * more than the primary did.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/domain/claim/claim';
import type { Finding, FindingId } from '../../src/domain/findings';
import { cents, formatMoney } from '../../src/domain/money';
import { adjudicate } from '../../src/domain/payer/adjudicate';
import { behaviourOn, type PayerProfile } from '../../src/domain/payer/profile';
import {
  lineBalances,
  patientResponsibility,
  type Remittance,
} from '../../src/domain/payer/remittance/remittance';
import { starterFees, starterPayers } from '../../src/services/shipped';
import { fixtureMpfs } from './fixtures/mpfs';
import type { ProviderWithAssignment } from '../../src/domain/payer/cost-sharing/assignment';

const RUNS = 10_000;
const CODES = [
  '99213',
  '99214',
  '20610',
  '11055',
  '17000',
  '99397',
  '36415',
  '93000',
  'G0439',
  '83036',
  '80061',
  '99999',
  'A9999',
  '90686',
  '72148',
  '88305',
  '96372',
  '73030',
  'G0444',
  '99497',
];
const MODS = ['25', '50', 'GA', 'GY', '59', 'RT', '26', '33'];
const IDS: FindingId[] = [
  'ncci.ptp',
  'ncci.mue',
  'coverage.medical-necessity',
  'auth.missing',
  'mce.age',
  'modifier.missing',
  'code.invalid',
  'claim.invalid-field',
  'claim.duplicate',
  'icd10cm.excludes1',
  // Ids added by the edit engine after this payer module (or unknown ones): must never crash.
  'code.add-on-without-primary',
  'coverage.add-on-not-payable',
  'future.unknown-id' as FindingId,
];
const base = [...starterPayers().values()];
const feesWith = starterFees(fixtureMpfs());
const feesWithout = starterFees();

const money = (max: number) => fc.integer({ min: 0, max }).map(cents);

const payerArb = fc
  .record({
    which: fc.integer({ min: 0, max: base.length - 1 }),
    ded: money(300_000),
    coins: fc.double({ min: 0, max: 1, noNaN: true }),
    oop: fc.option(money(800_000), { nil: null }),
    copay: fc.option(money(10_000), { nil: null }),
    seq: fc.double({ min: 0, max: 0.05, noNaN: true }),
    doc: fc.double({ min: 0, max: 0.5, noNaN: true }),
    mod25: fc.constantFrom(
      'accept' as const,
      'require-distinct-diagnosis' as const,
      'require-records' as const,
    ),
    ncci: fc.boolean(),
    dx: fc.constantFrom('reject' as const, 'deny-146' as const),
  })
  .map(({ which, ded, coins, oop, copay, seq, doc, mod25, ncci, dx }): PayerProfile => {
    const p = structuredClone(base[which]!);
    const d = (v: unknown) => [{ from: '2000-01-01', to: null, value: v, source: 'test' }];
    p.deductible = d(ded) as PayerProfile['deductible'];
    p.coinsurance = d(coins) as PayerProfile['coinsurance'];
    p.outOfPocketMax = d(oop) as PayerProfile['outOfPocketMax'];
    p.costSharing = {
      ...p.costSharing,
      'office-visit': {
        deductible: copay === null,
        coinsurance: null,
        copay: copay ?? cents(1000),
      },
    };
    if (p.kind === 'medicare') p.sequestration = d(seq) as typeof p.sequestration;
    p.behaviour = {
      ...behaviourOn(p, '2026-01-01'),
      documentationRequestRate: doc,
      modifier25: mod25,
      invalidDiagnosis: dx,
      ncci: { apply: ncci, carc: '97' },
    };
    return p;
  });

const lineArb = fc.record({
  code: fc.constantFrom(...CODES),
  modifiers: fc.subarray(MODS, { maxLength: 3 }),
  units: fc.integer({ min: 1, max: 4 }),
  dxPointers: fc.subarray([1, 2, 3], { minLength: 1 }),
  charge: fc.integer({ min: 1, max: 300_000 }).map(cents),
});

const claimArb = fc.record({
  lines: fc.array(lineArb, { minLength: 1, maxLength: 6 }),
  pos: fc.constantFrom('11', '22', '21', '02', '12'),
  locality: fc.constantFrom('10112-00', '01112-05', '', '1112-5'),
  participating: fc.option(fc.boolean(), { nil: undefined }),
  acceptsAssignment: fc.option(fc.boolean(), { nil: undefined }),
  dedMet: money(300_000),
  oopMet: money(900_000),
  late: fc.boolean(),
  auth: fc.option(fc.constantFrom('PA123', 'BAD'), { nil: null }),
  freq: fc.constantFrom('1' as const, '1' as const, '7' as const),
  // Dual eligibility: QMBs may not be billed Medicare cost sharing (qmb.ts).
  dual: fc.constantFrom(undefined, undefined, 'qmb' as const, 'slmb' as const),
});

const findingArb = (nLines: number) =>
  fc.array(
    fc.record({
      id: fc.constantFrom(...IDS),
      severity: fc.constantFrom('error' as const, 'warning' as const),
      line: fc.option(fc.integer({ min: 1, max: nLines }), { nil: null }),
      diag: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
    }),
    { maxLength: 3 },
  );

type GenClaim = typeof claimArb extends fc.Arbitrary<infer T> ? T : never;

function toClaim(c: GenClaim, i: number): Claim {
  return {
    claimId: `p${i}`,
    payerId: 'x',
    frequency: c.freq,
    originalClaimId: c.freq === '1' ? null : 'ORIG1',
    patient: {
      sex: 'F',
      birthDate: '1950-01-01',
      memberId: 'M1',
      ...(c.dual ? { dualStatus: c.dual } : {}),
    },
    provider: {
      npi: '1234567893',
      pos: c.pos,
      locality: c.locality,
      ...(c.participating === undefined ? {} : { participating: c.participating }),
      ...(c.acceptsAssignment === undefined ? {} : { acceptsAssignment: c.acceptsAssignment }),
    } as ProviderWithAssignment,
    serviceDate: '2026-03-02',
    submissionDate: c.late ? '2027-06-01' : '2026-03-05',
    diagnoses: ['E11.9', 'I10', 'M17.11'],
    lines: c.lines,
    priorAuthNumber: c.auth,
    accumulators: { deductibleMet: c.dedMet, outOfPocketMet: c.oopMet },
  };
}

function checkRemit(r: Remittance, claim: Claim): string | null {
  // A rejection is not adjudicated: no lines, nothing paid, nothing owed.
  if (r.status === 'rejected')
    return r.lines.length === 0 &&
      r.totals.paid === 0 &&
      r.totals.patientResponsibility === 0 &&
      r.payerClaimNumber === null
      ? null
      : 'a rejection has remittance lines or money';
  if (r.lines.length !== claim.lines.length) return 'line count';
  for (const l of r.lines) {
    if (!lineBalances(l))
      return `line ${l.line} does not balance: ${formatMoney(l.billed)} vs paid ${formatMoney(l.paid)} + ${JSON.stringify(l.adjustments)}`;
    if (l.paid < 0 || l.allowed < 0 || l.adjustments.some((a) => a.amount <= 0))
      return `negative or zero amount on line ${l.line}`;
    if (l.allowed > l.billed) return `allowed over billed on line ${l.line}`;
    if (l.paid > l.allowed && r.payerSequence === 1) return `paid over allowed on line ${l.line}`;
  }
  const pr = r.lines.reduce((s, l) => s + patientResponsibility(l.adjustments), 0);
  if (pr !== r.totals.patientResponsibility) return 'patient responsibility ≠ Σ PR';
  if (r.totals.paid !== r.lines.reduce((s, l) => s + l.paid, 0)) return 'paid total';
  if (r.totals.billed !== r.lines.reduce((s, l) => s + l.billed, 0)) return 'billed total';
  if (r.accumulatorsAfter.deductibleMet < r.accumulatorsBefore.deductibleMet)
    return 'deductible accumulator went down';
  // QMB: the patient owes only PR that is not Medicare cost sharing (e.g. PR-50 after an ABN).
  if (claim.patient.dualStatus === 'qmb' && r.claimFilingIndicator === 'MB' && r.lines.length > 0) {
    const other = r.lines.reduce(
      (s, l) =>
        s +
        l.adjustments
          .filter((a) => a.group === 'PR' && !['1', '2', '3', '45'].includes(a.carc))
          .reduce((t, a) => t + a.amount, 0),
      0,
    );
    if (!r.balanceBilling || r.balanceBilling.patientOwes !== other) return 'QMB patient owes';
    if (r.balanceBilling.patientOwes + r.balanceBilling.protectedAmount !== pr)
      return 'QMB protected + owed ≠ Σ PR';
  } else if (r.balanceBilling && claim.patient.dualStatus !== 'qmb')
    return 'balance-billing protection without QMB';
  return null;
}

/**
 * A replacement (frequency 7, or a Medicare reopening) takes the original back in full and then
 * pays exactly as if the corrected claim had been the first one: reversal lines balance and
 * negate the original, and the new lines and accumulators equal a fresh adjudication. A void
 * leaves the accumulators where they were before the original.
 */
function checkReplacement(
  r1: Remittance,
  claim: Claim,
  payer: PayerProfile,
  fees: ReturnType<typeof starterFees>,
  seed: number,
  findings: Finding[],
): string | null {
  const reopening = payer.corrections === 'reopening';
  const ctx = { payer, fees, seed, findings, authorizations: ['PA123'] };
  const corrected: Claim = {
    ...claim,
    frequency: reopening ? '1' : '7',
    originalClaimId: r1.payerClaimNumber,
    lines: claim.lines.map((l, i) => (i === 0 ? { ...l, units: l.units === 1 ? 2 : 1 } : l)),
  };
  const r2 = adjudicate(corrected, {
    ...ctx,
    original: r1,
    accumulators: r1.accumulatorsAfter,
    ...(reopening
      ? { reopening: { requestDate: '2026-04-01', reason: 'clerical-error' as const, changes: [] } }
      : {}),
  });
  const fresh = adjudicate(
    { ...corrected, frequency: '1' },
    {
      ...ctx,
      accumulators: r1.accumulatorsBefore,
    },
  );
  if (r2.status === 'rejected') return fresh.status === 'rejected' ? null : 'replacement rejected';
  const v = r2.reversal;
  if (!v) return 'no reversal';
  if (v.payerClaimNumber !== r1.payerClaimNumber) return 'reversal names another claim';
  for (const [k, l] of v.lines.entries()) {
    const o = r1.lines[k]!;
    if (!lineBalances(l)) return `reversal line ${l.line} does not balance`;
    if (l.billed !== -o.billed || l.paid !== -o.paid || l.allowed !== -o.allowed)
      return `reversal line ${l.line} does not negate the original`;
  }
  const strip = (r: Remittance) => JSON.stringify({ lines: r.lines, acc: r.accumulatorsAfter });
  if (strip(r2) !== strip(fresh)) return 'replacement does not pay like a fresh claim';
  if (!reopening) {
    const voided = adjudicate(
      { ...claim, frequency: '8', originalClaimId: r1.payerClaimNumber },
      { ...ctx, original: r1, accumulators: r1.accumulatorsAfter },
    );
    if (voided.status !== 'voided' || voided.lines.length !== 0) return 'void not voided';
    if (JSON.stringify(voided.accumulatorsAfter) !== JSON.stringify(r1.accumulatorsBefore))
      return 'void did not restore the accumulators';
    if (voided.totals.paid + (voided.reversal?.totals.paid ?? 0) !== -r1.totals.paid)
      return 'void net payment is not minus the original payment';
  }
  return null;
}

describe('every remittance balances (property)', () => {
  it(`holds over ${RUNS} generated claims, plans, payers and COB pairs`, () => {
    let i = 0;
    const seen = {
      paid: 0,
      partially: 0,
      denied: 0,
      rejected: 0,
      voided: 0,
      secondary: 0,
      replaced: 0,
    };
    fc.assert(
      fc.property(
        claimArb.chain((c) =>
          fc.tuple(
            fc.constant(c),
            findingArb(c.lines.length),
            payerArb,
            payerArb,
            fc.boolean(),
            fc.boolean(),
            fc.nat(),
          ),
        ),
        ([c, fs, payer, payer2, withMpfs, cob, seed]) => {
          const claim = toClaim(c, i++);
          const findings: Finding[] = fs.map((f) => ({
            id: f.id,
            severity: f.severity,
            line: f.diag !== undefined ? null : f.line,
            codes: [],
            message: 'generated',
            reference: f.id === 'coverage.medical-necessity' ? 'NCD 190.23' : 'test',
            ...(f.diag !== undefined ? { diagnosisIndex: f.diag } : {}),
          }));
          const fees = withMpfs ? feesWith : feesWithout;
          const r1 = adjudicate(claim, { payer, fees, seed, findings, authorizations: ['PA123'] });
          const e1 = checkRemit(r1, claim);
          if (e1) throw new Error(`${e1}\n${JSON.stringify({ claim, payer: payer.id, findings })}`);
          seen[r1.status === 'partially-paid' ? 'partially' : r1.status]++;
          if (r1.status !== 'rejected') {
            const e3 = checkReplacement(r1, claim, payer, fees, seed, findings);
            if (e3)
              throw new Error(`replacement: ${e3}\n${JSON.stringify({ claim, payer: payer.id })}`);
            seen.replaced++;
          }
          if (cob && r1.status !== 'rejected') {
            const r2 = adjudicate(claim, {
              payer: payer2,
              fees,
              seed,
              findings: [],
              cob: { primary: r1 },
            });
            const e2 = checkRemit(r2, claim);
            if (e2) throw new Error(`secondary: ${e2}`);
            // Medicaid after Medicare for a QMB: no cost sharing is left to the patient.
            if (
              c.dual === 'qmb' &&
              payer.kind === 'medicare' &&
              payer2.kind === 'medicaid' &&
              r2.lines.some((l) =>
                l.adjustments.some((a) => a.group === 'PR' && ['1', '2', '3'].includes(a.carc)),
              )
            )
              throw new Error(`secondary: Medicaid left a QMB cost sharing`);
            if (r2.status !== 'rejected') {
              seen.secondary++;
              for (const l of r2.lines) {
                const p = r1.lines.find((x) => x.line === l.line)!;
                if (patientResponsibility(l.adjustments) > patientResponsibility(p.adjustments))
                  throw new Error(
                    `secondary left the patient more than the primary on line ${l.line}`,
                  );
              }
            }
          }
        },
      ),
      { numRuns: RUNS, seed: 20260302 },
    );
    // The generator reaches every outcome (else the property would be vacuous).
    expect(seen.paid).toBeGreaterThan(100);
    expect(seen.partially).toBeGreaterThan(100);
    expect(seen.denied).toBeGreaterThan(100);
    expect(seen.rejected).toBeGreaterThan(100);
    expect(seen.secondary).toBeGreaterThan(1000);
    expect(seen.replaced).toBeGreaterThan(1000);
  });
});
