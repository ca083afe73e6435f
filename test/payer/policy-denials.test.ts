/**
 * Every payer denial explains its rule, and the payer enforces the global surgery package the
 * way the scrubber flags it: inside a claim and across the member's earlier claims.
 * See: CMS Pub. 100-04 ch. 12 §40.1 (global surgical package), §40.2 (modifiers 24, 25, 57),
 * §40.4 (postoperative visits: CO-97 with M144); RARC M144, N823; issue 10.
 */
import { describe, expect, it } from 'vitest';
import { run as adjudicateCli } from '../../src/cli/commands/adjudicate';
import type { Io } from '../../src/cli/io';
import type { Claim } from '../../src/domain/claim/claim';
import type { PayerPolicy } from '../../src/domain/edits/policy-types';
import { indicatorsFrom, scrub } from '../../src/domain/edits/index';
import { starterCatalog } from '../../src/codesets/starter';
import { claim, fees, line, run } from './helpers';
import { curatedNcci } from '../../src/codesets/ncci/curated';
import { basePatient, claimInput } from '../factories';

const ncci = curatedNcci();

const catalog = starterCatalog();

function fakeIo(stdin: string) {
  const out: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: () => {}, readStdin: async () => stdin };
  return { io, out };
}

type RemitJson = {
  claimId: string;
  status: string;
  findings: { id: string; line: number | null; reference: string }[];
  lines: { adjustments: { group: string; carc: string }[]; remarks: string[] }[];
};

const raw = (id: string, date: string, lines: unknown[]) =>
  claimInput({
    claimId: id,
    patient: { ...basePatient(), sex: 'M', birthDate: '1950-02-03' },
    serviceDate: date,
    submissionDate: date,
    diagnoses: ['M17.11', 'J06.9'],
    lines,
  });

async function adjudicateAll(claims: unknown[]): Promise<RemitJson[]> {
  const f = fakeIo(claims.map((c) => JSON.stringify(c)).join('\n'));
  await adjudicateCli(['-'], f.io);
  return f.out.map((l) => JSON.parse(l) as RemitJson);
}

describe('global surgery at the payer', () => {
  it("a visit in an earlier claim's postoperative period without 24: CO-97 + M144 (not CO-4); with 24 it is paid", async () => {
    const surgery = raw('S1', '2026-03-02', [
      { code: '17000', units: 1, dxPointers: [1], charge: '120.00' },
    ]);
    const visit = (id: string, mods: string[], date = '2026-03-08') =>
      raw(id, date, [
        { code: '99213', modifiers: mods, units: 1, dxPointers: [1], charge: '150.00' },
      ]);
    const [, noMod, with24] = await adjudicateAll([
      surgery,
      visit('V1', []),
      {
        ...visit('V2', ['24'], '2026-03-09'),
        diagnoses: ['J06.9'],
        lines: [{ code: '99213', modifiers: ['24'], units: 1, dxPointers: [1], charge: '150.00' }],
      },
    ]);
    expect(noMod!.lines[0]!.adjustments).toContainEqual(
      expect.objectContaining({ group: 'CO', carc: '97' }),
    );
    expect(noMod!.lines[0]!.remarks).toContain('M144');
    expect(noMod!.lines[0]!.adjustments.some((a) => a.carc === '4')).toBe(false);
    expect(with24!.lines[0]!.adjustments.some((a) => a.carc === '97')).toBe(false);
  });
});

// A procedure in an earlier surgery's postoperative period is part of its package unless it is
// unrelated (79), staged or more extensive (58), or a return to the operating room (78).
// See: Pub. 100-04 ch. 12 §40.2.A; global-surgery-rules.ts 'postop-procedure'.
describe('a procedure in the postoperative period of an earlier surgery', () => {
  it('without 58/78/79: CO-97 + M144 at the payer; with 79 it is paid', async () => {
    const first = raw('P1', '2026-03-02', [
      { code: '11402', units: 1, dxPointers: [1], charge: '200.00' },
    ]);
    const later = (id: string, mods: string[]) =>
      raw(id, '2026-03-06', [
        { code: '11403', modifiers: mods, units: 1, dxPointers: [2], charge: '220.00' },
      ]);
    const [, bare, with79] = await adjudicateAll([first, later('P2', []), later('P3', ['79'])]);
    expect(bare!.lines[0]!.adjustments).toContainEqual(
      expect.objectContaining({ group: 'CO', carc: '97' }),
    );
    expect(bare!.lines[0]!.remarks).toContain('M144');
    expect(bare!.findings.find((f) => f.id === 'modifier.missing')?.reference).toMatch(/§40\.2\.A/);
    expect(with79!.lines[0]!.adjustments.some((a) => a.carc === '97')).toBe(false);
  });
});

describe('a commercial modifier-25 policy denial explains itself', () => {
  it('CO-4 with N823 and a payer.modifier-policy finding that names the plan policy', () => {
    const c = claim([line('99213', '120.00', { modifiers: ['25'] }), line('20610', '200.00')], {
      payerId: 'commercial-ppo',
      serviceDate: '2026-03-02',
      submissionDate: '2026-03-02',
    });
    const { r } = run(c);
    expect(r.lines[0]!.adjustments).toContainEqual(
      expect.objectContaining({ group: 'CO', carc: '4' }),
    );
    expect(r.lines[0]!.remarks).toContain('N823');
    const f = r.findings.find((x) => x.id === 'payer.modifier-policy');
    expect(f?.line).toBe(1);
    expect(f?.reference).toContain('ClaimLab plan provider manual');
    expect(f?.message).toContain('modifier 25');
  });
});

describe('PC/TC indicators govern 26 and TC; bilateral is one unit', () => {
  // 93000 (ECG, global test only): PC/TC indicator 4 in RVU25D (its PC is 93010, its TC 93005).
  // See: CMS RVU file read-me, PC/TC indicator 4; Pub. 100-04 ch. 12 §40.7.B.
  const rvu = indicatorsFrom(fees)!;
  const indicators = (code: string) => (code === '93000' ? { pctc: '4' } : rvu(code));
  const edits = (c: Claim, policy: PayerPolicy) => scrub(c, { catalog, ncci, policy, indicators });

  it('a global-test-only code with 26 is modifier.invalid and denied CO-4', () => {
    const c = claim([line('93000', '60.00', { modifiers: ['26'] })]);
    const { r } = run(c, { edits });
    const f = r.findings.find(
      (x) => x.id === 'modifier.invalid' && x.reference.includes('PC/TC indicator 4'),
    );
    expect(f?.message).toContain('global test only');
    expect(r.lines[0]!.adjustments).toContainEqual(
      expect.objectContaining({ group: 'CO', carc: '4' }),
    );
    // Without 26 the global test is paid.
    expect(run(claim([line('93000', '60.00')]), { edits }).r.status).toBe('paid');
  });

  it('modifier 50 with 2 units is flagged', () => {
    const f = scrub(claim([line('20610', '200.00', { modifiers: ['50'], units: 2 })]), {
      catalog,
      ncci,
    }).filter((x) => x.id === 'modifier.invalid');
    expect(f.map((x) => x.field)).toContain('lines[0].units');
  });
});
