/**
 * The CMS-1500 (02/12) mapping, item by item, against the NUCC 1500 Health Insurance Claim Form
 * Reference Instruction Manual for Form Version 02/12 (item numbers cited in each test).
 */
import { describe, expect, it } from 'vitest';
import {
  cms1500Forms,
  formDate,
  formDiagnosis,
  formMoney,
  formPointer,
} from '../../src/ui/case/cms1500';
import { $, claim, line, NPI } from '../factories/claims';

const visit = () =>
  claim({
    claimId: 'C-100',
    patient: {
      sex: 'F',
      birthDate: '1955-05-01',
      memberId: '1EG4TE5MK73',
      firstName: 'Ada',
      lastName: 'Quill',
    },
    lines: [
      line('99214', '145.00', { modifiers: ['25'], dxPointers: [1, 2] }),
      line('20610', '1210.50', { modifiers: ['RT'], dxPointers: [3], units: 2 }),
    ],
  });

describe('CMS-1500 formats (NUCC general instructions)', () => {
  it('dates are MM DD YY, birth date MM DD YYYY (item 3 takes the 8-digit date)', () => {
    expect(formDate('2026-03-02')).toBe('03 02 26');
    expect(formDate('1955-05-01', 8)).toBe('05 01 1955');
    expect(formDate('not a date')).toBe('not a date');
  });

  it('item 21 diagnoses drop the implied decimal point', () => {
    expect(formDiagnosis('M17.11')).toBe('M1711');
    expect(formDiagnosis('I10')).toBe('I10');
  });

  it('item 24E pointers are letters left to right without commas, at most four', () => {
    expect(formPointer([1, 2])).toBe('AB');
    expect(formPointer([12, 1, 3, 4, 5])).toBe('LACD');
    expect(formPointer([0, 13])).toBe('');
  });

  it('items 24F/28 money: no "$" or commas, "00" cents for whole dollars, no negatives', () => {
    expect(formMoney($('1210.50'))).toEqual({ dollars: '1210', cents: '50' });
    expect(formMoney($('145'))).toEqual({ dollars: '145', cents: '00' });
    expect(formMoney(-500)).toEqual({ dollars: '0', cents: '00' });
  });
});

describe('cms1500Forms', () => {
  it('fills the patient and insured items from the claim', () => {
    const [f] = cms1500Forms(visit(), { payerName: 'Medicare Part B', payerKind: 'medicare' });
    expect(f?.payerName).toBe('Medicare Part B');
    expect(f?.item1).toBe('Medicare'); // item 1: one box, the coverage type
    expect(f?.item1a).toBe('1EG4TE5MK73'); // item 1a insured's ID
    expect(f?.item2).toBe('Quill, Ada'); // item 2: last, first with commas
    expect(f?.item3).toEqual({ birthDate: '05 01 1955', sex: 'F' });
    expect(f?.item6).toBe('Self');
    expect(f?.item4).toBe('Quill, Ada');
    expect(f?.item11d).toBe(false);
  });

  it('item 1: a commercial plan is a group health plan; Medicaid its own box', () => {
    expect(cms1500Forms(visit(), { payerKind: 'commercial' })[0]?.item1).toBe('Group Health Plan');
    expect(cms1500Forms(visit(), { payerKind: 'medicaid' })[0]?.item1).toBe('Medicaid');
  });

  it('item 3: an unknown sex leaves both boxes blank', () => {
    const c = visit();
    c.patient.sex = 'U';
    expect(cms1500Forms(c)[0]?.item3.sex).toBeNull();
  });

  it('item 21 uses ICD indicator 0 (ICD-10-CM) and letters A–L in claim order', () => {
    const [f] = cms1500Forms(visit());
    expect(f?.item21).toEqual({ indicator: '0', codes: ['E119', 'I10', 'M1711'] });
  });

  it('item 22 is blank on an original claim, frequency and original number on a replacement', () => {
    expect(cms1500Forms(visit())[0]?.item22).toEqual({ code: '', original: '' });
    const r = { ...visit(), frequency: '7' as const, originalClaimId: 'PAYER-9' };
    expect(cms1500Forms(r)[0]?.item22).toEqual({ code: '7', original: 'PAYER-9' });
  });

  it('item 23 carries the prior authorization number', () => {
    expect(cms1500Forms({ ...visit(), priorAuthNumber: 'PA77' })[0]?.item23).toBe('PA77');
  });

  it('item 24 lines: dates, POS, code, modifiers, pointer, charge, units', () => {
    const [f] = cms1500Forms(visit());
    expect(f?.item24).toEqual([
      {
        from: '03 02 26',
        to: '03 02 26',
        pos: '11',
        emg: '',
        code: '99214',
        modifiers: ['25'],
        pointer: 'AB',
        chargeDollars: '145',
        chargeCents: '00',
        units: '1',
        renderingNpi: '',
      },
      expect.objectContaining({ code: '20610', pointer: 'C', units: '2', chargeDollars: '1210' }),
    ]);
  });

  it('items 26–33: account number, assignment, total, signature date, billing NPI', () => {
    const [f] = cms1500Forms(visit(), { providerName: 'Lakeside Family Medicine' });
    expect(f?.item26).toBe('C-100');
    expect(f?.item27).toBe(true);
    expect(f?.item28).toBe('1355 50');
    expect(f?.item29).toBe('');
    expect(f?.item31).toEqual({ signature: 'Signature on File', date: '03 02 26' });
    expect(f?.item33).toEqual({ name: 'Lakeside Family Medicine', npi: NPI });
  });

  it('item 27: a non-participating provider not accepting assignment marks No', () => {
    const c = visit();
    c.provider = { ...c.provider, participating: false, acceptsAssignment: false };
    expect(cms1500Forms(c)[0]?.item27).toBe(false);
  });

  it('item 24: six lines per form; the total (item 28) only on the last form', () => {
    const lines = Array.from({ length: 7 }, (_, i) => line(`9921${i}`, '10.00'));
    const forms = cms1500Forms({ ...visit(), lines });
    expect(forms.map((f) => f.item24.length)).toEqual([6, 1]);
    expect(forms.map((f) => f.item28)).toEqual(['Continued', '70 00']);
  });

  it('items 9, 9a, 9d, 11d, 29: other coverage and what it paid', () => {
    const c = visit();
    c.payerSequence = 'secondary';
    c.otherPayers = [
      {
        payerId: 'medicare',
        sequence: 'primary',
        memberId: 'M-1',
        adjudication: {
          payerClaimNumber: 'X',
          adjudicationDate: '2026-03-20',
          lines: [
            { line: 1, code: '99214', modifiers: [], units: 1, paid: $('80.00'), adjustments: [] },
          ],
        },
      },
    ];
    const [f] = cms1500Forms(c, { otherPayerName: () => 'Medicare Part B' });
    expect(f?.item9).toBe('Quill, Ada');
    expect(f?.item9a).toBe('M-1');
    expect(f?.item9d).toBe('Medicare Part B');
    expect(f?.item11d).toBe(true);
    expect(f?.item29).toBe('80 00');
  });
});
