import { describe, expect, it } from 'vitest';
import { parseClaim } from '../../src/domain/claim/parse';
import { cents } from '../../src/domain/money';
import { adjudicate } from '../../src/domain/payer/adjudicate';
import { behaviourOn } from '../../src/domain/payer/profile';
import { $, claim, fees, finding, line, payer, run } from './helpers';
import { baseProvider } from '../factories';

// Alabama (10112-00), fixture RVUs equal to CY2025 for 99213/99214: 99213 = 81.86, 99214 = 115.49 non-facility.
const met = { deductibleMet: $('283.00'), outOfPocketMet: cents(0) };

describe('Medicare Part B adjudication', () => {
  it('prices from the fee schedule, takes 20% coinsurance, CO-45 and 2% sequestration', () => {
    const { j } = run(claim([line('99213', '120.00')], { accumulators: met }));
    expect(j.status).toBe('paid');
    expect(j.lines[0]).toMatchObject({
      line: 1,
      code: '99213',
      billed: '120.00',
      allowed: '81.86',
      paid: '64.18',
      adjustments: [
        { group: 'CO', carc: '45', amount: '38.14' },
        { group: 'CO', carc: '253', amount: '1.31' },
        { group: 'PR', carc: '2', amount: '16.37' },
      ],
    });
    expect(j.totals).toEqual({
      billed: '120.00',
      allowed: '81.86',
      paid: '64.18',
      patientResponsibility: '16.37',
    });
    expect(j.payerClaimNumber).toMatch(/^\d{13}$/);
  });

  it('applies the dated 2026 deductible ($283) before coinsurance', () => {
    const { j } = run(
      claim([line('99213', '120.00')], {
        accumulators: { deductibleMet: $('250.00'), outOfPocketMet: cents(0) },
      }),
    );
    expect(j.lines[0]!.adjustments).toEqual([
      { group: 'CO', carc: '45', amount: '38.14' },
      { group: 'CO', carc: '253', amount: '0.78' },
      { group: 'PR', carc: '1', amount: '33.00' },
      { group: 'PR', carc: '2', amount: '9.77' },
    ]);
    expect(j.lines[0]!.paid).toBe('38.31');
    expect(j.accumulatorsAfter.deductibleMet).toBe('283.00');
  });

  it('uses the 2025 deductible ($257) for a 2025 date of service', () => {
    const { j } = run(
      claim([line('99213', '120.00')], {
        serviceDate: '2025-06-02',
        submissionDate: '2025-06-02',
        accumulators: { deductibleMet: $('250.00'), outOfPocketMet: cents(0) },
      }),
    );
    expect(j.lines[0]!.adjustments).toContainEqual({ group: 'PR', carc: '1', amount: '7.00' });
  });

  it('carries accumulators across claims in the benefit year: the third claim pays differently', () => {
    const c = claim([line('99214', '150.00')]);
    const r1 = adjudicate(c, { payer: payer('medicare'), fees });
    const r2 = adjudicate(
      { ...c, claimId: 'T2' },
      { payer: payer('medicare'), fees, accumulators: r1.accumulatorsAfter },
    );
    const r3 = adjudicate(
      { ...c, claimId: 'T3' },
      { payer: payer('medicare'), fees, accumulators: r2.accumulatorsAfter },
    );
    expect([r1, r2, r3].map((r) => r.lines[0]!.paid)).toEqual([0, 0, $('49.76')]);
    expect(r3.lines[0]!.adjustments.filter((a) => a.group === 'PR')).toEqual([
      { group: 'PR', carc: '1', amount: $('52.02') },
      { group: 'PR', carc: '2', amount: $('12.69') },
    ]);
    expect(r3.accumulatorsAfter.deductibleMet).toBe($('283.00'));
  });

  it('pays lab and preventive lines with no deductible or coinsurance', () => {
    const { j } = run(claim([line('36415', '10.00'), line('G0439', '200.00')]));
    expect(j.lines.map((l) => l.adjustments.filter((a) => a.group === 'PR'))).toEqual([[], []]);
    expect(j.totals.patientResponsibility).toBe('0.00');
  });

  it('pays the lower of the charge and the fee schedule (no CO-45 when the charge is lower)', () => {
    const { j } = run(claim([line('99213', '50.00')], { accumulators: met }));
    expect(j.lines[0]!.allowed).toBe('50.00');
    expect(j.lines[0]!.adjustments.find((a) => a.carc === '45')).toBeUndefined();
  });

  it('pays non-participating providers 95% and reports the 115% limiting charge', () => {
    const c = claim([line('99213', '120.00')], { accumulators: met });
    c.provider.participating = false;
    const { j } = run(c);
    expect(j.lines[0]!.allowed).toBe('77.77'); // 81.86 × 0.95 = 77.767
    expect(j.lines[0]!.limitingCharge).toBe('89.44'); // 77.77 × 1.15 = 89.4355
    expect(j.lines[0]!.pricingRules).toEqual([
      'non-participating 95%',
      'charge above the limiting charge',
      'not assigned: limiting charge applies',
    ]);
  });

  it('applies the multiple-procedure reduction and the bilateral 150%', () => {
    // Q7 (a class finding): routine foot care such as 11055 is excluded without one
    // (Pub. 100-02 ch. 15 §290); the modifier does not change the price.
    const paring = line('11055', '200.00', { modifiers: ['Q7'] });
    const c = claim([paring, line('20610', '300.00', { modifiers: ['50'] })], {
      accumulators: met,
    });
    const { j } = run(c);
    // 20610 AL non-facility 57.21, bilateral ×1.5 = 85.82 ranks first; 11055 AL 60.23 at 50% = 30.12
    expect(j.lines.map((l) => l.allowed)).toEqual(['30.12', '85.82']);
    expect(j.lines[0]!.pricingRules).toContain('multiple procedure 50%');
    expect(j.lines[1]!.pricingRules).toContain('bilateral 150%');
  });

  it('uses the facility PE for a facility place of service', () => {
    const { j } = run(
      claim([line('99213', '120.00')], {
        provider: { ...baseProvider(), pos: '22' },
        accumulators: met,
      }),
    );
    expect(j.lines[0]!.allowed).toBe('59.93'); // (1.30 + 0.57×0.869 + 0.10×0.575) × 32.3465 = 59.932
  });
});

describe('front-end rejection', () => {
  it('rejects a claim with an invalid billing NPI: MA130 + N257 (billing, not N290 rendering), no lines, no payer claim number, no appeal rights', () => {
    const raw = {
      payerId: 'medicare',
      patient: { sex: 'F', birthDate: '1955-05-01', memberId: 'X' },
      provider: { npi: '1234567890', pos: '11', locality: '10112-00' },
      serviceDate: '2026-03-02',
      diagnoses: ['E11.9'],
      lines: [{ code: '99213', units: 1, dxPointers: [1], charge: '120.00' }],
    };
    const p = parseClaim(raw, 'R1');
    const r = adjudicate(p.claim, { payer: payer('medicare'), fees, findings: p.findings });
    expect(r.status).toBe('rejected');
    expect(r.payerClaimNumber).toBeNull();
    expect(r.appeal).toBeNull();
    // provider.npi is the billing provider (837P 2010AA NM1*85, 1500 item 33a): N257, not the
    // rendering provider's N290. See: RARC list (N257, N290).
    expect(r.claimRemarks).toEqual(['MA130', 'N257']);
    // Not adjudicated: no remittance lines (issue 5); the remarks and findings say why.
    expect(r.lines).toEqual([]);
    expect(r.claimRemarks).not.toContain('MA01');
    expect(r.findings.map((f) => f.id)).toContain('claim.invalid-field');
  });

  it('rejects an invalid diagnosis at Medicare but denies CO-146 at the Medicaid plan', () => {
    const dx = finding('code.invalid', null, { diagnosisIndex: 0, codes: ['E11.99'] });
    const c = claim([line('99213', '120.00')]);
    expect(run(c, { findings: [dx] }).j.status).toBe('rejected');
    const m = run({ ...c, payerId: 'medicaid' }, { findings: [dx] }).j;
    expect(m.status).toBe('denied');
    expect(m.lines[0]!.adjustments).toEqual([{ group: 'CO', carc: '146', amount: '120.00' }]);
    expect(m.lines[0]!.remarks).toEqual(['M76']);
  });

  it('rejects a replacement claim at Medicare (reopenings instead) and takes it at the commercial plan', () => {
    const c = claim([line('99213', '120.00')], {
      frequency: '7',
      originalClaimId: '4126061701649',
    });
    const m = run(c).r;
    expect(m.status).toBe('rejected');
    expect(m.findings.find((f) => f.field === 'frequency')?.message).toMatch(/reopening/);
    // The commercial plan takes it, once it has the original to take back (corrections.test.ts).
    const original = run({
      ...c,
      payerId: 'commercial-ppo',
      frequency: '1',
      originalClaimId: null,
    }).r;
    expect(run({ ...c, payerId: 'commercial-ppo' }, { original }).j.status).toBe('paid');
    expect(run({ ...c, payerId: 'commercial-ppo' }).r.findings.map((f) => f.id)).toContain(
      'claim.original-not-found',
    );
  });

  it('rejects an unknown locality naming provider.locality when the MPFS is loaded', () => {
    const r = run(
      claim([line('99213', '120.00')], {
        provider: { ...baseProvider(), locality: '99999-99' },
      }),
    ).r;
    expect(r.status).toBe('rejected');
    expect(r.findings[0]).toMatchObject({ id: 'claim.invalid-field', field: 'provider.locality' });
  });
});

describe('adjudicated denials: group + CARC + RARC per path', () => {
  const two = () =>
    claim(
      [
        line('99213', '120.00', { modifiers: ['25'] }),
        line('20610', '150.00', { modifiers: ['RT'], dxPointers: [3] }),
      ],
      { accumulators: met },
    );
  const denial = (j: ReturnType<typeof run>['j'], n: number) => ({
    adj: j.lines[n - 1]!.adjustments,
    remarks: j.lines[n - 1]!.remarks,
  });

  it('NCCI PTP: CO-97 + M80 at Medicare, CO-236 at the commercial plan; partially paid', () => {
    const f = [finding('ncci.ptp', 1)];
    const m = run(two(), { findings: f }).j;
    expect(m.status).toBe('partially-paid');
    expect(denial(m, 1)).toEqual({
      adj: [{ group: 'CO', carc: '97', amount: '120.00' }],
      remarks: ['M80'],
    });
    const c = run({ ...two(), payerId: 'commercial-ppo' }, { findings: f }).j;
    expect(denial(c, 1).adj).toEqual([{ group: 'CO', carc: '236', amount: '120.00' }]);
  });

  it('MUE: CO-151 + N362', () => {
    expect(denial(run(two(), { findings: [finding('ncci.mue', 2)] }).j, 2)).toEqual({
      adj: [{ group: 'CO', carc: '151', amount: '150.00' }],
      remarks: ['N362'],
    });
  });

  it('medical necessity: CO-50 + N386 under an NCD; PR-50 with a signed ABN (GA)', () => {
    const f = [finding('coverage.medical-necessity', 1, { reference: 'NCD 190.23 Lipid testing' })];
    const c = claim([line('80061', '40.00')]);
    expect(denial(run(c, { findings: f }).j, 1)).toEqual({
      adj: [{ group: 'CO', carc: '50', amount: '40.00' }],
      remarks: ['N386'],
    });
    const ga = run(claim([line('80061', '40.00', { modifiers: ['GA'] })]), { findings: f }).j;
    expect(ga.lines[0]!.adjustments).toEqual([{ group: 'PR', carc: '50', amount: '40.00' }]);
    expect(ga.totals.patientResponsibility).toBe('40.00');
    const lcd = run(c, {
      findings: [finding('coverage.medical-necessity', 1, { reference: 'LCD L33831' })],
    }).j;
    expect(lcd.lines[0]!.remarks[0]).toBe('N115');
  });

  // CARC 15 is deactivated in the current X12 list (2026-08): an authorization number not on
  // file is CO-197 with M62 (issue 10: every code emitted is current).
  it('prior authorization: CO-197 when absent, CO-197 + M62 when the number is not on file', () => {
    const c = claim([line('72148', '900.00')], { payerId: 'commercial-ppo' });
    expect(denial(run(c).j, 1).adj).toEqual([{ group: 'CO', carc: '197', amount: '900.00' }]);
    const bad = run({ ...c, priorAuthNumber: 'PA-000' }, { authorizations: ['PA-123'] }).j;
    expect(denial(bad, 1)).toEqual({
      adj: [{ group: 'CO', carc: '197', amount: '900.00' }],
      remarks: ['M62'],
    });
    expect(run({ ...c, priorAuthNumber: 'PA-123' }, { authorizations: ['PA-123'] }).j.status).toBe(
      'paid',
    );
  });

  it('timely filing: CO-29 + N211 on every line, no appeal rights (Medicare 12 months)', () => {
    // 2025-03-03 + 12 months = Tuesday 2026-03-03, a workday: the last day stands.
    const c = claim([line('99213', '120.00')], {
      serviceDate: '2025-03-03',
      submissionDate: '2026-03-04',
    });
    const { j } = run(c);
    expect(j.status).toBe('denied');
    expect(denial(j, 1)).toEqual({
      adj: [{ group: 'CO', carc: '29', amount: '120.00' }],
      remarks: ['N211'],
    });
    expect(j.appeal).toBeNull();
    expect(run({ ...c, submissionDate: '2026-03-03' }).j.status).toBe('paid');
  });

  // Pub. 100-04 ch. 1 §70: "Whenever the last day for timely filing of a claim falls on a
  // Saturday, Sunday, legal holiday, or other day all or part of which is a non-work-day for
  // Federal employees …, the claim will be considered timely if it is filed on the next workday."
  it('a Medicare filing limit ending on a weekend or federal holiday runs to the next workday', () => {
    // 2025-03-01 + 12 months = Sunday 2026-03-01: timely on Monday 03-02, late on Tuesday 03-03.
    const sun = claim([line('99213', '120.00')], { serviceDate: '2025-03-01' });
    expect(run({ ...sun, submissionDate: '2026-03-02' }).j.status).toBe('paid');
    expect(run({ ...sun, submissionDate: '2026-03-03' }).j.status).toBe('denied');
    // 2025-01-19 + 12 months = Monday 2026-01-19, Martin Luther King Jr. Day: Tuesday 01-20.
    const mlk = claim([line('99213', '120.00')], { serviceDate: '2025-01-19' });
    expect(run({ ...mlk, submissionDate: '2026-01-20' }).j.status).toBe('paid');
    const late = run({ ...mlk, submissionDate: '2026-01-21' }).j;
    expect(late.status).toBe('denied');
    expect(late.findings.find((f) => f.id === 'filing.timely')?.message).toMatch(
      /last day 2026-01-20/,
    );
  });

  // The remark is the payer's own: N211 ("you may not appeal") is Medicare's (a late claim is
  // not an initial determination, 42 CFR 405.926; Pub. 100-04 ch. 1 §70.5). The commercial PPO's
  // manual lets a provider dispute a filing denial with proof of timely filing: no N211, and the
  // remittance keeps its appeal rights. See: behaviour.timelyFilingDenial (profile.ts).
  it('timely filing on the commercial PPO (180 days): CO-29 without N211, appeal rights kept', () => {
    const c = claim([line('99213', '120.00')], {
      payerId: 'commercial-ppo',
      serviceDate: '2025-06-10',
      submissionDate: '2026-01-05',
    });
    const { j } = run(c);
    expect(j.status).toBe('denied');
    expect(denial(j, 1)).toEqual({
      adj: [{ group: 'CO', carc: '29', amount: '120.00' }],
      remarks: [],
    });
    expect(j.claimRemarks).toContain('MA01');
    expect(j.appeal?.level).toBe(1);
  });

  it('COB: CO-22 when another payer is primary and no primary remittance came with the claim', () => {
    const { j } = run(claim([line('99213', '120.00')], { payerId: 'medicaid' }), {
      cob: { otherPayerPrimary: { payerId: 'commercial-ppo', reason: 'employer plan' } },
    });
    expect(denial(j, 1).adj).toEqual([{ group: 'CO', carc: '22', amount: '120.00' }]);
    expect(j.findings.map((f) => f.id)).toContain('cob.other-payer-primary');
  });

  it('duplicate: OA-18; age conflict on a diagnosis: CO-9 on the lines pointing to it', () => {
    expect(
      denial(run(two(), { findings: [finding('claim.duplicate', null)] }).j, 2).adj[0],
    ).toEqual({ group: 'OA', carc: '18', amount: '150.00' });
    const j = run(two(), { findings: [finding('mce.age', null, { diagnosisIndex: 2 })] }).j;
    expect(j.lines[0]!.adjustments[0]!.carc).toBe('45');
    expect(j.lines[1]!.adjustments).toEqual([{ group: 'CO', carc: '9', amount: '150.00' }]);
  });

  // An exact duplicate claim is OA-18 for every payer (X12: CARC 18 with group OA only). A line
  // repeating a service another claim already had: Medicare CO-97 + N111 (included in a claim
  // already adjudicated; appeal only on whether it is a duplicate), a commercial plan OA-18.
  // See: Noridian JF Part B "Duplicate denials"; RARC N111; Pub. 100-04 ch. 1 §120.
  it('duplicate line: Medicare CO-97 + N111, the commercial PPO OA-18; exact duplicate claim OA-18', () => {
    const dupLine = { findings: [finding('claim.duplicate', 2)] };
    expect(denial(run(two(), dupLine).j, 2)).toEqual({
      adj: [{ group: 'CO', carc: '97', amount: '150.00' }],
      remarks: ['N111'],
    });
    expect(denial(run({ ...two(), payerId: 'commercial-ppo' }, dupLine).j, 2)).toEqual({
      adj: [{ group: 'OA', carc: '18', amount: '150.00' }],
      remarks: [],
    });
    const whole = run(two(), { findings: [finding('claim.duplicate', null)] }).j;
    expect(denial(whole, 1).adj).toEqual([{ group: 'OA', carc: '18', amount: '120.00' }]);
  });

  it('commercial modifier-25 policy: CO-4 when the E/M points only to the procedure diagnosis', () => {
    const c = claim(
      [
        line('99213', '120.00', { modifiers: ['25'], dxPointers: [3] }),
        line('20610', '150.00', { modifiers: ['RT'], dxPointers: [3] }),
      ],
      { payerId: 'commercial-ppo' },
    );
    expect(denial(run(c).j, 1).adj).toEqual([{ group: 'CO', carc: '4', amount: '120.00' }]);
    expect(run(c, { payerId: 'medicare' }).j.lines[0]!.allowed).not.toBe('0.00');
  });

  it('documentation requests are seeded: CO-16 + M127 at rate 1, never at rate 0', () => {
    const p = payer('commercial-ppo');
    // An undated behaviour replaces the plan's dated list: this test is about the rate only.
    p.behaviour = { ...behaviourOn(p, '2026-03-02'), documentationRequestRate: 1 };
    const r = adjudicate(
      claim([line('99214', '150.00'), line('36415', '10.00')], { payerId: 'commercial-ppo' }),
      { payer: p, fees },
    );
    expect(r.lines[0]!.adjustments).toEqual([{ group: 'CO', carc: '16', amount: $('150.00') }]);
    expect(r.lines[0]!.remarks).toEqual(['M127']);
    p.behaviour = { ...behaviourOn(p, '2026-03-02'), documentationRequestRate: 0 };
    expect(adjudicate(claim([line('99214', '150.00')]), { payer: p, fees }).status).toBe('paid');
  });

  it('randomReview: false (a pack answer key) is judged on the rules, never on the draw', () => {
    const p = payer('commercial-ppo');
    p.behaviour = { ...behaviourOn(p, '2026-03-02'), documentationRequestRate: 1 };
    const c = claim([line('99214', '150.00')], { payerId: 'commercial-ppo' });
    expect(adjudicate(c, { payer: p, fees }).lines[0]!.remarks).toEqual(['M127']);
    const r = adjudicate(c, { payer: p, fees, randomReview: false });
    expect(r.status).toBe('paid');
    expect(r.lines[0]!.remarks).not.toContain('M127');
  });

  it("PFS status: a statutorily excluded routine physical is the patient's (PR-96 + N425, with or without GY), CO-97 + M15 for a bundled one", () => {
    // Issue 10: a statutory exclusion is never a provider write-off (CO-96/N130).
    // See: SSA §1862(a)(7); Pub. 100-04 ch. 30 §20.1; RVU status N.
    expect(denial(run(claim([line('99397', '200.00')])).j, 1)).toEqual({
      adj: [{ group: 'PR', carc: '96', amount: '200.00' }],
      remarks: ['N425'],
    });
    expect(
      run(claim([line('99397', '200.00', { modifiers: ['GY'] })])).j.lines[0]!.adjustments[0]!
        .group,
    ).toBe('PR');
    expect(denial(run(claim([line('A9999', '20.00')])).j, 1)).toEqual({
      adj: [{ group: 'CO', carc: '97', amount: '20.00' }],
      remarks: ['M15'],
    });
  });

  it('routine foot care (11721) is PR-96 + N425 without a class finding; with Q8 it is priced', () => {
    // See: SSA §1862(a)(13)(C); Pub. 100-02 ch. 15 §290 (class findings Q7-Q9).
    expect(denial(run(claim([line('11721', '80.00')])).j, 1)).toEqual({
      adj: [{ group: 'PR', carc: '96', amount: '80.00' }],
      remarks: ['N425'],
    });
    const q8 = run(claim([line('11721', '80.00', { modifiers: ['Q8'] })])).j.lines[0]!;
    expect(q8.adjustments.map((a) => `${a.group}-${a.carc}`)).not.toContain('PR-96');
  });

  it('GY on a line Medicare would otherwise price (a cosmetic procedure): PR-96 + N425, not a write-off', () => {
    // The provider's GY says the service is statutorily excluded (e.g. cosmetic surgery, SSA
    // §1862(a)(10)): the beneficiary is liable, whatever the code's PFS status.
    // See: Pub. 100-04 ch. 1 §60.4.1 and ch. 30 §40.3.6.2 (GY); RARC N425.
    expect(denial(run(claim([line('99213', '150.00', { modifiers: ['GY'] })])).j, 1)).toEqual({
      adj: [{ group: 'PR', carc: '96', amount: '150.00' }],
      remarks: ['N425'],
    });
  });

  it('gives the first appeal level and its deadline (remit + 5 days presumed receipt + 120 days)', () => {
    const { j } = run(two(), { findings: [finding('ncci.ptp', 1)] });
    expect(j.remitDate).toBe('2026-03-16');
    // 2026-03-16 + 125 days = Sunday 2026-07-19: the period runs to Monday 07-20 (Pub. 100-04
    // ch. 1 §70, the profile's appealDeadlineRoll), as the appeal machine enforces it.
    expect(j.appeal).toMatchObject({
      level: 1,
      name: 'Redetermination (MAC)',
      deadline: '2026-07-20',
    });
    expect(j.claimRemarks).toEqual(['MA01']);
  });
});

describe('commercial and Medicaid cost sharing', () => {
  it('takes a copay (PR-3) for the office visit, deductible then coinsurance for other lines', () => {
    const c = claim([line('99213', '150.00'), line('93000', '60.00')], {
      payerId: 'commercial-ppo',
      provider: { ...baseProvider(), locality: '' },
    });
    const { j } = run(c);
    // No locality: 125% of the national Medicare amount: 99213 88.95 × 1.25 = 111.19; 93000 → all to the deductible
    expect(j.lines[0]!.allowed).toBe('111.19');
    expect(j.lines[0]!.adjustments).toContainEqual({ group: 'PR', carc: '3', amount: '25.00' });
    expect(j.lines[0]!.paid).toBe('86.19');
    expect(j.lines[1]!.adjustments.filter((a) => a.group === 'PR')).toEqual([
      { group: 'PR', carc: '1', amount: j.lines[1]!.allowed },
    ]);
  });

  it("a percentage of Medicare is of the claim's locality amount, not the national one", () => {
    // 10112-00 (Oregon): Medicare 99213 = 81.86 there (see qmb.test.ts), so 125% = 102.33.
    // See: 42 CFR 414.26 (GPCI payment areas); the plan's contract is 125% of the Medicare fee.
    const local = run(claim([line('99213', '150.00')], { payerId: 'commercial-ppo' })).j;
    expect(local.lines[0]!.allowed).toBe('102.33');
    expect(local.lines[0]!.allowed).not.toBe('111.19');
    // A locality the MPFS does not know: the national amount, not a rejection.
    const unknown = run(
      claim([line('99213', '150.00')], {
        payerId: 'commercial-ppo',
        provider: { ...baseProvider(), locality: '99999-99' },
      }),
    ).j;
    expect(unknown.lines[0]!.allowed).toBe('111.19');
  });

  it('caps cost sharing at the out-of-pocket maximum', () => {
    const c = claim([line('93000', '60.00')], {
      payerId: 'commercial-ppo',
      accumulators: { deductibleMet: $('1650.00'), outOfPocketMet: $('5499.00') },
    });
    const { j } = run(c);
    expect(j.lines[0]!.adjustments.filter((a) => a.group === 'PR')).toEqual([
      { group: 'PR', carc: '2', amount: '1.00' },
    ]);
    expect(j.accumulatorsAfter.outOfPocketMet).toBe('5500.00');
    const capped = run({
      ...c,
      accumulators: { deductibleMet: $('1650.00'), outOfPocketMet: $('5500.00') },
    }).j;
    expect(capped.lines[0]!.paid).toBe(capped.lines[0]!.allowed);
  });

  it('prices Medicaid from its own table with a nominal copay', () => {
    const { j } = run(claim([line('99213', '120.00')], { payerId: 'medicaid' }));
    expect(j.lines[0]).toMatchObject({ allowed: '61.00', paid: '59.00' });
    expect(j.lines[0]!.adjustments).toContainEqual({ group: 'PR', carc: '3', amount: '2.00' });
  });
});

describe('determinism', () => {
  it('same claim, seed and date give the same remittance byte for byte; another seed may not', () => {
    const c = claim([line('99214', '150.00'), line('20610', '150.00', { modifiers: ['RT'] })], {
      payerId: 'commercial-ppo',
    });
    const p = payer('commercial-ppo');
    p.behaviour = { ...behaviourOn(p, '2026-03-02'), documentationRequestRate: 0.5 };
    const a = JSON.stringify(adjudicate(c, { payer: p, fees, seed: 3 }));
    expect(JSON.stringify(adjudicate(c, { payer: p, fees, seed: 3 }))).toBe(a);
    const outcomes = new Set(
      Array.from({ length: 40 }, (_, s) => adjudicate(c, { payer: p, fees, seed: s }).status),
    );
    expect(outcomes).toEqual(new Set(['paid', 'partially-paid']));
  });
});

describe('surgical-team modifiers the RVU indicators do not allow', () => {
  it('denies CO-54 for an assistant where ASST SURG does not allow one', () => {
    const { j } = run(claim([line('99213', '120.00', { modifiers: ['82'] })]));
    expect(j.lines[0]!.adjustments).toEqual([{ group: 'CO', carc: '54', amount: '120.00' }]);
    expect(j.status).toBe('denied');
  });
});
