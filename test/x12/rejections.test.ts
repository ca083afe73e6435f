/**
 * What the X12 readers refuse, one case per failure found by mutating valid files (issue 11,
 * "X12 never accepts what does not balance"): each rejection names the segment and why.
 * See: X12 005010 Appendix B (envelope), 005010X221A1 §1.10.2.1 (835 balancing), 005010X222A1
 * (837P HL structure, CLM02, SV107).
 */
import { describe, expect, it } from 'vitest';
import { adjudicate } from '../../src/domain/payer/adjudicate';
import { read835, write835 } from '../../src/interop/x12/835';
import { parse837p, write837p } from '../../src/interop/x12/837p';
import { $, claim, fees, line, payer } from '../payer/helpers';

const remit835 = () => {
  const r = adjudicate(claim([line('99213', '120.00'), line('36415', '15.00')]), {
    payer: payer('commercial-ppo'),
    fees,
  });
  const x = write835(r);
  if (!x.ok) throw new Error(x.errors[0]!.message);
  return x.value;
};

/** The file's segments as lines (the writer puts one per line). */
const lines = (x: string) => x.trimEnd().split('\n');
const join = (ls: string[]) => ls.join('\n') + '\n';
const edit = (x: string, tag: string, f: (seg: string) => string | null) => {
  const ls = lines(x);
  const k = ls.findIndex((l) => l.startsWith(`${tag}*`));
  if (k < 0) throw new Error(`no ${tag}`);
  const v = f(ls[k]!);
  if (v === null) ls.splice(k, 1);
  else ls[k] = v;
  return join(ls);
};
const setEl = (seg: string, n: number, v: string) => {
  const e = seg.replace(/~$/, '').split('*');
  e[n] = v;
  return e.join('*') + '~';
};
/** SE01 recounted, so that a test exercises the rule it names and not the count. */
const recount = (x: string) => {
  const ls = lines(x);
  const st = ls.findIndex((l) => l.startsWith('ST*'));
  const se = ls.findIndex((l) => l.startsWith('SE*'));
  if (st >= 0 && se >= 0) ls[se] = setEl(ls[se]!, 1, String(se - st + 1));
  return join(ls);
};
const problems = (r: { ok: boolean; errors?: { path: string; message: string }[] }) =>
  r.ok ? [] : r.errors!.map((e) => `${e.path}: ${e.message}`);

describe('835: what a payer system would refuse', () => {
  it('reads the valid file', () => {
    expect(read835(remit835()).ok).toBe(true);
  });

  it('a missing ST: the BPR is outside any transaction set, whatever its amount', () => {
    const x = edit(
      edit(remit835(), 'ST', () => null),
      'BPR',
      (s) => setEl(s, 2, '999999.99'),
    );
    const p = problems(read835(x));
    expect(p.join('\n')).toMatch(/segment 3 \(BPR\): BPR outside a transaction set.*ST/);
    expect(p.join('\n')).toMatch(/\(SE\): SE without an ST/);
  });

  it('a paid CLP with no SVC: its payment would vanish', () => {
    const x = remit835().replace(/CLP\*T1\*1\*[^~]*~/, 'CLP*T1*1*5000*5000*0*CI*X1*11*1~');
    const noLines = lines(x).filter((l) => !/^(SVC|DTM\*472|CAS|REF\*6R|AMT\*B6|LQ)/.test(l));
    const r = read835(recount(join(noLines).replace(/BPR\*I\*[^*]+/, 'BPR*I*5000')));
    expect(problems(r).join('\n')).toMatch(
      /segment \d+ \(CLP\): claim payment has no service lines \(SVC\)/,
    );
  });

  it('claim-level CAS is refused (the model carries adjustments per line)', () => {
    const x = recount(remit835().replace(/(NM1\*QC[^~]*~)/, '$1\nCAS*CO*45*10~'));
    expect(problems(read835(x)).join('\n')).toMatch(/\(CAS\): claim-level adjustments/);
  });

  it('a missing BPR, and a duplicated one', () => {
    const none = recount(edit(remit835(), 'BPR', () => null));
    expect(problems(read835(none)).join('\n')).toMatch(/\(ST\): the transaction set has no BPR/);
    const bpr = lines(remit835()).find((l) => l.startsWith('BPR*'))!;
    const two = recount(remit835().replace(/(TRN\*[^~]*~)/, `$1\n${bpr}`));
    expect(problems(read835(two)).join('\n')).toMatch(
      /segment 6 \(BPR\): a second BPR \(the first is segment 4 \(BPR\)\)/,
    );
  });

  it('a BPR02 that is not ΣCLP04 − ΣPLB (999,999.99 against the claim payments)', () => {
    const x = edit(remit835(), 'BPR', (s) => setEl(s, 2, '999999.99'));
    expect(problems(read835(x)).join('\n')).toMatch(
      /segment 4 \(BPR\) BPR02: BPR02 999999.99 is not the claim payments/,
    );
  });

  it.each([
    ['SE', 1, '99', /\(SE\) SE01: SE01 says 99 segments/],
    ['SE', 2, '0002', /\(SE\) SE02: SE02 "0002" does not match ST02 "0001"/],
    ['GE', 1, '2', /\(GE\) GE01: GE01 says 2 transaction sets but there is 1/],
    ['GE', 2, '7', /\(GE\) GE02: GE02 "7" does not match GS06 "1"/],
    ['IEA', 1, '3', /\(IEA\) IEA01: IEA01 says 3 functional groups but there is 1/],
    ['IEA', 2, '000000002', /\(IEA\) IEA02: IEA02 "000000002" does not match ISA13 "000000001"/],
  ] as const)('%s%i changed to %s', (tag, n, v, why) => {
    const x = edit(remit835(), tag, (s) => setEl(s, n, v));
    expect(problems(read835(x)).join('\n')).toMatch(why);
  });

  it('a file cut inside IEA, or with no IEA', () => {
    const x = remit835();
    const cut = x.slice(0, x.lastIndexOf('~'));
    expect(problems(read835(cut)).join('\n')).toMatch(
      /after segment \d+ \(GE\): text after the last segment terminator \("IEA\*1\*000000001"\)/,
    );
    const noIea = edit(x, 'IEA', () => null);
    expect(problems(read835(noIea)).join('\n')).toMatch(
      /segment 1 \(ISA\): interchange has no IEA \(end of file\): the file is cut short/,
    );
  });

  it('trailing garbage after IEA', () => {
    expect(problems(read835(remit835() + 'garbage')).join('\n')).toMatch(
      /text after the last segment terminator \("garbage"\)/,
    );
    expect(problems(read835(remit835() + 'XYZ*1~')).join('\n')).toMatch(
      /\(XYZ\): XYZ outside a transaction set and functional group/,
    );
  });

  it('a BOM or a non-breaking space in an amount', () => {
    for (const ch of ['\uFEFF', '\u00A0']) {
      const x = edit(remit835(), 'CLP', (s) => setEl(s, 4, `${ch}${s.split('*')[4]}`));
      expect(problems(read835(x)).join('\n')).toMatch(
        new RegExp(`\\(CLP\\): holds the character U\\+${ch === '\uFEFF' ? 'FEFF' : '00A0'}`),
      );
    }
  });

  it('an amount not in X12 R format (thousands separator, three decimals, currency sign)', () => {
    for (const v of ['1,000', '10.005', '$10', '1e3', '+5', '']) {
      const x = edit(remit835(), 'SVC', (s) => setEl(s, 3, v));
      expect(problems(read835(x))[0]).toMatch(/^segment \d+ \(SVC\) SVC03: /);
    }
  });

  it('an ISA that is not fixed width', () => {
    const x = remit835().replace(/^ISA\*00\* {10}/, 'ISA*00*  ');
    expect(problems(read835(x))[0]).toMatch(/ISA/);
    const y = remit835().replace(/\*000000001\*0\*T\*/, '*1*0*T*        ');
    expect(problems(read835(y)).join('\n')).toMatch(
      /segment 1 \(ISA\) ISA13: ISA13 must be 9 characters wide/,
    );
  });

  it('CLP05 that is not the claim’s PR adjustments, a negative payment outside a reversal', () => {
    const x = edit(remit835(), 'CLP', (s) => setEl(s, 5, '1234'));
    expect(problems(read835(x)).join('\n')).toMatch(
      /\(CLP\) CLP05: patient responsibility 1234.00/,
    );
  });

  it('a claim payment without its patient (NM1*QC), a line without its date (DTM*472), a payee without id', () => {
    expect(problems(read835(recount(edit(remit835(), 'NM1*QC', () => null)))).join('\n')).toMatch(
      /\(CLP\): claim payment has no patient \(NM1\*QC\)/,
    );
    expect(problems(read835(recount(edit(remit835(), 'DTM*472', () => null)))).join('\n')).toMatch(
      /\(SVC\): service line has no date/,
    );
    expect(problems(read835(edit(remit835(), 'N1*PE', (s) => setEl(s, 4, '')))).join('\n')).toMatch(
      /\(N1\) N104: the payee must be identified/,
    );
  });

  it('a segment out of its loop (SVC before any CLP, LX in the header)', () => {
    const ls = lines(remit835());
    const svc = ls.findIndex((l) => l.startsWith('SVC*'));
    const clp = ls.findIndex((l) => l.startsWith('CLP*'));
    [ls[svc], ls[clp]] = [ls[clp]!, ls[svc]!];
    expect(problems(read835(join(ls))).join('\n')).toMatch(
      /\(SVC\): SVC is not expected in loop 2000/,
    );
  });
});

describe('835: what is still read', () => {
  it('two interchanges one after the other (what `x12 835` prints for two claims)', () => {
    const two = remit835() + remit835().replace(/000000001/g, '000000002');
    const r = read835(two);
    expect(r.ok && r.value.map((x) => x.claimId)).toEqual(['T1', 'T1']);
  });

  it('lists at most 50 problems, then counts the rest', () => {
    const x = remit835().replace(/SVC\*([^*]*)\*[^*]*\*/g, 'SVC*$1*x*');
    const many = x.replace(
      /(LX\*1~\n)([\s\S]*?)(SE\*)/,
      (_, lx, body, se) => lx + body.repeat(30) + se,
    );
    const r = read835(many);
    expect(!r.ok && r.errors.length).toBe(51);
    expect(!r.ok && r.errors[50]!.message).toMatch(/^… and \d+ more problems$/);
  });
});

describe('837P: what a payer front end would refuse', () => {
  const c = () => claim([line('99213', '120.00', { dxPointers: [1, 2] }), line('36415', '15.00')]);
  const x837 = () => write837p(c());

  it('reads the valid file', () => {
    expect(parse837p(x837()).ok).toBe(true);
  });

  it('CLM02 that is not ΣSV102', () => {
    const x = edit(x837(), 'CLM', (s) => setEl(s, 2, '5000'));
    expect(problems(parse837p(x)).join('\n')).toMatch(
      /\(CLM\) CLM02: claim total 5000.00 is not the sum of its line charges \(SV102\) 135.00/,
    );
  });

  it('a diagnosis pointer past the claim’s diagnoses', () => {
    const x = edit(x837(), 'SV1', (s) => setEl(s, 7, '1:4'));
    expect(problems(parse837p(x)).join('\n')).toMatch(/\(SV1\) SV107: .*from 1 to 3/);
  });

  it('a missing HI, SV1, DTP*472, NM1*PR or SBR', () => {
    for (const [tag, why] of [
      ['HI', /\(CLM\): the claim has no HI/],
      ['DTP', /\(LX\): the service line has no DTP\*472/],
      ['SBR', /\(HL\): the level has no subscriber information \(SBR\)/],
      ['DMG', /\(HL\): the level has no subscriber demographics \(DMG/],
    ] as const)
      expect(problems(parse837p(recount(edit(x837(), tag, () => null)))).join('\n')).toMatch(why);
    const noPr = recount(join(lines(x837()).filter((l) => !l.startsWith('NM1*PR'))));
    expect(problems(parse837p(noPr)).join('\n')).toMatch(/the level has no payer name/);
  });

  it('an HL tree that does not hold (numbering, parent, child code)', () => {
    expect(problems(parse837p(edit(x837(), 'HL*2', (s) => setEl(s, 2, '5')))).join('\n')).toMatch(
      /\(HL\) HL02: HL02 "5" must name an earlier HL of level 20/,
    );
    expect(problems(parse837p(edit(x837(), 'HL*1', (s) => setEl(s, 4, '0')))).join('\n')).toMatch(
      /\(HL\) HL04: HL04 is 0 but a level below follows/,
    );
    expect(problems(parse837p(edit(x837(), 'HL*2', (s) => setEl(s, 1, '3')))).join('\n')).toMatch(
      /\(HL\) HL01: HL01 is "3"/,
    );
  });

  it('envelope counts and control numbers, trailing data, NBSP in an amount', () => {
    expect(problems(parse837p(edit(x837(), 'SE', (s) => setEl(s, 1, '3')))).join('\n')).toMatch(
      /\(SE\) SE01/,
    );
    expect(problems(parse837p(edit(x837(), 'GE', (s) => setEl(s, 2, '9')))).join('\n')).toMatch(
      /\(GE\) GE02/,
    );
    expect(problems(parse837p(x837() + 'ISA')).join('\n')).toMatch(/text after the last/);
    const nb = edit(x837(), 'SV1', (s) => setEl(s, 2, '120\u00A0'));
    expect(problems(parse837p(nb)).join('\n')).toMatch(/\(SV1\): holds the character U\+00A0/);
  });

  it('another payer’s AMT*D that is not ΣSVD02, and its CAS outside a line adjudication', () => {
    const cob = write837p(
      claim([line('99213', '120.00')], {
        payerSequence: 'secondary',
        otherPayers: [
          {
            payerId: 'commercial-ppo',
            sequence: 'primary',
            memberId: 'KH1',
            adjudication: {
              payerClaimNumber: 'ICN1',
              adjudicationDate: '2026-03-20',
              lines: [
                {
                  line: 1,
                  code: '99213',
                  modifiers: [],
                  units: 1,
                  paid: $('80.00'),
                  adjustments: [{ group: 'CO', carc: '45', amount: $('40.00') }],
                },
              ],
            },
          },
        ],
      }),
    );
    expect(parse837p(cob).ok).toBe(true);
    expect(problems(parse837p(edit(cob, 'AMT*D', (s) => setEl(s, 2, '95')))).join('\n')).toMatch(
      /\(AMT\) AMT02: other payer commercial-ppo paid 95.00 \(AMT\*D\) but its line adjudications \(SVD02\) add up to 80.00/,
    );
    // 2430: SVD02 + ΣCAS must equal SV102 (issue 11): 80 paid + 30 adjusted is not the 120 charge.
    const short = edit(cob, 'CAS*CO*45', (s) => setEl(s, 3, '30'));
    expect(problems(parse837p(short)).join('\n')).toMatch(
      /\(SVD\) SVD02: other payer commercial-ppo paid 80\.00 \+ adjustments 30\.00 on line 1, which does not equal its charge 120\.00/,
    );
    const claimCas = recount(cob.replace(/(AMT\*D[^~]*~)/, '$1\nCAS*CO*45*10~'));
    expect(problems(parse837p(claimCas)).join('\n')).toMatch(
      /\(CAS\): CAS outside a line adjudication/,
    );
  });

  it('an 835 given as an 837', () => {
    expect(problems(parse837p(remit835()))[0]).toMatch(/ST01: this is an 835 remittance/);
  });
});
