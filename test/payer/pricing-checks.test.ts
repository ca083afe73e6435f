/**
 * The scrub's prediction of pricing denials (src/domain/payer/pricing-checks.ts), held to what
 * `adjudicate` does with the same fees: an assistant at surgery where ASST SURG 1 bars one
 * (CO-54), an assistant where ASST SURG 0 needs documentation and none is sent (CO-252 + N706),
 * and the same claim with a PWK attachment sent (paid, no finding).
 * See: CMS PFS Relative Value File read-me (ASST SURG 0/1/2/9, CO SURG 0/1/2/9); Pub. 100-04
 * ch. 12 §20.4.3 and §40.8; issue 10 "The scrubber and the payer agree".
 */
import { describe, expect, it } from 'vitest';
import { mpfsTables } from '../../src/codesets/mpfs/bundle';
import type { FeeSources, RvuEntry } from '../../src/domain/payer/pricing/fees';
import { withPayerChecks } from '../../src/domain/payer/checks';
import { claim, line, payer, run } from './helpers';

const rvu = (code: string, more: Partial<RvuEntry>): RvuEntry => ({
  code,
  modifier: '',
  status: 'A',
  work: 1000,
  peNonFacility: 500,
  peFacility: 500,
  mp: 100,
  pctc: '0',
  globalDays: '090',
  mult: '2',
  bilat: '0',
  endoBase: '',
  asstSurg: '2',
  coSurg: '0',
  teamSurg: '0',
  ...more,
});
const fees: FeeSources = {
  mpfs: mpfsTables({
    year: 2025,
    source: 'synthetic MPFS (test)',
    conversionFactor: 1_000_000,
    rvus: [
      rvu('43239', { asstSurg: '1' }), // assistant never payable
      rvu('47562', { asstSurg: '0', coSurg: '1' }), // payable with documentation
      rvu('99213', { globalDays: 'XXX', asstSurg: '9' }), // an office visit (status A)
      rvu('94760', { status: 'T', globalDays: 'XXX', asstSurg: '9' }), // pulse oximetry (status T)
    ],
    gpcis: [{ key: '10112-00', state: 'AL', name: 'TEST', work: 1000, pe: 1000, mp: 1000 }],
  }),
};
const medicare = payer('medicare');

function both(code: string, mods: string[], attachments?: unknown) {
  const c = claim([line(code, '500.00', { modifiers: mods })], {
    payerId: 'medicare',
    ...(attachments ? { attachments } : {}),
  } as never);
  const scrub = withPayerChecks(c, [], medicare, undefined, fees).filter((f) => f.line === 1);
  const { j } = run(c, { fees });
  return { scrub, adj: j.lines[0]!.adjustments.map((a) => `${a.group}-${a.carc}`) };
}

describe('pricing denials: check predicts what adjudicate prices', () => {
  it('ASST SURG 1: an assistant (80) is not payable, CO-54, and the scrub says modifier.invalid', () => {
    const { scrub, adj } = both('43239', ['80']);
    expect(adj).toContain('CO-54');
    expect(scrub.map((f) => [f.id, f.severity])).toEqual([['modifier.invalid', 'error']]);
  });

  it('ASST SURG 0 / CO SURG 1 without documentation sent: CO-252, and the scrub asks for the PWK', () => {
    for (const m of ['80', '62']) {
      const { scrub, adj } = both('47562', [m]);
      expect(adj).toContain('CO-252');
      expect(scrub.map((f) => [f.id, f.severity])).toEqual([['claim.missing-field', 'error']]);
      expect(scrub[0]!.reference).toContain('N706');
    }
  });

  it('with the operative report sent (PWK by mail), paid and no finding', () => {
    const { scrub, adj } = both(
      '47562',
      ['80'],
      [{ type: 'OB', transmission: 'BM', controlNumber: 'OP1' }],
    );
    expect(adj).not.toContain('CO-252');
    expect(scrub).toEqual([]);
  });
});

/**
 * PFS status T: "paid only if there are no other services payable under the physician fee
 * schedule billed on the same date by the same provider" (CMS PFS Relative Value File read-me,
 * status code T); adjudicate bundles it CO-97 + M15, and the scrub warns before the claim goes.
 */
describe('status T: check predicts the same-day bundling adjudicate applies', () => {
  const visitAndOximetry = (oxDate?: string) =>
    claim(
      [line('99213', '120.00'), line('94760', '25.00', oxDate ? { serviceDate: oxDate } : {})],
      { payerId: 'medicare' },
    );
  const scrubOf = (c: ReturnType<typeof claim>) =>
    withPayerChecks(c, [], medicare, undefined, fees).filter((f) => f.line === 2);
  const adjOf = (c: ReturnType<typeof claim>) =>
    run(c, { fees }).j.lines[1]!.adjustments.map((a) => `${a.group}-${a.carc}`);

  it('94760 beside an office visit on the same date: bundled CO-97 + M15, and the scrub warns', () => {
    const c = visitAndOximetry();
    const { j } = run(c, { fees });
    expect(adjOf(c)).toContain('CO-97');
    expect(j.lines[1]!.remarks).toContain('M15');
    const f = scrubOf(c);
    expect(f.map((x) => [x.id, x.severity])).toEqual([['pricing.status-t-bundled', 'warning']]);
    expect(f[0]!.codes).toEqual(['94760', '99213']);
    expect(f[0]!.reference).toMatch(/status indicator T/);
    expect(f[0]!.reference).toContain('M15');
  });

  it('94760 on another date than the visit (line date): paid, no finding', () => {
    const c = visitAndOximetry('2026-03-03');
    expect(adjOf(c)).not.toContain('CO-97');
    expect(scrubOf(c)).toEqual([]);
  });

  it('94760 billed alone: paid, no finding', () => {
    const c = claim([line('94760', '25.00')], { payerId: 'medicare' });
    expect(run(c, { fees }).j.lines[0]!.adjustments.map((a) => a.carc)).not.toContain('97');
    expect(withPayerChecks(c, [], medicare, undefined, fees)).toEqual([]);
  });

  it('a commercial payer: no status T finding (a Medicare PFS rule)', () => {
    const c = claim([line('99213', '120.00'), line('94760', '25.00')], {
      payerId: 'commercial-ppo',
    });
    const fs = withPayerChecks(c, [], payer('commercial-ppo'), undefined, fees);
    expect(fs.filter((f) => f.id === 'pricing.status-t-bundled')).toEqual([]);
  });
});
