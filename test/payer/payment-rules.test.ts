/**
 * The Physician Fee Schedule payment rules beyond indicator 2: multiple endoscopy (3), imaging
 * (4), therapy (5), cardiovascular (6) and ophthalmology (7) reductions, assistant at surgery,
 * co-surgery and team surgery. Synthetic RVU rows with a conversion factor of 100.0000 and all
 * GPCIs 1.000, so 1.00 RVU = $100.00 and every expected amount is worked out by hand in the
 * comments. A second block checks a few real codes on the imported CY2025 bundle (skipped, with
 * a message, when codesets/build has no MPFS bundle).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMpfsBundle, mpfsTables } from '../../src/codesets/mpfs/bundle';
import { decodeMpfsBundle, MPFS_FORMAT_VERSION } from '../../src/codesets/mpfs/decode';
import { parseRvuFile } from '../../src/codesets/mpfs/import';
import { formatMoney } from '../../src/domain/money';
import { payerFee } from '../../src/domain/payer/pricing/fee-lookup';
import { parseFeeTable, type FeeSources, type RvuEntry } from '../../src/domain/payer/pricing/fees';
import {
  applyPaymentRules,
  medicareFee,
  type LineToPrice,
  type MedicareFee,
} from '../../src/domain/payer/pricing/pricing';
import { claim, line, payer, run } from './helpers';
import { baseProvider } from '../factories';

const rvu = (
  code: string,
  [work, pe, mp]: [number, number, number],
  more: Partial<RvuEntry> = {},
): RvuEntry => ({
  code,
  modifier: '',
  status: 'A',
  work,
  peNonFacility: pe,
  peFacility: pe,
  mp,
  pctc: '0',
  globalDays: '000',
  mult: '2',
  bilat: '0',
  endoBase: '',
  asstSurg: '2',
  coSurg: '0',
  teamSurg: '0',
  ...more,
});
/** A global row and its 26 and TC rows (PC/TC indicator 1). RVUs in hundredths. */
const split = (
  code: string,
  mult: string,
  global: [number, number, number],
  pc: [number, number, number],
  tc: [number, number, number],
): RvuEntry[] => [
  rvu(code, global, { mult, pctc: '1', asstSurg: '9' }),
  rvu(code, pc, { mult, pctc: '1', asstSurg: '9', modifier: '26' }),
  rvu(code, tc, { mult, pctc: '1', asstSurg: '9', modifier: 'TC' }),
];

const tables = mpfsTables({
  year: 2025,
  source: 'synthetic MPFS (test)',
  conversionFactor: 1_000_000, // $100.0000 per RVU
  rvus: [
    // Colonoscopy family: base 45378 = 2.00 + 1.00 RVU = $300; members $400 and $500.
    rvu('45378', [200, 100, 0]),
    rvu('45380', [300, 100, 0], { mult: '3', endoBase: '45378' }),
    rvu('45385', [400, 100, 0], { mult: '3', endoBase: '45378' }),
    // Upper GI family: base 43235 = $200; 43239 = $250 (assistant never payable: ASST SURG 1).
    rvu('43235', [150, 50, 0]),
    rvu('43239', [200, 50, 0], { mult: '3', endoBase: '43235', asstSurg: '1' }),
    // A non-endoscopic surgery: $150.
    rvu('11042', [100, 50, 0]),
    // Surgeries for the surgical-team modifiers: $4,000 and $2,000.
    rvu('27447', [2000, 1500, 500], { asstSurg: '2', coSurg: '1', teamSurg: '0' }),
    rvu('47562', [1000, 700, 300], { asstSurg: '0', coSurg: '2', teamSurg: '1' }),
    rvu('99213', [100, 50, 0], { mult: '0', asstSurg: '9', coSurg: '9', teamSurg: '9' }),
    // Imaging (4): 74177 $800 = PC $250 + TC $550; 71260 $400 = PC $120 + TC $280.
    ...split('74177', '4', [200, 600, 0], [200, 50, 0], [0, 550, 0]),
    ...split('71260', '4', [100, 300, 0], [100, 20, 0], [0, 280, 0]),
    // Therapy (5, PC/TC 7): 97110 $100 with PE $40; 97140 $80 with PE $30.
    rvu('97110', [50, 40, 10], { mult: '5', pctc: '7', asstSurg: '9' }),
    rvu('97140', [40, 30, 10], { mult: '5', pctc: '7', asstSurg: '9' }),
    // Cardiovascular (6): 93306 $600 = PC $200 + TC $400; 93880 $400 = PC $120 + TC $280;
    // 93000 global-only (PC/TC 4: no TC row, so no TC to reduce).
    ...split('93306', '6', [150, 450, 0], [150, 50, 0], [0, 400, 0]),
    ...split('93880', '6', [100, 300, 0], [100, 20, 0], [0, 280, 0]),
    rvu('93000', [17, 24, 2], { mult: '6', pctc: '4', asstSurg: '9' }),
    // Ophthalmology (7): 92250 $110 = PC $60 + TC $50; 92133 $100 = PC $60 + TC $40.
    ...split('92250', '7', [40, 70, 0], [40, 20, 0], [0, 50, 0]),
    ...split('92133', '7', [50, 50, 0], [50, 10, 0], [0, 40, 0]),
  ],
  gpcis: [{ key: '10112-00', state: 'AL', name: 'TEST', work: 1000, pe: 1000, mp: 1000 }],
});
const sources: FeeSources = { mpfs: tables };

type Item = [code: string, modifiers?: string[], units?: number, date?: string];

/** Prices the items as one claim (national, office) and returns "code amount [rules]" rows. */
function price(items: Item[], src: FeeSources = sources, pos = '11') {
  const toPrice: LineToPrice[] = items.map(([code, mods = [], units = 1, date], i) => {
    const f = medicareFee(code, mods, pos, '', src);
    if (f.kind !== 'priced') throw new Error(`${code} not priced: ${JSON.stringify(f)}`);
    return {
      index: i,
      modifiers: mods,
      units,
      charge: 99_999_99 as LineToPrice['charge'],
      perUnit: f.perUnit,
      mult: f.mult,
      bilat: f.bilat,
      code,
      serviceDate: date ?? '2026-03-02',
      inputs: f.inputs,
    };
  });
  const out = applyPaymentRules(toPrice, { nonParRate: null, limitingChargeRate: null });
  return out.map((p) => ({
    code: items[p.index]![0],
    fee: formatMoney(p.feeSchedule),
    rules: p.rules,
  }));
}
const fees = (rows: ReturnType<typeof price>) => rows.map((r) => `${r.code} ${r.fee}`);

describe('multiple endoscopy (indicator 3)', () => {
  it('pays the highest endoscopy in full and the other at its value minus the base', () => {
    // 45385 $500.00 in full; 45380 $400.00 − base 45378 $300.00 = $100.00.
    const r = price([['45380'], ['45385']]);
    expect(fees(r)).toEqual(['45380 100.00', '45385 500.00']);
    expect(r[0]!.rules).toEqual(['multiple endoscopy: fee minus base endoscopy 45378']);
    expect(r[1]!.rules).toEqual([]);
  });

  it('does not pay the base endoscopy billed with a member of its family', () => {
    // 45380 $400.00 in full; 45378 (base) $0.00: its value is inside 45380.
    const r = price([['45378'], ['45380']]);
    expect(fees(r)).toEqual(['45378 0.00', '45380 400.00']);
    expect(r[0]!.rules).toEqual([
      'base endoscopy 45378 not paid separately (included in the family)',
    ]);
  });

  it('ranks each family as one procedure against the other surgeries of the day', () => {
    // Colon family: 45385 $500 + (45380 $400 − $300) = $600 → ranked first, paid in full.
    // Upper GI family: 43239 $250 + base 43235 $0 = $250 → second: 50% → 43239 $125.00.
    // 11042 $150 → third: 50% → $75.00.
    const r = price([['11042'], ['43235'], ['45380'], ['43239'], ['45385']]);
    expect(fees(r)).toEqual([
      '11042 75.00',
      '43235 0.00',
      '45380 100.00',
      '43239 125.00',
      '45385 500.00',
    ]);
    expect(r[3]!.rules).toEqual(['multiple procedure 50%']);
    expect(r[1]!.rules).toEqual([
      'base endoscopy 43235 not paid separately (included in the family)',
    ]);
  });

  it('treats an endoscopy without another member of its family as a standard surgery', () => {
    // 43239 $250 alone in its family: standard ranking with 11042 $150 → $250.00 and $75.00.
    expect(fees(price([['43239'], ['11042']]))).toEqual(['43239 250.00', '11042 75.00']);
  });

  it('counts a second unit of a member as another endoscopy of the family', () => {
    // 45385 × 2: first unit $500, second $500 − $300 = $200 → line $700.00.
    expect(fees(price([['45385', [], 2]]))).toEqual(['45385 700.00']);
  });

  it('applies the rules per day of service', () => {
    // Different days: no family, and each is the only surgery of its day → both in full.
    expect(
      fees(
        price([
          ['45380', [], 1, '2026-03-02'],
          ['45385', [], 1, '2026-03-03'],
        ]),
      ),
    ).toEqual(['45380 400.00', '45385 500.00']);
  });
});

describe('diagnostic imaging (indicator 4)', () => {
  it('pays the TC of the second service at 50% and its PC at 95%', () => {
    // 74177 $800.00 in full. 71260 $400.00: TC $280.00 → cut $140.00; PC $120.00 → 95% =
    // $114.00, cut $6.00 → $400.00 − $140.00 − $6.00 = $254.00.
    const r = price([['74177'], ['71260']]);
    expect(fees(r)).toEqual(['74177 800.00', '71260 254.00']);
    expect(r[1]!.rules).toEqual([
      'imaging multiple procedure: technical component 50%',
      'imaging multiple procedure: professional component 95%',
    ]);
  });

  it('reduces component-only lines: PC 95% for readings, TC 50% for the technical part', () => {
    // 74177-26 $250.00 in full; 71260-26 $120.00 × 95% = $114.00.
    expect(
      fees(
        price([
          ['71260', ['26']],
          ['74177', ['26']],
        ]),
      ),
    ).toEqual(['71260 114.00', '74177 250.00']);
    // 74177-TC $550.00 in full; 71260-TC $280.00 × 50% = $140.00.
    expect(
      fees(
        price([
          ['74177', ['TC']],
          ['71260', ['TC']],
        ]),
      ),
    ).toEqual(['74177 550.00', '71260 140.00']);
  });

  it('leaves a single imaging service alone', () => {
    expect(price([['71260']])[0]).toMatchObject({ fee: '400.00', rules: [] });
  });
});

describe('therapy (indicator 5)', () => {
  it('halves the practice-expense part of every unit after the one with the highest PE', () => {
    // Units ranked by PE: 97110 #1 ($40 PE) in full; 97110 #2: $100 − $20 = $80 → line $180.00;
    // 97140 ($30 PE): $80 − $15 = $65.00.
    const r = price([['97140'], ['97110', [], 2]]);
    expect(fees(r)).toEqual(['97140 65.00', '97110 180.00']);
    expect(r[0]!.rules).toEqual(['therapy multiple procedure: practice expense 50%']);
  });
});

describe('diagnostic cardiovascular and ophthalmology (indicators 6 and 7)', () => {
  it('pays the TC of the lower-valued cardiovascular service at 75%', () => {
    // 93306 (TC $400) in full $600.00; 93880: TC $280 × 75% = $210, cut $70 → $330.00.
    const r = price([['93880'], ['93306']]);
    expect(fees(r)).toEqual(['93880 330.00', '93306 600.00']);
    expect(r[0]!.rules).toEqual(['cardiovascular multiple procedure: technical component 75%']);
  });

  it('leaves a global-only code without a TC row out of the TC ranking', () => {
    // 93000 has PC/TC indicator 4 (no TC row): its TC is unknown, so nothing is reduced.
    // 93000 = 0.17 + 0.24 + 0.02 = 0.43 RVU = $43.00.
    expect(fees(price([['93306'], ['93000']]))).toEqual(['93306 600.00', '93000 43.00']);
  });

  it('pays the TC of the lower-valued ophthalmology service at 80%', () => {
    // 92250 (TC $50) in full $110.00; 92133: TC $40 × 80% = $32, cut $8 → $100 − $8 = $92.00.
    expect(fees(price([['92250'], ['92133']]))).toEqual(['92250 110.00', '92133 92.00']);
  });

  it('ranks each family of rules on its own (cardiovascular with imaging: no cross reduction)', () => {
    expect(fees(price([['93306'], ['71260']]))).toEqual(['93306 600.00', '71260 400.00']);
  });
});

describe('assistant at surgery, co-surgery and team surgery', () => {
  const fee = (code: string, mods: string[]): MedicareFee =>
    medicareFee(code, mods, '11', '', sources);

  it('pays an assistant 16% and a non-physician assistant 13.6% when ASST SURG allows', () => {
    // 27447 $4,000.00 (ASST SURG 2): 80/81/82 → 16% = $640.00; AS → 13.6% = $544.00.
    for (const m of ['80', '81', '82'])
      expect(fee('27447', [m])).toMatchObject({ kind: 'priced', perUnit: 640_00 });
    expect(fee('27447', ['AS'])).toMatchObject({ perUnit: 544_00 });
    const r = price([['27447', ['AS']]]);
    expect(r[0]!.rules).toEqual(['non-physician assistant at surgery (85% of 16%) 13.6%']);
    // 47562 $2,000.00 (ASST SURG 0: payable with documentation): 16% = $320.00.
    const r2 = price([['47562', ['80']]]);
    expect(r2[0]).toMatchObject({
      fee: '320.00',
      rules: ['assistant at surgery 16% (documentation of medical necessity required)'],
    });
  });

  it('does not price an assistant where ASST SURG is 1 (restricted) or 9 (does not apply)', () => {
    expect(fee('43239', ['80'])).toEqual({
      kind: 'unpriced',
      reason: 'assistant-not-payable',
      status: 'A',
    });
    expect(fee('99213', ['82'])).toMatchObject({ reason: 'assistant-not-payable' });
  });

  it('ranks assistant services with the multiple-surgery rule after the 16%', () => {
    // 27447-80 $640.00 in full; 47562-80 $320.00 → 50% = $160.00.
    expect(
      fees(
        price([
          ['47562', ['80']],
          ['27447', ['80']],
        ]),
      ),
    ).toEqual(['47562 160.00', '27447 640.00']);
  });

  it('pays each co-surgeon 62.5% when CO SURG is 1 or 2, none when 0 or 9', () => {
    // 27447 $4,000 × 62.5% = $2,500.00; 47562 $2,000 × 62.5% = $1,250.00.
    expect(fee('27447', ['62'])).toMatchObject({ perUnit: 2500_00 });
    expect(fee('47562', ['62'])).toMatchObject({ perUnit: 1250_00 });
    expect(price([['47562', ['62']]])[0]!.rules).toEqual(['co-surgery 62.5%']);
    expect(fee('11042', ['62'])).toMatchObject({
      kind: 'unpriced',
      reason: 'co-surgery-not-payable',
    });
  });

  it('leaves team surgery unpriced: by report where allowed, not payable where not', () => {
    expect(fee('47562', ['66'])).toMatchObject({
      kind: 'unpriced',
      reason: 'team-surgery-by-report',
    });
    expect(fee('27447', ['66'])).toMatchObject({
      kind: 'unpriced',
      reason: 'team-surgery-not-payable',
    });
  });

  it('applies the assistant share to the endoscopy base too', () => {
    // Colon family as assistant (45378/80/85 ASST SURG 2): 45385 $500 × 16% = $80.00;
    // 45380 $400 × 16% = $64.00 minus base $300 × 16% = $48.00 → $16.00.
    expect(
      fees(
        price([
          ['45385', ['80']],
          ['45380', ['80']],
        ]),
      ),
    ).toEqual(['45385 80.00', '45380 16.00']);
  });
});

describe('other fee sources', () => {
  it('scales every part by a percent-of-Medicare contract (125%)', () => {
    // 45385 $500 × 1.25 = $625.00; 45380 $400 × 1.25 = $500 − base $300 × 1.25 = $375 → $125.00.
    const c = claim([line('45385', '900.00'), line('45380', '900.00')], {
      payerId: 'commercial-ppo',
      provider: { ...baseProvider(), locality: '' },
    });
    const p = payer('commercial-ppo');
    const f = c.lines.map((l) => payerFee(l, '11', '', '2026-03-02', p, sources));
    expect(f.map((x) => (x.kind === 'priced' ? x.inputs?.endoBaseFee : null))).toEqual([
      375_00, 375_00,
    ]);
    const { j } = run(c, { payerId: 'commercial-ppo', fees: sources });
    expect(j.lines.map((l) => l.allowed)).toEqual(['625.00', '125.00']);
  });

  it('reads the optional indicators of a flat fee table (pack or plan table)', () => {
    const t = parseFeeTable(
      {
        formatVersion: 1,
        id: 't',
        name: 'test table',
        source: 'synthetic',
        effective: { from: '2025-01-01', to: null },
        entries: [
          { code: '29880', nonFacility: '300.00', facility: '300.00', mult: '2', basis: 'x' },
          // 29881 $250 − base 29880 $300 would be negative: a family member never goes below $0.
          {
            code: '29881',
            nonFacility: '250.00',
            facility: '250.00',
            mult: '3',
            endoBase: '29880',
            asstSurg: '1',
            basis: 'x',
          },
          {
            code: '29877',
            nonFacility: '350.00',
            facility: '350.00',
            mult: '3',
            endoBase: '29880',
            basis: 'x',
          },
        ],
      },
      't.json',
    );
    if (!t.ok) throw new Error(JSON.stringify(t.errors));
    const src: FeeSources = { medicareTable: t.value };
    // 29877 $350 in full; 29881 max(0, $250 − $300) = $0.00; base 29880 $0.00.
    expect(fees(price([['29881'], ['29877'], ['29880']], src))).toEqual([
      '29881 0.00',
      '29877 350.00',
      '29880 0.00',
    ]);
    expect(medicareFee('29881', ['80'], '11', '', src)).toMatchObject({
      reason: 'assistant-not-payable',
    });
    // No ASST SURG in the table: the assistant is priced, and the rule says the indicator is missing.
    expect(price([['29877', ['80']]], src)[0]).toMatchObject({
      fee: '56.00', // $350 × 16%
      rules: ['assistant at surgery 16% (indicator not in the fee table)'],
    });
    const bad = parseFeeTable(
      {
        formatVersion: 1,
        id: 't',
        name: 'n',
        source: 's',
        effective: { from: '2025-01-01', to: null },
        entries: [
          { code: '29881', nonFacility: '1.00', facility: '1.00', endoBase: 'x', basis: 'b' },
        ],
      },
      't.json',
    );
    expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toEqual(['t.json: entries[0].endoBase']);
  });

  it('uses optional TC/PC/PE parts of a flat table for the component rules and 26/TC lines', () => {
    const amt = (a: string) => ({ nonFacility: a, facility: a });
    const t = parseFeeTable(
      {
        formatVersion: 1,
        id: 't',
        name: 'test table',
        source: 'synthetic',
        effective: { from: '2025-01-01', to: null },
        entries: [
          // MRI A $400 = PC $100 + TC $300; MRI B $300 = PC $100 + TC $200.
          {
            code: '70551',
            ...amt('400.00'),
            mult: '4',
            pc: amt('100.00'),
            tc: amt('300.00'),
            basis: 'x',
          },
          {
            code: '72148',
            ...amt('300.00'),
            mult: '4',
            pc: amt('100.00'),
            tc: amt('200.00'),
            basis: 'x',
          },
          // Without parts: no reduction can be computed.
          { code: '70553', ...amt('500.00'), mult: '4', basis: 'x' },
          { code: '97110', ...amt('100.00'), mult: '5', pe: amt('40.00'), basis: 'x' },
          { code: '97140', ...amt('80.00'), mult: '5', pe: amt('30.00'), basis: 'x' },
        ],
      },
      't.json',
    );
    if (!t.ok) throw new Error(JSON.stringify(t.errors));
    const src: FeeSources = { medicareTable: t.value };
    // 70551 $400 in full; 72148: TC $200 → 50% (cut $100), PC $100 → 95% (cut $5) → $195.00.
    expect(fees(price([['70551'], ['72148']], src))).toEqual(['70551 400.00', '72148 195.00']);
    // 72148-26 priced from the table's PC ($100.00) and reduced to 95% behind 70551-26 ($100).
    expect(
      fees(
        price(
          [
            ['70551', ['26']],
            ['72148', ['26']],
          ],
          src,
        ),
      ),
    ).toEqual(['70551 100.00', '72148 95.00']);
    expect(fees(price([['70553'], ['72148']], src))).toEqual(['70553 500.00', '72148 300.00']);
    // Therapy: 97110 (PE $40) in full; 97140 $80 − 50% of PE $30 = $65.00.
    expect(fees(price([['97110'], ['97140']], src))).toEqual(['97110 100.00', '97140 65.00']);
  });

  it('shows the rules on the remittance and denies an assistant the code does not allow', () => {
    const c = claim([
      line('45380', '900.00'),
      line('45385', '900.00'),
      line('43239', '500.00', { modifiers: ['80'] }),
    ]);
    const { j } = run(c, { fees: sources });
    expect(j.lines[0]!.allowed).toBe('100.00');
    expect(j.lines[0]!.pricingRules).toContain(
      'multiple endoscopy: fee minus base endoscopy 45378',
    );
    expect(j.lines[2]!.allowed).toBe('0.00');
    expect(j.lines[2]!.adjustments).toEqual([{ group: 'CO', carc: '54', amount: '500.00' }]);
  });
});

describe('MPFS bundle format 2 (ENDO BASE and surgical-team indicators)', () => {
  // The CMS RVU file's five header rows (column names only), then our own synthetic rows.
  const HEAD = [
    ',, ,,,,,,,,,,,,,,,,,,,,,,,,,NON-FACILITY,FACILITY,',
    ',,,NOT USED,,,,,,,,,,,,,,,,,,,,,PHYSICIAN,,DIAGNOSTIC,PE USED,PE USED,MP USED',
    ',,,FOR,,,NON-FAC,,FACILITY ,,,,,,,,,,,,,,,,SUPERVISION OF,,IMAGING,FOR OPPS,FOR OPPS,FOR OPPS',
    ',,STATUS,MEDICARE ,WORK,NON-FAC,NA,FACILITY,NA,MP,NON-FACILITY,FACILITY,PCTC,GLOB,PRE,INTRA,POST,MULT,BILAT,ASST,CO-,TEAM,ENDO,CONV,DIAGNOSTIC,CALCULATION,FAMILY,PAYMENT,PAYMENT,PAYMENT',
    'HCPCS,MOD,CODE,PAYMENT,RVU,PE RVU,INDICATOR,PE RVU,INDICATOR,RVU,TOTAL,TOTAL,IND,DAYS,OP,OP,OP,PROC,SURG,SURG,SURG,SURG,BASE,FACTOR,PROCEDURES,FLAG,INDICATOR,AMOUNT,AMOUNT,AMOUNT',
  ];
  it('imports ENDO BASE, ASST SURG, CO SURG and TEAM SURG by header name', () => {
    const text = [
      ...HEAD,
      '45378,,A,,2.00,1.00,,0.50,,0.10,3.10,2.60,0,000,0,0,0,2,0,2,0,0,,32.3465,09,0,99,0,0,0',
      '45380,,A,,3.00,1.00,,0.50,,0.10,4.10,3.60,0,000,0,0,0,3,0,1,2,9,45378,32.3465,09,0,99,0,0,0',
      '45381,,A,,3.00,1.00,,0.50,,0.10,4.10,3.60,0,000,0,0,0,3,0,1,2,9,4537,32.3465,09,0,99,0,0,0',
    ].join('\n');
    const r = parseRvuFile(text, 'x.csv');
    expect(r.ok ? null : r.errors).toEqual([
      { path: 'x.csv:8 (endoBase)', message: 'ENDO BASE "4537" is not a 5-character code' },
    ]);
    const ok = parseRvuFile(text.split('\n').slice(0, -1).join('\n'), 'x.csv');
    if (!ok.ok) throw new Error(JSON.stringify(ok.errors));
    expect(ok.value.rvus[1]).toMatchObject({
      code: '45380',
      mult: '3',
      endoBase: '45378',
      asstSurg: '1',
      coSurg: '2',
      teamSurg: '9',
    });
  });

  it('rejects an older bundle with the command that rebuilds it', () => {
    const r = decodeMpfsBundle({ format: 'claimlab.mpfs', formatVersion: 1 }, 'mpfs.json.gz');
    expect(r.ok ? '' : r.errors[0]!.message).toMatch(/format 1 is older.*codesets build/);
  });

  it('scripts/ensure-codesets.mjs rebuilds bundles of any other format version', () => {
    const script = readFileSync(join(__dirname, '../../scripts/ensure-codesets.mjs'), 'utf8');
    expect(/const MPFS_FORMAT_VERSION = (\d+);/.exec(script)?.[1]).toBe(
      String(MPFS_FORMAT_VERSION),
    );
  });
});

const BUILD = join(__dirname, '../../codesets/build');
const real = existsSync(join(BUILD, 'mpfs-2025.json.gz')) ? loadMpfsBundle(BUILD) : null;
const realTables = real?.ok ? real.value : null;
if (!realTables)
  console.warn(
    'payment-rules.test.ts: real-code checks skipped: no MPFS bundle in codesets/build. Put the CMS RVU25D files in ../shared/reference/mpfs/2025 and run `npm run -s claimlab -- codesets build`.',
  );

describe.skipIf(!realTables)('real CY2025 codes (imported bundle, national GPCI)', () => {
  const src = (): FeeSources => ({ mpfs: realTables! });
  it('43239 with its base 43235: the base is not paid separately', () => {
    // Facility (POS 22): 43239 = (2.39 + 1.42 + 0.29) × 32.3465 = 4.10 × 32.3465 = 132.62;
    // 43235 = 3.65 × 32.3465 = 118.06 → $0.00 (base of the family).
    expect(fees(price([['43239'], ['43235']], src(), '22'))).toEqual([
      '43239 132.62',
      '43235 0.00',
    ]);
    // 43239 has ENDO BASE 43235 and ASST SURG 1 in RVU25D.
    expect(medicareFee('43239', ['80'], '22', '', src())).toMatchObject({
      reason: 'assistant-not-payable',
    });
  });

  it('74177 with 71260: second imaging TC at 50%, PC at 95%', () => {
    // Non-facility: 74177 = 9.19 × 32.3465 = 297.26. 71260 = 5.08 × 32.3465 = 164.32;
    // its TC 3.44 × 32.3465 = 111.27 → 50% = 55.64 (cut 55.63); PC 1.64 × 32.3465 = 53.05 →
    // 95% = 50.40 (cut 2.65) → 164.32 − 55.63 − 2.65 = 106.04.
    expect(fees(price([['74177'], ['71260']], src()))).toEqual(['74177 297.26', '71260 106.04']);
  });
});
