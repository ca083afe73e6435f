/**
 * The trainee's line-by-line posting, checked against the remittance: the expected posting of
 * each line (payment, CO/OA/PI written off, PR by reason to the patient, denials parked, the
 * take-back), a posting that does not balance refused with the line and the field named, and the
 * judgement: PR written off loses revenue, CO (or a QMB's cost sharing) to the patient overbills,
 * PR under the wrong CARC, a denial written off at posting, a missed take-back.
 * See: DOMAIN.md §6 ("every line balances"), §7 (group codes, CARC 1/2/3), §8 (wrong moves).
 */
import { describe, expect, it } from 'vitest';
import { practiceEffects } from '../../src/cli/commands/simulate';
import { starterCatalog } from '../../src/codesets/starter';
import { shippedPayerService } from '../../src/services/shipped';
import { cents, type Cents } from '../../src/domain/money';
import type { Claim } from '../../src/domain/claim/claim';
import {
  remittanceOf,
  type RemitLine,
  type Remittance,
} from '../../src/domain/payer/remittance/remittance';
import {
  checkPostingBalance,
  expectedLinePostings,
  judgeLinePosting,
  postingTotals,
  type LinePosting,
  type RemittancePosting,
} from '../../src/machines/posting';
import { WRONG_MOVES } from '../../src/machines/practice/decisions';
import { postingOf, blankPosting } from '../../src/state/practice-posting';

const claim: Claim = {
  claimId: 'PL-1',
  payerId: 'medicare',
  frequency: '1',
  originalClaimId: null,
  patient: {
    sex: 'M',
    birthDate: '1948-08-09',
    memberId: '1EG4TE5MK01',
    firstName: 'W',
    lastName: 'N',
  },
  provider: { npi: '1234567893', pos: '11', locality: '10112-00' },
  serviceDate: '2026-03-02',
  submissionDate: '2026-03-03',
  diagnoses: ['I10'],
  lines: [{ code: '99213', modifiers: [], units: 1, dxPointers: [1], charge: cents(12_000) }],
  priorAuthNumber: null,
  accumulators: { deductibleMet: cents(28_300), outOfPocketMet: cents(0) },
  accumulatorsGiven: true,
};

/** A Medicare 99213 after the deductible: CO-45 and PR-2 coinsurance (a real adjudication). */
const paid = () =>
  practiceEffects(shippedPayerService(), starterCatalog(), 1).adjudicate(claim, '2026-03-04');

const c = (n: number) => n as Cents;
const line = (over: Partial<RemitLine> & Pick<RemitLine, 'line' | 'billed'>): RemitLine => ({
  code: '99213',
  modifiers: [],
  units: 1,
  serviceDate: '2026-03-02',
  allowed: c(0),
  paid: c(0),
  adjustments: [],
  remarks: [],
  ...over,
});
const remit = (lines: RemitLine[], over: Partial<Remittance> = {}): Remittance =>
  remittanceOf({
    claimId: 'PL-2',
    payerId: 'medicare',
    payerName: 'Medicare',
    status: 'partially-paid',
    payerClaimNumber: 'ICN1',
    lines,
    ...over,
  });

const with_ = (
  p: RemittancePosting,
  n: number,
  patch: Partial<LinePosting>,
): RemittancePosting => ({
  ...p,
  lines: p.lines.map((l) => (l.line === n ? { ...l, ...patch } : l)),
});

describe('expected line postings', () => {
  it('a paid Medicare line: payment, CO-45 written off, PR-2 coinsurance to the patient; it balances', () => {
    const r = paid();
    const e = expectedLinePostings(r);
    const l = e.lines[0]!;
    expect(l.payment).toBe(r.lines[0]!.paid);
    expect(l.coinsurance).toBeGreaterThan(0);
    expect(l.deductible + l.copay + l.parked).toBe(0);
    expect(l.payment + l.contractual + l.coinsurance).toBe(12_000);
    expect(checkPostingBalance(r, e)).toEqual([]);
    const d = judgeLinePosting(r, e, '2026-03-20', { encounterId: 'enc-1' });
    expect(d).toMatchObject({ kind: 'posting', right: true, errors: [], manual: true });
    expect(postingTotals(e)).toEqual({
      payment: l.payment,
      contractual: l.contractual,
      toPatient: l.coinsurance,
    });
  });

  it('PR by reason (1, 2, 3, other); a denied line parked; a QMB cost sharing written off', () => {
    const r = remit([
      line({
        line: 1,
        billed: c(10_000),
        allowed: c(8_000),
        paid: c(4_000),
        adjustments: [
          { group: 'CO', carc: '45', amount: c(2_000) },
          { group: 'PR', carc: '1', amount: c(2_000) },
          { group: 'PR', carc: '2', amount: c(1_000) },
          { group: 'PR', carc: '3', amount: c(1_000) },
        ],
      }),
      line({
        line: 2,
        code: '11100',
        billed: c(5_000),
        adjustments: [{ group: 'CO', carc: '97', amount: c(5_000) }],
      }),
    ]);
    const [a, b] = expectedLinePostings(r).lines;
    expect(a).toMatchObject({
      payment: 4_000,
      contractual: 2_000,
      deductible: 2_000,
      coinsurance: 1_000,
      copay: 1_000,
      parked: 0,
    });
    expect(b).toMatchObject({ payment: 0, contractual: 0, parked: 5_000 });
    const qmb = expectedLinePostings({
      ...r,
      balanceBilling: {
        reason: 'qmb',
        dualStatus: 'qmb-plus',
        protectedAmount: c(4_000),
        patientOwes: c(0),
        source: 'x',
      },
    }).lines[0]!;
    expect(qmb).toMatchObject({ contractual: 6_000, deductible: 0, coinsurance: 0, copay: 0 });
  });

  it('a take-back: the reversed payment is posted as recouped', () => {
    const r = remit(
      [
        line({
          line: 1,
          billed: c(8_500),
          allowed: c(6_000),
          paid: c(4_800),
          adjustments: [
            { group: 'CO', carc: '45', amount: c(2_500) },
            { group: 'PR', carc: '2', amount: c(1_200) },
          ],
        }),
      ],
      {
        reversal: {
          claimId: 'PL-1',
          payerClaimNumber: 'ICN0',
          lines: [line({ line: 1, billed: c(-12_000), paid: c(-7_000) })],
          totals: {
            billed: c(-12_000),
            allowed: c(-9_000),
            paid: c(-7_000),
            patientResponsibility: c(-2_000),
          },
          credits: { deductible: c(0), outOfPocket: c(0) },
        },
      },
    );
    const e = expectedLinePostings(r);
    expect(e.takeBack).toBe(7_000);
    expect(postingTotals(e).payment).toBe(4_800 - 7_000);
    expect(judgeLinePosting(r, e, '2026-04-10').right).toBe(true);
    const missed = judgeLinePosting(r, { ...e, takeBack: c(0) }, '2026-04-10');
    expect(missed.right).toBe(false);
    expect(missed.rationale).toMatch(/^Take-back: the payer recouped \$70\.00/);
  });
});

describe('posting checks', () => {
  it('refuses a line that does not balance, naming the line and the field', () => {
    const r = paid();
    const e = expectedLinePostings(r);
    const short = with_(e, 1, { contractual: c(e.lines[0]!.contractual - 100) });
    const p = checkPostingBalance(r, short);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ line: 1, field: 'contractual' });
    expect(p[0]!.message).toMatch(
      /^Line 1 \(99213\) does not balance: billed \$120\.00, posted \$119\.00 \(short by \$1\.00\)/,
    );
    expect(p[0]!.message).toMatch(/check the contractual adjustment \(CO\/OA\/PI\)/);
    const wrongPay = with_(e, 1, { payment: c(e.lines[0]!.payment + 500) });
    expect(checkPostingBalance(r, wrongPay)[0]).toMatchObject({ field: 'payment' });
    expect(checkPostingBalance(r, { ...e, lines: [] })[0]!.message).toBe(
      'Line 1 (99213) has not been posted.',
    );
    expect(checkPostingBalance(r, with_(e, 1, { copay: c(-1) }))[0]).toMatchObject({
      field: 'copay',
    });
  });

  it('the form: blank is $0.00; text that is not money names line and field', () => {
    const f = blankPosting([{ line: 1, code: '99213' }]);
    f.lines[0]!.payment = '61.76';
    f.lines[0]!.coinsurance = 'abc';
    const out = postingOf(f);
    expect(out.ok).toBe(false);
    if (!out.ok)
      expect(out.problems).toEqual([
        {
          line: 1,
          field: 'coinsurance',
          message: 'Line 1 (99213) coinsurance (PR-2): "abc" is not an amount (e.g. 12.34).',
        },
      ]);
    f.lines[0]!.coinsurance = '$15.44';
    const ok = postingOf(f);
    expect(ok.ok && ok.value.lines[0]).toMatchObject({
      payment: 6_176,
      coinsurance: 1_544,
      contractual: 0,
    });
  });

  it('PR written off loses revenue; CO moved to the patient overbills them', () => {
    const r = paid();
    const e = expectedLinePostings(r);
    const l = e.lines[0]!;
    const prOff = judgeLinePosting(
      r,
      with_(e, 1, { coinsurance: c(0), contractual: c(l.contractual + l.coinsurance) }),
      'd',
    );
    expect(prOff.right).toBe(false);
    expect(prOff.rationale).toContain(WRONG_MOVES.prAsContractual);
    expect(prOff.errors).toHaveLength(1);
    const coOn = judgeLinePosting(
      r,
      with_(e, 1, { contractual: c(0), otherPatient: c(l.contractual) }),
      'd',
    );
    expect(coOn.right).toBe(false);
    expect(coOn.rationale).toContain(WRONG_MOVES.coToPatient);
  });

  it('PR under the wrong reason, a denial written off or billed at posting, QMB cost sharing to the patient', () => {
    const r = paid();
    const e = expectedLinePostings(r);
    const l = e.lines[0]!;
    const reason = judgeLinePosting(
      r,
      with_(e, 1, { coinsurance: c(0), deductible: l.coinsurance }),
      'd',
    );
    expect(reason.rationale).toMatch(/wrong reasons \(PR-1 deductible is \$0\.00/);

    const denied = remit([
      line({
        line: 1,
        billed: c(5_000),
        adjustments: [{ group: 'CO', carc: '50', amount: c(5_000) }],
      }),
    ]);
    const de = expectedLinePostings(denied);
    const off = judgeLinePosting(
      denied,
      with_(de, 1, { parked: c(0), contractual: c(5_000) }),
      'd',
    );
    expect(off.rationale).toMatch(/CO-50 denial was written off at posting; park it for follow-up/);
    const billed = judgeLinePosting(
      denied,
      with_(de, 1, { parked: c(0), otherPatient: c(5_000) }),
      'd',
    );
    expect(billed.rationale).toContain(WRONG_MOVES.coToPatient);
    expect(judgeLinePosting(denied, de, 'd').right).toBe(true);

    const qmbRemit = {
      ...r,
      balanceBilling: {
        reason: 'qmb' as const,
        dualStatus: 'qmb-plus' as const,
        protectedAmount: c(l.coinsurance),
        patientOwes: c(0),
        source: 'x',
      },
    };
    const qe = expectedLinePostings(qmbRemit);
    const q = judgeLinePosting(
      qmbRemit,
      with_(qe, 1, { contractual: l.contractual, coinsurance: l.coinsurance }),
      'd',
    );
    expect(q.rationale).toContain(WRONG_MOVES.qmbCostSharing);
  });

  it('several errors are all kept; the rationale is the first', () => {
    const r = remit([
      line({
        line: 1,
        billed: c(10_000),
        allowed: c(8_000),
        paid: c(6_400),
        adjustments: [
          { group: 'CO', carc: '45', amount: c(2_000) },
          { group: 'PR', carc: '2', amount: c(1_600) },
        ],
      }),
      line({
        line: 2,
        code: '11100',
        billed: c(5_000),
        adjustments: [{ group: 'CO', carc: '97', amount: c(5_000) }],
      }),
    ]);
    const e = expectedLinePostings(r);
    const bad = with_(with_(e, 1, { coinsurance: c(0), contractual: c(3_600) }), 2, {
      parked: c(0),
      contractual: c(5_000),
    });
    expect(checkPostingBalance(r, bad)).toEqual([]);
    const d = judgeLinePosting(r, bad, '2026-03-20');
    expect(d.errors).toHaveLength(2);
    expect(d.rationale).toBe(d.errors![0]);
    expect(d.errors![1]).toMatch(/^Line 2 \(11100\)/);
  });
});
