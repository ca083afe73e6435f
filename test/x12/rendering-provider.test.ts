/**
 * The rendering provider's type (claim `provider.renderingProviderType`): validated by the
 * parser, written to the 837P as 2310B NM1*82 with PRV*PE*PXC and its Health Care Provider
 * Taxonomy code, read back, and priced by Medicare at 85% for a nurse practitioner, physician
 * assistant or clinical nurse specialist (100% for a certified nurse-midwife since 2011).
 * See: SSA §1833(a)(1)(O); Pub. 100-04 ch. 12 §110, §120, §130; X12 005010X222A1 2310B (NM1*82,
 * PRV*PE); NUCC taxonomy 363L00000X (NP), 363A00000X (PA), 364S00000X (CNS), 367A00000X (CNM).
 */
import { describe, expect, it } from 'vitest';
import { parseClaim } from '../../src/domain/claim/parse';
import { medicareShareFor } from '../../src/domain/claim/rendering-provider';
import { applyPaymentRules } from '../../src/domain/payer/pricing/pricing';
import { parse837p, write837p } from '../../src/interop/x12/837p';
import { claim, line } from '../payer/helpers';
import { cents } from '../../src/domain/money';

const input = (provider: Record<string, unknown>) => ({
  claimId: 'rp-1',
  payerId: 'medicare',
  frequency: '1',
  patient: { sex: 'F', birthDate: '1950-03-10', memberId: 'M-rp-1' },
  provider: { npi: '1234567893', pos: '11', locality: '10112-00', ...provider },
  serviceDate: '2025-06-10',
  submissionDate: '2025-06-12',
  diagnoses: ['I10'],
  lines: [{ code: '99213', units: 1, dxPointers: [1], charge: '150.00' }],
});

describe('rendering provider type', () => {
  it('is read from the claim input, and an unknown type names the field', () => {
    const ok = parseClaim(input({ renderingProviderType: 'nurse-practitioner' }));
    expect(ok.claim.provider.renderingProviderType).toBe('nurse-practitioner');
    expect(ok.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const bad = parseClaim(input({ renderingProviderType: 'NP' }));
    expect(bad.findings.map((f) => f.message).join(' ')).toContain('Rendering provider type "NP"');
    expect(bad.claim.provider.renderingProviderType).toBeUndefined();
  });

  it('travels in the 837P as 2310B NM1*82 and PRV*PE*PXC with its taxonomy, and reads back', () => {
    const c = claim([line('99213', '150.00')], {
      provider: {
        npi: '1234567893',
        renderingNpi: '1245319599',
        renderingProviderType: 'physician-assistant',
        pos: '11',
        locality: '10112-00',
      },
    });
    const text = write837p(c);
    expect(text).toContain('NM1*82*1*RENDERING*****XX*1245319599~');
    expect(text).toContain('PRV*PE*PXC*363A00000X~');
    const back = parse837p(text);
    if (!back.ok) throw new Error(back.errors[0]!.message);
    expect(back.value[0]!.provider.renderingNpi).toBe('1245319599');
    expect(back.value[0]!.provider.renderingProviderType).toBe('physician-assistant');
  });

  it('a claim with neither a rendering NPI nor a type has no 2310B loop', () => {
    expect(write837p(claim([line('99213', '100.00')]))).not.toContain('NM1*82');
  });

  it('Medicare pays NP, PA and CNS 85%, a CNM 100% since 2011 (65% before), a physician 100%', () => {
    expect(medicareShareFor('nurse-practitioner', '2025-06-10')?.paid).toBe(0.85);
    expect(medicareShareFor('physician-assistant', '2025-06-10')?.paid).toBe(0.85);
    expect(medicareShareFor('clinical-nurse-specialist', '2025-06-10')?.paid).toBe(0.85);
    expect(medicareShareFor('certified-nurse-midwife', '2025-06-10')).toBeNull();
    expect(medicareShareFor('certified-nurse-midwife', '2010-06-10')?.paid).toBe(0.65);
    expect(medicareShareFor('physician', '2025-06-10')).toBeNull();
    expect(medicareShareFor(undefined, '2025-06-10')).toBeNull();
  });

  it('the 85% applies to the fee schedule amount before the lower-of-charge test', () => {
    // 99213, locality 10112-00 (2025): $81.86; 85% = $69.58.
    const [p] = applyPaymentRules(
      [
        {
          index: 0,
          modifiers: [],
          units: 1,
          charge: cents(15_000),
          perUnit: cents(8186),
          mult: '0',
          bilat: '0',
          code: '99213',
          serviceDate: '2025-06-10',
        },
      ],
      {
        nonParRate: null,
        limitingChargeRate: null,
        practitioner: medicareShareFor('nurse-practitioner', '2025-06-10'),
      },
    );
    expect(p!.allowed).toBe(6958);
    expect(p!.rules).toContain('nurse practitioner 85%');
  });
});
