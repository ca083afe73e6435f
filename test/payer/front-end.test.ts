/**
 * Front-end validity the payer applies before adjudication, and the provider's assignment
 * decision read from claim input.
 * See: CMS Place of Service Code Set (unassigned codes); RARC M77 (place of service), N257
 * (billing provider identifier); Pub. 100-04 ch. 1 §30.3 (assignment) and ch. 12 §30.3.12;
 * README "Claim input" (`provider.acceptsAssignment`).
 */
import { describe, expect, it } from 'vitest';
import { parseClaim } from '../../src/domain/claim/parse';
import { adjudicate } from '../../src/domain/payer/adjudicate';
import { scrub } from '../../src/domain/edits/index';
import { starterCatalog } from '../../src/codesets/starter';
import { isAssignedPos } from '../../src/domain/claim/place-of-service';
import { fees, payer } from './helpers';
import { curatedNcci } from '../../src/codesets/ncci/curated';
import { baseProvider, claimInput } from '../factories';

const ncci = curatedNcci();

const raw = (provider: Record<string, unknown>) =>
  claimInput({
    claimId: 'F1',
    provider: { ...baseProvider(), ...provider },
    diagnoses: ['E11.9'],
    lines: [{ code: '99213', units: 1, dxPointers: [1], charge: '150.00' }],
  });

const catalog = starterCatalog();
const decide = (r: unknown) => {
  const p = parseClaim(r, 'F1');
  return adjudicate(p.claim, {
    payer: payer('medicare'),
    fees,
    findings: p.findings,
    edits: (c, policy) => scrub(c, { catalog, ncci, policy }),
  });
};

describe('place of service', () => {
  it('the CMS code set: 11, 22, 27, 66, 99 assigned; 00, 30, 59, 80, 98 unassigned', () => {
    for (const c of ['11', '22', '27', '66', '99']) expect(isAssignedPos(c)).toBe(true);
    for (const c of ['00', '30', '59', '80', '98']) expect(isAssignedPos(c)).toBe(false);
  });

  it('an unassigned place of service is returned as unprocessable with M77', () => {
    const r = decide(raw({ pos: '30' }));
    expect(r.status).toBe('rejected');
    expect(r.claimRemarks).toEqual(['MA130', 'M77']);
    expect(r.findings.map((f) => f.id)).toContain('claim.invalid-field');
    expect(decide(raw({ pos: '11' })).status).not.toBe('rejected');
  });
});

describe('assignment', () => {
  it('provider.acceptsAssignment is read from claim input', () => {
    const p = parseClaim(raw({ participating: false, acceptsAssignment: true }), 'F1');
    expect(p.claim.provider.acceptsAssignment).toBe(true);
    expect(parseClaim(raw({}), 'F1').claim.provider.acceptsAssignment).toBeUndefined();
  });

  it('a non-participating provider accepting assignment: no limiting charge, no MA28', () => {
    const assigned = decide(raw({ participating: false, acceptsAssignment: true }));
    const unassigned = decide(raw({ participating: false }));
    expect(assigned.lines[0]!.remarks).not.toContain('MA28');
    expect(assigned.lines[0]!.adjustments.some((a) => a.group === 'PR' && a.carc === '45')).toBe(
      false,
    );
    expect(unassigned.lines[0]!.remarks).toContain('MA28');
  });
});

// The remark names the provider whose identifier is wrong: the billing provider (837P 2010AA;
// 1500 item 33a) N257, the rendering provider (837P 2310B; 1500 item 24J) N290.
// See: X12 RARC N257, N290; Pub. 100-04 ch. 1 §80.3.2 (unprocessable claims, MA130).
describe('provider identifiers', () => {
  it('an invalid rendering NPI is rejected with MA130 + N290, an invalid billing NPI with N257', () => {
    const rendering = decide(raw({ renderingNpi: '1234567890' }));
    expect(rendering.status).toBe('rejected');
    expect(rendering.claimRemarks).toEqual(['MA130', 'N290']);
    // Returned as unprocessable: CO-16 on the whole charge at claim level, no line adjudicated.
    // See: Pub. 100-04 ch. 1 §80.3.2.
    expect(rendering.claimAdjustments).toEqual([{ group: 'CO', carc: '16', amount: 15000 }]);
    expect(rendering.lines).toEqual([]);
    const billing = decide(raw({ npi: '1234567890' }));
    expect(billing.claimRemarks).toEqual(['MA130', 'N257']);
    expect(decide(raw({ renderingNpi: '1234567893' })).status).not.toBe('rejected');
  });
});
