/**
 * X12 loops that carry addresses and assignment: 837P 2010BA subscriber N3/N4, CLM07 assignment vs participation, 835 1000A
 * payer N3/N4 + PER*BL, MA01 at claim level (MOA) only.
 */
import { X12Parser } from 'node-x12';
import { describe, expect, it } from 'vitest';
import { adjudicate } from '../../src/domain/payer/adjudicate';
import { acceptsAssignment, withAssignment } from '../../src/domain/payer/cost-sharing/assignment';
import { read835, write835 } from '../../src/interop/x12/835';
import { claimsFromSegments, parse837p, write837p } from '../../src/interop/x12/837p';
import { checkEnvelope } from '../../src/interop/x12/interchange';
import { tokenize, type Segment } from '../../src/interop/x12/segments';
import { claim, fees, finding, line, payer } from '../payer/helpers';

function segments(x: string): Segment[] {
  const t = tokenize(x);
  if (!t.ok) throw new Error(JSON.stringify(t.errors));
  expect(checkEnvelope(t.value.segments)).toEqual([]);
  return t.value.segments;
}

function viaNodeX12(text: string): Segment[] {
  const ic = new X12Parser(true).parse(text) as unknown as {
    functionalGroups: {
      transactions: { segments: { tag: string; elements: { value: string }[] }[] }[];
    }[];
  };
  return ic.functionalGroups[0]!.transactions[0]!.segments.map((s) => [
    s.tag,
    ...s.elements.map((e) => e.value),
  ]);
}

describe('837P 2010BA subscriber address', () => {
  it('sends N3/N4 right after NM1*IL (synthetic when the claim has none, or the given one)', () => {
    const c = claim([line('99213', '120.00')]);
    const s = segments(write837p(c));
    const il = s.findIndex((q) => q[0] === 'NM1' && q[1] === 'IL');
    expect(s[il + 1]).toEqual(['N3', '1 TRAINING WAY']);
    expect(s[il + 2]).toEqual(['N4', 'SPRINGFIELD', 'IL', '627010000']);
    expect(s[il + 3]![0]).toBe('DMG');
    const own = segments(
      write837p(c, {
        subscriberAddress: { address: '9 ELM ST', city: 'DAYTON', state: 'OH', zip: '45402' },
      }),
    );
    expect(own[il + 1]).toEqual(['N3', '9 ELM ST']);
    expect(own[il + 2]).toEqual(['N4', 'DAYTON', 'OH', '45402']);
  });
});

describe('837P CLM07: assignment apart from participation', () => {
  const nonPar = () => {
    const c = claim([line('99213', '120.00')]);
    c.provider.participating = false;
    return c;
  };
  const clm07 = (x: string) => segments(x).find((q) => q[0] === 'CLM')![7];

  it('non-participating, assigned: A, and reads back as non-par + assigned (ours and node-x12)', () => {
    const c = withAssignment(nonPar(), true);
    const x = write837p(c);
    expect(clm07(x)).toBe('A');
    const mine = parse837p(x);
    expect(mine.ok && mine.value).toEqual([c]);
    const theirs = claimsFromSegments(viaNodeX12(x));
    expect(theirs.ok && theirs.value).toEqual([c]);
  });

  it('non-participating, not assigned: C; participating: A', () => {
    expect(clm07(write837p(nonPar()))).toBe('C');
    expect(clm07(write837p(withAssignment(nonPar(), false)))).toBe('C');
    expect(clm07(write837p(claim([line('99213', '120.00')])))).toBe('A');
  });

  it('reads C as "not assigned"; only on a Medicare Part B claim (SBR09 MB) also as non-participating', () => {
    // Issue 10: CLM07 is assignment; participation has no 837 element. A Medicare participating
    // provider accepts assignment on every claim (SSA §1842(h)(1)), so C there means non-par.
    const medicare = parse837p(write837p(withAssignment(nonPar(), false)));
    expect(medicare.ok && medicare.value[0]!.provider.participating).toBe(false);
    expect(medicare.ok && acceptsAssignment(medicare.value[0]!)).toBe(false);
    const x = write837p({ ...withAssignment(nonPar(), false), payerId: 'commercial-ppo' });
    expect(segments(x).find((q) => q[0] === 'SBR')![9]).not.toBe('MB');
    expect(clm07(x)).toBe('C');
    const commercial = parse837p(x);
    expect(commercial.ok && commercial.value[0]!.provider.participating).toBeUndefined();
    expect(
      commercial.ok &&
        (commercial.value[0]!.provider as { acceptsAssignment?: boolean }).acceptsAssignment,
    ).toBe(false);
  });
});

describe('835 1000A payer and claim-level MA01', () => {
  const denied = () =>
    adjudicate(claim([line('99213', '120.00'), line('20610', '150.00')]), {
      payer: payer('medicare'),
      fees,
      findings: [finding('ncci.mue', 2)],
    });

  it('sends N1*PR, N3, N4, REF*2U, PER*BL in 1000A; node-x12 parses it', () => {
    const w = write835(denied());
    if (!w.ok) throw new Error('write');
    const s = segments(w.value);
    const n1 = s.findIndex((q) => q[0] === 'N1' && q[1] === 'PR');
    expect(s.slice(n1 + 1, n1 + 5).map((q) => q.slice(0, 2))).toEqual([
      ['N3', '1 TRAINING PAYER PLAZA'],
      ['N4', 'SPRINGFIELD'],
      ['REF', '2U'],
      ['PER', 'BL'],
    ]);
    expect(s[n1 + 4]).toEqual(['PER', 'BL', 'CLAIMLAB EDI SUPPORT', 'TE', '5555550199']);
    expect(viaNodeX12(w.value).some((q) => q[0] === 'PER' && q[1] === 'BL')).toBe(true);
  });

  it('puts MA01 in MOA only, never in a line LQ, and reads it back at claim level', () => {
    const r = denied();
    expect(r.lines.some((l) => l.remarks.includes('MA01'))).toBe(false);
    const w = write835(r);
    if (!w.ok) throw new Error('write');
    const s = segments(w.value);
    expect(s.find((q) => q[0] === 'MOA')).toEqual(['MOA', '', '', 'MA01']);
    expect(s.filter((q) => q[0] === 'LQ').map((q) => q[2])).toEqual(['N362']);
    // A remittance from elsewhere with MA01 on a line: moved to MOA.
    const foreign = {
      ...r,
      claimRemarks: [],
      lines: r.lines.map((l) => ({ ...l, remarks: [...l.remarks, 'MA01'] })),
    };
    const w2 = write835(foreign);
    if (!w2.ok) throw new Error('write');
    const s2 = segments(w2.value);
    expect(s2.find((q) => q[0] === 'MOA')).toEqual(['MOA', '', '', 'MA01']);
    expect(s2.filter((q) => q[0] === 'LQ' && q[2] === 'MA01')).toEqual([]);
    const back = read835(w.value);
    expect(back.ok && back.value[0]!.claimRemarks).toEqual(['MA01']);
  });
});
