/**
 * Corrected claims, voids, Medicare reopenings and the payer ledger (accumulators across claims
 * and benefit years). Amounts use the fixture MPFS: 99213 non-facility at 10112-00 and the
 * commercial plan's 125% of Medicare; each expectation states how it is reached.
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/domain/claim/claim';
import { formatMoney } from '../../src/domain/money';
import { adjudicate } from '../../src/domain/payer/adjudicate';
import { benefitYearOf } from '../../src/domain/payer/cost-sharing/benefit-year';
import { PayerLedger } from '../../src/domain/payer/ledger';
import { behaviourOn, parsePayerProfile } from '../../src/domain/payer/profile';
import {
  remittanceJson,
  lineBalances,
  netPaid,
} from '../../src/domain/payer/remittance/remittance';
import { remittanceFromJson } from '../../src/domain/payer/remittance/remittance-json';
import { reopen } from '../../src/domain/payer/corrections/reopening';
import { read835, write835 } from '../../src/interop/x12/835';
import { $, claim, fees, line, payer } from './helpers';
import { shippedFile } from '../support/packs';
import {
  basePatient,
  baseProvider,
  claimInput,
  commercialClaim,
  medicareClaim,
} from '../factories';

const ppo = payer('commercial-ppo');
const mcr = payer('medicare');
const m = formatMoney;

const ppoClaim = (more: Partial<Claim> = {}) =>
  commercialClaim({
    claimId: 'P-1',
    lines: [line('99213', '150.00'), line('20610', '250.00', { modifiers: ['RT'] })],
    ...more,
  });

describe('replacement claims (frequency 7)', () => {
  it('reverses the original in full, gives its shares back and pays the corrected claim as new', () => {
    const r1 = adjudicate(ppoClaim(), { payer: ppo, fees });
    expect(r1.status).not.toBe('rejected');
    const fix = ppoClaim({
      claimId: 'P-2',
      frequency: '7',
      originalClaimId: r1.payerClaimNumber,
      lines: [line('20610', '250.00', { modifiers: ['RT'] })],
    });
    const r2 = adjudicate(fix, {
      payer: ppo,
      fees,
      original: r1,
      accumulators: r1.accumulatorsAfter,
    });
    const v = r2.reversal!;
    expect(v.payerClaimNumber).toBe(r1.payerClaimNumber);
    expect(v.claimId).toBe('P-1');
    // Every reversed line is the original negated, and still balances.
    v.lines.forEach((l, i) => {
      const o = r1.lines[i]!;
      const neg = (n: number) => (n === 0 ? 0 : -n);
      expect([l.billed, l.allowed, l.paid]).toEqual([neg(o.billed), neg(o.allowed), neg(o.paid)]);
      expect(lineBalances(l)).toBe(true);
    });
    // Deductible and out-of-pocket used by the original are credited back...
    const pr1 = r1.lines.flatMap((l) => l.adjustments).filter((a) => a.group === 'PR');
    expect(v.credits.deductible).toBe(
      pr1.filter((a) => a.carc === '1').reduce((s, a) => s + a.amount, 0),
    );
    // ...so the corrected claim pays exactly like a first claim from the original's starting point.
    const fresh = adjudicate(
      { ...fix, frequency: '1', originalClaimId: null },
      { payer: ppo, fees },
    );
    expect(remittanceJson(r2).lines).toEqual(remittanceJson(fresh).lines);
    expect(r2.accumulatorsAfter).toEqual(fresh.accumulatorsAfter);
    // The provider's net is the new payment minus what was taken back.
    expect(netPaid(r2)).toBe(r2.totals.paid - r1.totals.paid);
  });

  it('rejects a replacement whose original the payer has not adjudicated, or was rejected', () => {
    const r = adjudicate(ppoClaim({ frequency: '7', originalClaimId: 'NOPE' }), {
      payer: ppo,
      fees,
    });
    expect(r.status).toBe('rejected');
    const f = r.findings.find((x) => x.id === 'claim.original-not-found')!;
    expect(f.field).toBe('originalClaimId');
    expect(f.message).toMatch(/no adjudicated claim "NOPE"/);
    const rejected = adjudicate(ppoClaim(), {
      payer: ppo,
      fees,
      findings: [
        {
          id: 'claim.missing-field',
          severity: 'error',
          line: null,
          codes: [],
          message: 'no member id',
          reference: 'test',
          field: 'patient.memberId',
        },
      ],
    });
    expect(rejected.status).toBe('rejected');
    const r2 = adjudicate(ppoClaim({ frequency: '7', originalClaimId: 'P-1' }), {
      payer: ppo,
      fees,
      original: rejected,
    });
    expect(r2.findings.find((x) => x.id === 'claim.original-not-found')?.message).toMatch(
      /never adjudicated.*new claim/,
    );
  });

  it('refuses to take back another member’s claim', () => {
    const r1 = adjudicate(ppoClaim(), { payer: ppo, fees });
    const other = ppoClaim({
      frequency: '7',
      originalClaimId: r1.payerClaimNumber,
      patient: { sex: 'F', birthDate: '1982-01-01', memberId: 'KH999' },
    });
    const r = adjudicate(other, { payer: ppo, fees, original: r1 });
    expect(r.status).toBe('rejected');
    expect(r.findings.find((x) => x.id === 'claim.original-not-found')?.message).toMatch(
      /KH123, not KH999/,
    );
  });

  it('Medicare takes no frequency 7 or 8 claim: it says to request a reopening', () => {
    const r1 = adjudicate(claim([line('99213', '150.00')]), { payer: mcr, fees });
    const r = adjudicate(
      claim([line('99213', '150.00')], { frequency: '7', originalClaimId: r1.payerClaimNumber }),
      {
        payer: mcr,
        fees,
        original: r1,
      },
    );
    expect(r.status).toBe('rejected');
    expect(r.findings.find((f) => f.field === 'frequency')?.message).toMatch(/request a reopening/);
  });
});

describe('voids (frequency 8)', () => {
  it('takes the original back, pays nothing new and restores the accumulators', () => {
    const r1 = adjudicate(ppoClaim(), {
      payer: ppo,
      fees,
      accumulators: { deductibleMet: $('1650.00'), outOfPocketMet: $('2000.00') },
    });
    expect(r1.totals.paid).toBe(13454);
    const v = adjudicate(
      ppoClaim({ claimId: 'P-9', frequency: '8', originalClaimId: r1.payerClaimNumber }),
      {
        payer: ppo,
        fees,
        original: r1,
        accumulators: r1.accumulatorsAfter,
        // A void is not filed late: the filing limit is for services billed, not taken back.
        receivedDate: '2027-12-01',
      },
    );
    expect(v.status).toBe('voided');
    expect(v.lines).toEqual([]);
    expect(v.payerClaimNumber).toBe(r1.payerClaimNumber);
    expect(v.accumulatorsAfter).toEqual(r1.accumulatorsBefore);
    expect(netPaid(v)).toBe(-r1.totals.paid);
  });

  it('writes the take-back as a CLP02 22 with a forwarding balance (PLB FB) and reads it back', () => {
    const r1 = adjudicate(ppoClaim(), {
      payer: ppo,
      fees,
      accumulators: { deductibleMet: $('1650.00'), outOfPocketMet: $('0.00') },
    });
    const v = adjudicate(
      ppoClaim({ claimId: 'P-9', frequency: '8', originalClaimId: r1.payerClaimNumber }),
      {
        payer: ppo,
        fees,
        original: r1,
      },
    );
    const x = write835(v);
    if (!x.ok) throw new Error(x.errors[0]!.message);
    const segs = x.value.split('~').map((s) => s.trim());
    expect(segs.find((s) => s.startsWith('BPR'))).toMatch(/^BPR\*H\*0\*C\*NON/);
    const clps = segs.filter((s) => s.startsWith('CLP'));
    expect(clps).toHaveLength(1);
    expect(clps[0]).toBe(
      `CLP*P-9*22*-400*-${m(r1.totals.paid).replace(/\.?0+$/, '')}*-${m(r1.totals.patientResponsibility).replace(/\.?0+$/, '')}*CI*${r1.payerClaimNumber}*11*8`,
    );
    expect(segs).toContain('REF*F8*P-1');
    // BPR02 (0) = ΣCLP04 (−paid) − ΣPLB (−paid).
    expect(segs.find((s) => s.startsWith('PLB'))).toMatch(
      new RegExp(`^PLB\\*1234567893\\*20261231\\*FB:${r1.payerClaimNumber}\\*-`),
    );
    const back = read835(x.value);
    if (!back.ok) throw new Error(back.errors[0]!.message);
    expect(back.value).toHaveLength(1);
    expect(back.value[0]!.status).toBe('voided');
    expect(remittanceJson(back.value[0]!).reversal).toEqual(remittanceJson(v).reversal);
  });
});

describe('Medicare reopenings', () => {
  // 99214 × 2 is denied CO-151 (MUE 1 per day); the reopening corrects the units.
  const original = () => {
    const c = claim([line('99214', '300.00', { units: 2 })], { claimId: 'M-1' });
    const r = adjudicate(c, {
      payer: mcr,
      fees,
      findings: [
        {
          id: 'ncci.mue',
          severity: 'error',
          line: 1,
          codes: ['99214'],
          message: 'units over MUE',
          reference: 'test',
        },
      ],
    });
    return { c, r };
  };
  const request = (
    o: ReturnType<typeof original>,
    more: Partial<Parameters<typeof reopen>[0]> = {},
  ) => ({
    requestDate: '2026-04-10',
    reason: 'clerical-error' as const,
    claim: { ...o.c, originalClaimId: o.r.payerClaimNumber, lines: [line('99214', '150.00')] },
    ...more,
  });

  it('revises a clerical error: the original is taken back and the corrected claim priced', () => {
    const o = original();
    expect(o.r.lines[0]!.adjustments[0]).toMatchObject({ group: 'CO', carc: '151' });
    const out = reopen(request(o), o.r, { payer: mcr, fees });
    if (out.kind !== 'revised') throw new Error(out.findings[0]!.message);
    const r = out.remittance;
    expect(r.reopening).toEqual({
      requestDate: '2026-04-10',
      reason: 'clerical-error',
      changes: ['line 1: units 2 -> 1', 'line 1: charge 300.00 -> 150.00'],
    });
    expect(r.reversal?.payerClaimNumber).toBe(o.r.payerClaimNumber);
    expect(r.receivedDate).toBe('2026-04-10');
    expect(r.status).toBe('paid');
    expect(r.lines[0]!.allowed).toBe(11549); // Medicare's 99214 at locality 10112-00
    expect(r.payerClaimNumber).not.toBe(o.r.payerClaimNumber);
  });

  it('is judged on the original filing date, so a reopening does not cure a late claim', () => {
    const late = claim([line('99214', '150.00')], { submissionDate: '2027-06-01' });
    const r = adjudicate(late, { payer: mcr, fees });
    expect(r.lines[0]!.adjustments.map((a) => a.carc)).toContain('29');
    const out = reopen(
      {
        requestDate: '2027-07-01',
        reason: 'clerical-error',
        claim: { ...late, originalClaimId: r.payerClaimNumber, lines: [line('99214', '140.00')] },
      },
      r,
      { payer: mcr, fees },
    );
    expect(
      out.kind === 'revised' && out.remittance.lines[0]!.adjustments.map((a) => a.carc),
    ).toContain('29');
  });

  it.each([
    ['after 12 months without good cause', { requestDate: '2027-04-01' }, /needs good cause/],
    [
      'after 48 months even with good cause',
      { requestDate: '2030-04-01', reason: 'good-cause' as const },
      /can no longer be reopened/,
    ],
    [
      'while a redetermination is pending',
      { appealPending: true },
      /redetermination .* is pending/,
    ],
    [
      'before the initial determination',
      { requestDate: '2026-03-01' },
      /before the initial determination/,
    ],
    ['with a date that is not a date', { requestDate: '10/04/2026' }, /requestDate/],
  ])('refuses a request %s', (_, more, msg) => {
    const o = original();
    const out = reopen(request(o, more), o.r, { payer: mcr, fees });
    expect(out.kind).toBe('refused');
    expect(out.kind === 'refused' && out.findings[0]!.id).toBe('reopening.refused');
    expect(out.kind === 'refused' && out.findings[0]!.message).toMatch(msg);
  });

  it('grants a good-cause request between 12 and 48 months', () => {
    const o = original();
    const out = reopen(request(o, { requestDate: '2028-01-10', reason: 'good-cause' }), o.r, {
      payer: mcr,
      fees,
    });
    expect(out.kind).toBe('revised');
  });

  it('sends an unprocessable (rejected) claim back to a new claim, and added services too', () => {
    const o = original();
    const rejected = adjudicate(
      claim([line('99214', '150.00')], {
        patient: { sex: 'F', birthDate: '1955-05-01', memberId: null },
      }),
      {
        payer: mcr,
        fees,
        findings: [
          {
            id: 'claim.missing-field',
            severity: 'error',
            line: null,
            codes: [],
            message: 'no member',
            reference: 't',
            field: 'patient.memberId',
          },
        ],
      },
    );
    const a = reopen(request(o), rejected, { payer: mcr, fees });
    expect(a.kind === 'refused' && a.findings[0]!.message).toMatch(/unprocessable.*new claim/);
    const b = reopen(
      request(o, {
        claim: {
          ...o.c,
          originalClaimId: o.r.payerClaimNumber,
          lines: [line('99214', '150.00'), line('G2211', '40.00')],
        },
      }),
      o.r,
      { payer: mcr, fees },
    );
    expect(b.kind === 'refused' && b.findings[0]!.message).toMatch(
      /Line 2 was not on claim .* new claim/,
    );
  });

  it('sends a records-based denial (CO-16 M127, CO-50) to a redetermination', () => {
    const c = claim([line('99214', '150.00')], { claimId: 'M-2' });
    const denied = adjudicate(c, {
      payer: {
        ...mcr,
        behaviour: { ...behaviourOn(mcr, c.serviceDate), documentationRequestRate: 1 },
      },
      fees,
    });
    expect(denied.lines[0]!.remarks).toContain('M127');
    const out = reopen(
      {
        requestDate: '2026-04-10',
        reason: 'clerical-error',
        claim: { ...c, originalClaimId: denied.payerClaimNumber, lines: [line('99214', '140.00')] },
      },
      denied,
      { payer: mcr, fees },
    );
    expect(out.kind === 'refused' && out.findings[0]!.message).toMatch(
      /CARC 16\/M127.*redetermination/,
    );
  });

  it('refuses a request that changes nothing (original claim on file) and a commercial plan', () => {
    const o = original();
    const same = reopen(
      request(o, { claim: { ...o.c, originalClaimId: o.r.payerClaimNumber } }),
      o.r,
      { payer: mcr, fees },
      o.c,
    );
    expect(same.kind === 'refused' && same.findings[0]!.message).toMatch(/changes nothing/);
    const dx = reopen(
      request(o, {
        claim: { ...o.c, originalClaimId: o.r.payerClaimNumber, diagnoses: ['E11.65', 'I10'] },
      }),
      o.r,
      { payer: mcr, fees },
      o.c,
    );
    expect(dx.kind === 'revised' && dx.remittance.reopening?.changes).toEqual([
      'diagnoses E11.9, I10, M17.11 -> E11.65, I10',
    ]);
    const c = reopen(request(o), o.r, { payer: ppo, fees });
    expect(c.kind === 'refused' && c.findings[0]!.message).toMatch(/frequency 7/);
  });

  it('through the ledger, a revised claim cannot be reopened again by its old number', () => {
    const ledger = new PayerLedger();
    const c = claim([line('99214', '300.00', { units: 2 })], {
      claimId: 'M-3',
      accumulators: undefined as never,
    });
    const r1 = ledger.adjudicate(
      { ...c, accumulators: { deductibleMet: $('0'), outOfPocketMet: $('0') } },
      { payer: mcr, fees },
    );
    const req = {
      requestDate: '2026-04-10',
      reason: 'clerical-error' as const,
      claim: {
        ...c,
        accumulators: r1.accumulatorsBefore,
        originalClaimId: r1.payerClaimNumber,
        lines: [line('99214', '150.00')],
      },
    };
    const first = ledger.reopen(req, { payer: mcr, fees });
    expect(first.kind).toBe('revised');
    const again = ledger.reopen(req, { payer: mcr, fees });
    expect(again.kind === 'refused' && again.findings[0]!.message).toMatch(
      /already revised by a reopening \(now claim M-3, .*must name/,
    );
  });
});

describe('the payer ledger: accumulators across claims and benefit years', () => {
  const visit = (id: string, date: string, more: Partial<Claim> = {}): Claim => {
    const c = claim([line('99214', '200.00')], {
      claimId: id,
      serviceDate: date,
      submissionDate: date,
      ...more,
    });
    delete c.accumulatorsGiven;
    return c;
  };

  it('a second claim after the deductible is met pays differently', () => {
    const ledger = new PayerLedger();
    const a = ledger.adjudicate(visit('A', '2026-02-02'), { payer: mcr, fees });
    const b = ledger.adjudicate(visit('B', '2026-02-09'), { payer: mcr, fees });
    const c = ledger.adjudicate(visit('C', '2026-02-16'), { payer: mcr, fees });
    // Each visit's allowed amount goes to the $283 Part B deductible until it is met.
    expect(b.accumulatorsBefore).toEqual(a.accumulatorsAfter);
    expect(c.accumulatorsBefore).toEqual(b.accumulatorsAfter);
    const carcs = (r: typeof a) => r.lines[0]!.adjustments.map((x) => x.carc);
    expect(carcs(a)).toContain('1');
    expect(a.totals.paid).toBe(0);
    expect(carcs(c)).toContain('2');
    expect(c.totals.paid).toBeGreaterThan(a.totals.paid);
  });

  it('a claim that gives its own accumulators keeps them; other members have their own', () => {
    const ledger = new PayerLedger();
    ledger.adjudicate(visit('A', '2026-02-02'), { payer: mcr, fees });
    const given = ledger.adjudicate(
      {
        ...visit('B', '2026-02-09'),
        accumulators: { deductibleMet: $('283.00'), outOfPocketMet: $('0') },
        accumulatorsGiven: true,
      },
      { payer: mcr, fees },
    );
    expect(given.accumulatorsBefore.deductibleMet).toBe($('283.00'));
    const other = ledger.adjudicate(
      visit('C', '2026-02-09', {
        patient: { sex: 'M', birthDate: '1950-01-01', memberId: 'OTHER' },
      }),
      { payer: mcr, fees },
    );
    expect(other.accumulatorsBefore.deductibleMet).toBe(0);
  });

  it('starts again from zero in a new benefit year and says so', () => {
    const ledger = new PayerLedger();
    const dec = ledger.adjudicate(visit('A', '2025-12-15'), { payer: mcr, fees });
    expect(dec.accumulatorsAfter.deductibleMet).toBe(11549); // the whole allowed 99214
    const jan = ledger.adjudicate(visit('B', '2026-01-05'), { payer: mcr, fees });
    expect(jan.accumulatorsBefore.deductibleMet).toBe(0);
    const note = jan.findings.find((f) => f.id === 'benefits.year-reset')!;
    expect(note.severity).toBe('info');
    expect(note.message).toMatch(/beginning 2026-01-01.*2025-01-01/);
    expect(jan.benefitYear).toBe('2026-01-01');
  });

  it('honours a plan year that does not start in January', () => {
    const planYear = { ...ppo, benefitYearStart: '07-01' };
    expect(benefitYearOf(planYear, '2026-06-30')).toBe('2025-07-01');
    expect(benefitYearOf(planYear, '2026-07-01')).toBe('2026-07-01');
    const ledger = new PayerLedger();
    const june = ledger.adjudicate(
      ppoClaim({
        serviceDate: '2026-06-20',
        submissionDate: '2026-06-20',
        accumulators: undefined as never,
      }),
      { payer: planYear, fees },
    );
    const july = ledger.adjudicate(
      ppoClaim({
        claimId: 'P-7',
        serviceDate: '2026-07-02',
        submissionDate: '2026-07-02',
        accumulators: undefined as never,
      }),
      { payer: planYear, fees },
    );
    expect(june.accumulatorsAfter.deductibleMet).toBe(7151);
    expect(july.accumulatorsBefore.deductibleMet).toBe(0);
  });

  it('reads its history back from remittance JSON, naming bad fields', () => {
    const r1 = adjudicate(ppoClaim(), { payer: ppo, fees });
    const back = remittanceFromJson(JSON.parse(JSON.stringify(remittanceJson(r1))), 'h.jsonl:1');
    if (!back.ok) throw new Error(back.errors[0]!.message);
    // The JSON keeps what the 835 keeps; how a line was priced is for people, not read back.
    const core = (ls: ReturnType<typeof remittanceJson>['lines']) =>
      ls.map((l) => {
        const {
          feeSchedule: _f,
          pricingSource: _s,
          pricingRules: _r,
          limitingCharge: _l,
          ...rest
        } = l;
        return rest;
      });
    expect(core(remittanceJson(back.value).lines)).toEqual(core(remittanceJson(r1).lines));
    const ledger = new PayerLedger();
    ledger.record(back.value);
    const r2 = ledger.adjudicate(
      ppoClaim({ claimId: 'P-2', frequency: '7', originalClaimId: r1.payerClaimNumber }),
      { payer: ppo, fees },
    );
    expect(r2.reversal?.payerClaimNumber).toBe(r1.payerClaimNumber);
    const bad = remittanceFromJson(
      { ...remittanceJson(r1), lines: [{ line: 1, billed: 'x' }] },
      'h.jsonl:3',
    );
    expect(!bad.ok && bad.errors[0]!.path).toMatch(/^h\.jsonl:3: lines\[0\]\./);
  });

  it('a payer profile whose corrections go through reopenings must carry its reopening rules', () => {
    const file = shippedFile('scenarios/starter/payers/medicare.json') as Record<string, unknown>;
    expect(parsePayerProfile(file, 'medicare.json').ok).toBe(true);
    const r = parsePayerProfile({ ...file, reopening: undefined }, 'medicare.json');
    expect(!r.ok && r.errors.map((e) => e.message)).toContain(
      'reopening: a payer whose corrections go through reopenings needs its reopening rules',
    );
    const bad = parsePayerProfile({ ...file, benefitYearStart: '13-01' }, 'medicare.json');
    expect(!bad.ok && bad.errors[0]!.message).toMatch(/benefitYearStart: must be MM-DD/);
  });
});

describe('take-backs credit what the original really counted, in its own benefit year', () => {
  it('a reopened Medicare secondary claim does not count the deductible twice', () => {
    const ledger = new PayerLedger();
    const base = medicareClaim({
      claimId: 'MSP-7',
      patient: { ...basePatient(), birthDate: '1958-01-15' },
      submissionDate: '2026-03-03',
      diagnoses: ['I10'],
      lines: [line('99214', '150.00')],
    });
    ledger.adjudicate({ ...base, payerId: 'commercial-ppo' }, { payer: ppo, fees });
    const second = ledger.adjudicate(
      {
        ...base,
        payerId: 'medicare',
        payerSequence: 'secondary',
        otherPayers: [
          { payerId: 'commercial-ppo', sequence: 'primary', memberId: null, adjudication: null },
        ],
      },
      { payer: mcr, fees },
    );
    expect(second.payerSequence).toBe(2);
    const added = second.accumulatorsAfter.deductibleMet - second.accumulatorsBefore.deductibleMet;
    expect(added).toBe(11549);
    const out = ledger.reopen(
      {
        requestDate: '2026-04-10',
        reason: 'clerical-error',
        claim: {
          ...base,
          payerId: 'medicare',
          payerSequence: 'secondary',
          otherPayers: [
            { payerId: 'commercial-ppo', sequence: 'primary', memberId: null, adjudication: null },
          ],
          originalClaimId: second.payerClaimNumber,
          lines: [line('99214', '155.00')],
        },
      },
      { payer: mcr, fees },
    );
    if (out.kind !== 'revised') throw new Error(out.findings[0]!.message);
    expect(out.remittance.reversal?.credits.deductible).toBe(added);
    expect(out.remittance.accumulatorsAfter.deductibleMet).toBe(
      second.accumulatorsAfter.deductibleMet,
    );
  });

  it('a replacement that moves the service into the previous plan year gives the shares back to the year they were counted in', () => {
    const ledger = new PayerLedger();
    const jan = ppoClaim({
      claimId: 'Y-1',
      serviceDate: '2026-01-02',
      submissionDate: '2026-01-05',
    });
    delete jan.accumulatorsGiven;
    const r1 = ledger.adjudicate(
      { ...jan, accumulators: { deductibleMet: $('0'), outOfPocketMet: $('0') } },
      { payer: ppo, fees },
    );
    expect(ledger.accumulators(ppo, 'KH123', '2026-01-02')?.deductibleMet).toBe(7151);
    const dec = {
      ...jan,
      claimId: 'Y-2',
      frequency: '7' as const,
      originalClaimId: r1.payerClaimNumber,
      serviceDate: '2025-12-30',
    };
    const r2 = ledger.adjudicate(
      { ...dec, accumulators: { deductibleMet: $('0'), outOfPocketMet: $('0') } },
      { payer: ppo, fees },
    );
    expect(r2.status).not.toBe('rejected');
    expect(r2.benefitYear).toBe('2025-01-01');
    // 2026 no longer counts the taken-back claim; 2025 counts the corrected one.
    expect(ledger.accumulators(ppo, 'KH123', '2026-01-02')?.deductibleMet).toBe(0);
    expect(ledger.accumulators(ppo, 'KH123', '2025-12-30')?.deductibleMet).toBe(
      r2.accumulatorsAfter.deductibleMet,
    );
    expect(r2.accumulatorsAfter.deductibleMet).toBe(r1.accumulatorsAfter.deductibleMet);
  });
});

describe('otherPayers must agree with the claim', () => {
  it('names the payer billed listed as other, two primaries, a decision before the service, a decision filed under another payer', async () => {
    const { parseClaim } = await import('../../src/domain/claim/parse');
    const claimJson = claimInput({
      claimId: 'B',
      patient: { ...basePatient(), birthDate: '1958-01-15', memberId: 'X' },
      provider: baseProvider(),
      submissionDate: '2026-03-03',
      diagnoses: ['I10'],
      lines: [{ code: '99213', units: 1, dxPointers: [1], charge: '100.00' }],
    });
    const msgs = (otherPayers: unknown[]) =>
      parseClaim({ ...claimJson, otherPayers }).findings.map((f) => `${f.field}: ${f.message}`);
    expect(msgs([{ payerId: 'medicare' }])[0]).toMatch(
      /^otherPayers\[0\]\.payerId: .*the payer billed/,
    );
    expect(msgs([{ payerId: 'a' }, { payerId: 'b' }])[0]).toMatch(
      /^otherPayers: Only one other payer can be primary/,
    );
    expect(
      msgs([{ payerId: 'a', adjudication: { adjudicationDate: '2026-02-01', lines: [] } }])[0],
    ).toMatch(/adjudicationDate: .*before the date of service/);
    expect(
      msgs([{ payerId: 'a', remittance: { payerId: 'b', remitDate: '2026-03-20', lines: [] } }])[0],
    ).toMatch(/remittance\.payerId: The decision is b's, but it is filed under a/);
  });
});

describe('small guards', () => {
  it('refuses a reopening that carries a void or replacement claim', () => {
    const c = claim([line('99214', '150.00')], { frequency: '8', originalClaimId: 'X' });
    const r1 = adjudicate(claim([line('99214', '150.00')]), { payer: mcr, fees });
    const out = reopen(
      {
        requestDate: '2026-04-10',
        reason: 'clerical-error',
        claim: { ...c, originalClaimId: r1.payerClaimNumber },
      },
      r1,
      { payer: mcr, fees },
    );
    expect(out.kind === 'refused' && out.findings[0]!.field).toBe('frequency');
  });
  it('a benefit year cannot start on a day some years lack', () => {
    const file = shippedFile('scenarios/starter/payers/commercial-ppo.json') as Record<
      string,
      unknown
    >;
    const r = parsePayerProfile({ ...file, benefitYearStart: '02-30' }, 'commercial-ppo.json');
    expect(!r.ok && r.errors[0]!.message).toMatch(/benefitYearStart: must be a day every year has/);
    expect(
      parsePayerProfile({ ...file, benefitYearStart: '07-01' }, 'commercial-ppo.json').ok,
    ).toBe(true);
  });
});

describe('one 835 for a payment cycle (write835Batch)', () => {
  it('nets a take-back against new payments in the same check, forwards only a negative rest', async () => {
    const { write835Batch } = await import('../../src/interop/x12/835');
    const met = { deductibleMet: $('1650.00'), outOfPocketMet: $('0.00') };
    const a = adjudicate(ppoClaim({ claimId: 'A-1', accumulators: met }), { payer: ppo, fees });
    const b = adjudicate(ppoClaim({ claimId: 'B-1', accumulators: met }), { payer: ppo, fees });
    const voidB = adjudicate(
      ppoClaim({
        claimId: 'B-2',
        frequency: '8',
        originalClaimId: b.payerClaimNumber,
        accumulators: met,
      }),
      { payer: ppo, fees, original: b },
    );
    expect(a.totals.paid).toBe(13454);
    // A is paid and B is taken back: the check is A − B (here the same amounts: 0, no PLB).
    const x = write835Batch([a, voidB, b]);
    if (!x.ok) throw new Error(x.errors[0]!.message);
    const bpr = x.value
      .split('~')
      .map((seg) => seg.trim())
      .find((seg) => seg.startsWith('BPR'))!;
    expect(bpr.split('*')[2]).toBe(m(a.totals.paid).replace(/\.?0+$/, ''));
    expect(x.value).not.toContain('PLB*');
    const back = read835(x.value);
    if (!back.ok) throw new Error(back.errors[0]!.message);
    expect(back.value.map((r) => [r.claimId, r.status])).toEqual([
      ['A-1', a.status],
      ['B-2', 'voided'],
      ['B-1', b.status],
    ]);
    // Only the take-back: BPR 0 and the rest forwarded.
    const y = write835Batch([voidB]);
    expect(y.ok && y.value).toMatch(/PLB\*1234567893\*\d{8}\*FB:/);
    // One payer per 835.
    const mcrRemit = adjudicate(claim([line('99213', '100.00')]), { payer: mcr, fees });
    const z = write835Batch([a, mcrRemit]);
    expect(!z.ok && z.errors[0]!.path).toBe('[1] payerId');
  });
});
