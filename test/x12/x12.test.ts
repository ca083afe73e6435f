/**
 * X12 837P and 835: structure (envelope counts, control numbers), a parse by an independent
 * X12 library (node-x12) back to the same claim, and lossless round trips of the remittance.
 */
import fc from 'fast-check';
import { X12Parser } from 'node-x12';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/domain/claim/claim';
import { cents } from '../../src/domain/money';
import { adjudicate } from '../../src/domain/payer/adjudicate';
import { remittanceJson, type Remittance } from '../../src/domain/payer/remittance/remittance';
import { read835, write835 } from '../../src/interop/x12/835';
import { claimsFromSegments, parse837p, write837p } from '../../src/interop/x12/837p';
import { checkEnvelope } from '../../src/interop/x12/interchange';
import { tokenize, type Segment } from '../../src/interop/x12/segments';
import { $, claim, fees, finding, line, payer } from '../payer/helpers';
import { baseProvider } from '../factories';

/** Segments as node-x12 sees them (ST…SE of the first transaction, plus its own envelope checks). */
function viaNodeX12(text: string): Segment[] {
  const ic = new X12Parser(true).parse(text) as unknown as {
    header: { elements: { value: string }[] };
    functionalGroups: {
      transactions: {
        header: { elements: { value: string }[] };
        segments: { tag: string; elements: { value: string }[] }[];
      }[];
    }[];
  };
  const tx = ic.functionalGroups[0]!.transactions[0]!;
  return tx.segments.map((s) => [s.tag, ...s.elements.map((e) => e.value)]);
}

const rich = (): Claim =>
  claim(
    [
      line('99214', '175.00', { modifiers: ['25'], dxPointers: [1, 2, 3] }),
      line('20610', '150.00', { modifiers: ['RT', '59'], dxPointers: [3], units: 1 }),
      line('36415', '15.00', { units: 2, dxPointers: [1], serviceDate: '2026-03-04' }),
    ],
    {
      claimId: 'Clm-0042',
      frequency: '7',
      originalClaimId: '4126061701649',
      priorAuthNumber: 'PA-77',
      patient: {
        sex: 'M',
        birthDate: '1951-11-30',
        memberId: '1EG4TE5MK73',
        firstName: 'Ana',
        lastName: 'Okafor',
      },
      provider: { ...baseProvider(), locality: '01112-05', participating: false },
      submissionDate: '2026-03-09',
    },
  );

describe('837P writer and parser', () => {
  it('writes a 005010X222A1 envelope with correct counts and control numbers', () => {
    const x = write837p(rich(), { controlNumber: 42 });
    const t = tokenize(x);
    if (!t.ok) throw new Error('tokenize');
    const segs = t.value.segments;
    expect(checkEnvelope(segs)).toEqual([]);
    expect(segs[0]![0]).toBe('ISA');
    expect(x.split('\n')[0]).toHaveLength(106);
    expect(segs.find((s) => s[0] === 'ST')).toEqual(['ST', '837', '0001', '005010X222A1']);
    expect(segs.find((s) => s[0] === 'SE')![1]).toBe(
      String(segs.findIndex((s) => s[0] === 'SE') - segs.findIndex((s) => s[0] === 'ST') + 1),
    );
    expect(segs.find((s) => s[0] === 'CLM')).toEqual([
      'CLM',
      'Clm-0042',
      '340',
      '',
      '',
      '11:B:7',
      'Y',
      'C',
      'Y',
      'Y',
    ]);
    expect(segs.find((s) => s[0] === 'HI')).toEqual(['HI', 'ABK:E119', 'ABF:I10', 'ABF:M1711']);
    expect(segs.filter((s) => s[0] === 'SV1')[1]).toEqual([
      'SV1',
      'HC:20610:RT:59',
      '150',
      'UN',
      '1',
      '',
      '',
      '3',
    ]);
    expect(segs.find((s) => s[0] === 'REF' && s[1] === 'F8')).toEqual([
      'REF',
      'F8',
      '4126061701649',
    ]);
  });

  it('node-x12 parses it (strict) and the segments read back to the same claim', () => {
    const c = rich();
    const segs = viaNodeX12(write837p(c));
    const r = claimsFromSegments(segs);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value).toEqual([c]);
  });

  it('round-trips generated claims through text (our parser) and node-x12', () => {
    const codes = ['99213', '99214', '20610', '36415', 'G0439', 'J1100'];
    const arb = fc.record({
      id: fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/),
      freq: fc.constantFrom('1' as const, '7' as const, '8' as const),
      sex: fc.constantFrom('F' as const, 'M' as const, 'U' as const),
      lines: fc.array(
        fc.record({
          code: fc.constantFrom(...codes),
          modifiers: fc.subarray(['25', '59', 'RT', 'LT', 'GA', '50'], { maxLength: 4 }),
          units: fc.integer({ min: 1, max: 99 }),
          dxPointers: fc.subarray([1, 2, 3, 4], { minLength: 1 }),
          charge: fc.integer({ min: 1, max: 9_999_999 }).map(cents),
        }),
        { minLength: 1, maxLength: 8 },
      ),
      auth: fc.option(fc.stringMatching(/^[A-Z0-9]{1,12}$/), { nil: null }),
      pos: fc.constantFrom('11', '22', '21', '02'),
      // Coordination of benefits: billed as secondary with the primary's line decisions (2430).
      cob: fc.option(
        fc.record({
          icn: fc.option(fc.stringMatching(/^[A-Z0-9]{5,15}$/), { nil: null }),
          paid: fc.array(fc.integer({ min: 0, max: 500_000 }), { minLength: 8, maxLength: 8 }),
          adj: fc.array(
            fc.record({
              group: fc.constantFrom('CO' as const, 'PR' as const, 'OA' as const),
              carc: fc.constantFrom('1', '2', '3', '45', '96'),
              amount: fc.integer({ min: 1, max: 100_000 }),
            }),
            { maxLength: 8 },
          ),
        }),
        { nil: null },
      ),
    });
    fc.assert(
      fc.property(arb, (g) => {
        const c = claim(g.lines, {
          claimId: g.id,
          frequency: g.freq,
          originalClaimId: g.freq === '1' ? null : 'ORIG-1',
          priorAuthNumber: g.auth,
          diagnoses: ['E11.9', 'I10', 'M17.11', 'Z79.84'],
          patient: { sex: g.sex, birthDate: '1950-01-31', memberId: 'M123' },
          provider: { ...baseProvider(), pos: g.pos },
          ...(g.cob
            ? {
                payerSequence: 'secondary' as const,
                otherPayers: [
                  {
                    payerId: 'commercial-ppo',
                    sequence: 'primary' as const,
                    memberId: 'KH1',
                    adjudication: {
                      payerClaimNumber: g.cob.icn,
                      adjudicationDate: '2026-03-20',
                      // SVD02 + ΣCAS = SV102 (2430): the generated amounts are cut to the
                      // charge and a CO-45 takes what is left.
                      lines: g.lines.map((l, i) => {
                        const paid = g.cob!.paid[i]! % (l.charge + 1);
                        let left = l.charge - paid;
                        const generated = (i === 0 ? g.cob!.adj : []).map((a) => {
                          const amount = Math.min(a.amount, left);
                          left -= amount;
                          return { ...a, amount };
                        });
                        const all = [
                          ...(left > 0 ? [{ group: 'CO' as const, carc: '45', amount: left }] : []),
                          ...generated.filter((a) => a.amount > 0),
                        ];
                        return {
                          line: i + 1,
                          code: l.code,
                          modifiers: l.modifiers,
                          units: l.units,
                          paid: cents(paid),
                          // CAS carries one group at a time: adjustments come back grouped.
                          adjustments: ['CO', 'PR', 'OA'].flatMap((grp) =>
                            all
                              .filter((a) => a.group === grp)
                              .map((a) => ({ ...a, amount: cents(a.amount) })),
                          ),
                        };
                      }),
                    },
                  },
                ],
              }
            : {}),
        });
        const x = write837p(c);
        const mine = parse837p(x);
        expect(mine.ok && mine.value).toEqual([c]);
        const theirs = claimsFromSegments(viaNodeX12(x));
        expect(theirs.ok && theirs.value).toEqual([c]);
      }),
      { numRuns: 300, seed: 837 },
    );
  });

  it('reports a broken 837 by segment, never throws', () => {
    expect(parse837p('hello')).toMatchObject({ ok: false, errors: [{ path: 'ISA' }] });
    const bad = write837p(rich()).replace('SV1*HC:99214:25*175', 'SV1*HC:99214:25*1x5');
    const r = parse837p(bad);
    expect(!r.ok && r.errors[0]!.path).toMatch(/^segment \d+ \(SV1\) SV102$/);
  });
});

describe('835 writer and reader', () => {
  const contract = (r: Remittance) => {
    const j = remittanceJson(r);
    return {
      claimId: j.claimId,
      status: j.status,
      lines: j.lines.map(
        ({ line: n, code, billed, allowed, paid, adjustments, remarks, modifiers, units }) => ({
          n,
          code,
          billed,
          allowed,
          paid,
          adjustments,
          remarks,
          modifiers,
          units,
        }),
      ),
      totals: j.totals,
      payerClaimNumber: j.payerClaimNumber,
      claimRemarks: j.claimRemarks,
      payerId: j.payerId,
      remitDate: j.remitDate,
      receivedDate: j.receivedDate,
      frequency: j.frequency,
      netPaid: j.netPaid,
      // The 835 carries no accumulators: the take-back's credits are not part of the round trip.
      reversal: j.reversal && { ...j.reversal, credits: undefined },
      lineDates: j.lines.map((l) => l.serviceDate),
    };
  };

  it('writes BPR/TRN/CLP/CAS/SVC/AMT/LQ and reads back the same remittance', () => {
    // An original claim (a replacement needs the original it takes back: see corrections tests).
    const r = adjudicate(
      { ...rich(), frequency: '1', originalClaimId: null },
      {
        payer: payer('commercial-ppo'),
        fees,
        findings: [finding('ncci.mue', 3)],
        authorizations: ['PA-77'],
      },
    );
    const x = write835(r);
    if (!x.ok) throw new Error('write');
    const segs = tokenize(x.value);
    if (!segs.ok) throw new Error('tokenize');
    expect(checkEnvelope(segs.value.segments)).toEqual([]);
    const s = segs.value.segments;
    expect(s.find((q) => q[0] === 'CLP')!.slice(0, 8)).toEqual([
      'CLP',
      'Clm-0042',
      '1',
      '340',
      String(r.totals.paid / 100),
      String(r.totals.patientResponsibility / 100),
      'CI',
      r.payerClaimNumber,
    ]);
    expect(s.filter((q) => q[0] === 'CAS').length).toBeGreaterThan(2);
    expect(s.filter((q) => q[0] === 'LQ').map((q) => q[2])).toContain('N362');
    expect(viaNodeX12(x.value).length).toBe(s.length - 6); // node-x12 agrees on the body (ISA/GS/ST/SE/GE/IEA aside)
    const back = read835(x.value);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(contract(back.value[0]!)).toEqual(contract(r));
  });

  it('round-trips generated remittances (paid, partial, denied, secondary, replaced, voided) without loss', () => {
    const seen = { replaced: 0, voided: 0, plb: 0 };
    const ids = [
      'ncci.ptp',
      'ncci.mue',
      'coverage.medical-necessity',
      'auth.missing',
      'filing.timely',
    ] as const;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            code: fc.constantFrom('99213', '20610', '11055', '36415', '99397'),
            charge: fc.integer({ min: 100, max: 500_000 }),
            mods: fc.subarray(['GA', '50', '25']),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        fc.array(fc.record({ id: fc.constantFrom(...ids), line: fc.integer({ min: 1, max: 5 }) }), {
          maxLength: 2,
        }),
        fc.constantFrom('medicare', 'commercial-ppo', 'medicaid'),
        fc.boolean(),
        fc.constantFrom('none', 'replace', 'void'),
        (ls, fs, pid, secondary, correction) => {
          const c = claim(
            ls.map((l) => line(l.code, (l.charge / 100).toFixed(2), { modifiers: l.mods })),
            { accumulators: { deductibleMet: $('100.00'), outOfPocketMet: cents(0) } },
          );
          const findings = fs.filter((f) => f.line <= ls.length).map((f) => finding(f.id, f.line));
          let r = adjudicate(c, { payer: payer(pid), fees, findings });
          if (secondary) r = adjudicate(c, { payer: payer('medicaid'), fees, cob: { primary: r } });
          if (correction !== 'none' && r.status !== 'rejected') {
            const p = payer(secondary ? 'medicaid' : pid);
            const reopening = p.corrections === 'reopening';
            if (correction === 'void' && reopening) return true;
            const fix = {
              ...c,
              claimId: `${c.claimId}-C`,
              frequency: (reopening
                ? '1'
                : correction === 'void'
                  ? '8'
                  : '7') as Claim['frequency'],
              originalClaimId: r.payerClaimNumber,
              lines: c.lines.slice(0, Math.max(1, c.lines.length - 1)),
            };
            r = adjudicate(fix, {
              payer: p,
              fees,
              original: r,
              ...(reopening
                ? {
                    reopening: {
                      requestDate: '2026-04-01',
                      reason: 'clerical-error' as const,
                      changes: [],
                    },
                  }
                : {}),
            });
            if (r.status === 'voided') seen.voided++;
            else if (r.reversal) seen.replaced++;
          }
          const x = write835(r);
          if (!x.ok) return r.status === 'rejected';
          if (x.value.includes('PLB*')) seen.plb++;
          const back = read835(x.value);
          expect(back.ok && back.value.length).toBe(1);
          expect(back.ok && contract(back.value[0]!)).toEqual(contract(r));
          return true;
        },
      ),
      { numRuns: 500, seed: 835 },
    );
    expect(seen.replaced).toBeGreaterThan(50);
    expect(seen.voided).toBeGreaterThan(30);
    expect(seen.plb).toBeGreaterThan(5);
  });

  it('refuses to write an 835 for a front-end rejection', () => {
    const r = adjudicate(claim([line('99213', '120.00')]), {
      payer: payer('medicare'),
      fees,
      findings: [finding('claim.missing-field', null, { field: 'patient.memberId' })],
    });
    expect(r.status).toBe('rejected');
    const x = write835(r);
    expect(!x.ok && x.errors[0]!.message).toMatch(/rejected at the front end/);
  });

  it('reports a malformed 835 by segment', () => {
    const r = adjudicate(claim([line('99213', '120.00')]), { payer: payer('medicare'), fees });
    const x = write835(r);
    if (!x.ok) throw new Error('write');
    const bad = read835(x.value.replace(/CAS\*CO\*45\*[0-9.]+/, 'CAS*XX*45*abc'));
    expect(!bad.ok && bad.errors.map((e) => e.path)).toEqual([
      expect.stringMatching(/^segment \d+ \(CAS\) CAS01$/),
      expect.stringMatching(/^segment \d+ \(CAS\) CAS03$/),
    ]);
  });
});
