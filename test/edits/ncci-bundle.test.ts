/**
 * The NCCI bundle (issue 10: "Use the rest: MUEs and add-on edits from the 2026 files"): CMS
 * NCCI files under <reference>/ncci/<folder>/ are built into codesets/build/ncci-<folder>.json.gz
 * and laid over the curated edits by default, in `check`, `adjudicate` and `pack validate`
 * (before, only `check --ncci <dir>` used them). Each edit keeps its effective date: the 2026
 * practitioner MUEs (effective 2026-04-01) govern from that day, the curated values before it.
 * See: CMS NCCI MUE and add-on code edit pages; src/codesets/ncci/bundle.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildNcciBundles, loadNcciBundles } from '../../src/codesets/ncci/bundle';
import { curatedNcci } from '../../src/codesets/ncci/curated';
import { run as runCheck } from '../../src/cli/commands/check';
import { captureIo } from '../support/cli-io';
import { checkClaim } from '../../src/domain/edits/index';
import { testCatalog } from './support/catalog';
import { basePatient, claimInput, lineInput } from '../factories';

const MUE = [
  {
    code: '99397',
    mue_value: 0,
    effective_date: '2026-03-31',
    description: '3 Date of Service Edit: Clinical|CMS Policy',
    source_file: 'MCR_MUE_PractitionerServices_Eff_04-01-2026.csv',
  },
  {
    code: '36415',
    mue_value: 2,
    effective_date: '2026-03-31',
    description: '3 Date of Service Edit: Clinical|CMS Policy',
    source_file: 'MCR_MUE_PractitionerServices_Eff_04-01-2026.csv',
  },
];
const AOC = [
  {
    code1: '17003',
    code2: '17000',
    edit_type: 'AOC',
    effective_date: '2013-04-01',
    end_date: '',
    modifier: '1',
  },
];

function refWith(files: Record<string, unknown>): string {
  const ref = mkdtempSync(join(tmpdir(), 'ncci-ref-'));
  mkdirSync(join(ref, 'ncci', 'test-q2'), { recursive: true });
  for (const [n, v] of Object.entries(files))
    writeFileSync(join(ref, 'ncci', 'test-q2', n), JSON.stringify(v));
  return ref;
}

describe('add-on codes whose primaries CMS lists in groups by effective date', () => {
  // CMS's add-on code edit file lists 90836's primaries in groups (office E/M codes since 2013,
  // the 2026 telehealth codes 98000–98015 since 2026-01-01): any group in effect counts.
  const aoc = [
    { code1: '90836', code2: '99214', effective_date: '2013-04-01', end_date: '', modifier: '1' },
    { code1: '90836', code2: '98000', effective_date: '2026-01-01', end_date: '', modifier: '1' },
  ];
  it('an office E/M is the primary of 90836 in 2026 although a newer group lists telehealth codes', () => {
    const out = mkdtempSync(join(tmpdir(), 'ncci-out-'));
    expect(buildNcciBundles(refWith({ 'aoc.json': aoc }), out).ok).toBe(true);
    const r = loadNcciBundles(out);
    if (!r.ok || !r.value) throw new Error('no bundle');
    const ctx = { catalog: testCatalog(), ncci: r.value.ncci, addOns: r.value.addOns };
    const claimOn = (codes: string[]) =>
      claimInput({
        claimId: 'AOC',
        serviceDate: '2026-04-22',
        submissionDate: '2026-04-23',
        patient: { ...basePatient(), birthDate: '1960-05-01', memberId: 'MBI-1' },
        diagnoses: ['F33.1'],
        lines: codes.map((c) => lineInput(c, '100.00', { dxPointers: [1] })),
      });
    const ids = (codes: string[]) =>
      checkClaim(claimOn(codes), ctx, 'AOC').findings.map((f) => f.id);
    expect(ids(['99214', '90836'])).not.toContain('code.add-on-without-primary');
    expect(ids(['98000', '90836'])).not.toContain('code.add-on-without-primary');
    expect(ids(['90836'])).toContain('code.add-on-without-primary');
  });
});

describe('NCCI bundles built from the reference folder', () => {
  it('builds one bundle per ncci/<folder> and lays it over the curated edits by date', () => {
    const out = mkdtempSync(join(tmpdir(), 'ncci-out-'));
    const built = buildNcciBundles(refWith({ 'mue.json': MUE, 'aoc.json': AOC }), out);
    expect(built.ok && built.value.map((f) => f.split('/').pop())).toEqual([
      'ncci-test-q2.json.gz',
    ]);
    const r = loadNcciBundles(out);
    if (!r.ok || !r.value) throw new Error('no bundle');
    const after = r.value.ncci.mue('36415', '2026-04-01');
    expect(after?.value).toBe(2);
    expect(after?.source).toMatch(/Eff_04-01-2026/);
    // The day before the quarter, the curated value (and its source) still applies.
    expect(r.value.ncci.mue('36415', '2026-03-31')?.source).toBe(
      curatedNcci().mue('36415', '2026-03-31')?.source,
    );
    expect(r.value.addOns.find((a) => a.addOn === '17003')?.primaries).toEqual(['17000']);
    // MUE 0 (not payable by Medicare at all) is coverage's decision, never a units finding.
    expect(r.value.ncci.mue('99397', '2026-05-01')?.value).toBe(0);
    const f = checkClaim(
      claimInput({
        claimId: 'P',
        serviceDate: '2026-05-01',
        submissionDate: '2026-05-01',
        patient: { ...basePatient(), birthDate: '1950-05-01', memberId: 'MBI-1' },
        diagnoses: ['Z00.00'],
        lines: [lineInput('99397', '200.00', { dxPointers: [1] })],
      }),
      { catalog: testCatalog(), ncci: r.value.ncci },
      'P',
    ).findings;
    expect(f.filter((x) => x.id === 'ncci.mue')).toEqual([]);
  });

  it('no ncci folder: nothing built, and no bundle loads as null (the curated set is used)', () => {
    const ref = mkdtempSync(join(tmpdir(), 'ncci-none-'));
    const out = mkdtempSync(join(tmpdir(), 'ncci-out-'));
    expect(buildNcciBundles(ref, out)).toEqual({ ok: true, value: [] });
    expect(loadNcciBundles(out)).toEqual({ ok: true, value: null });
  });

  it('a broken file in the folder fails the build naming it; a broken bundle fails the load naming it', () => {
    const out = mkdtempSync(join(tmpdir(), 'ncci-out-'));
    const built = buildNcciBundles(refWith({ 'mue.json': [{ code: 'XX', mue_value: 1 }] }), out);
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.errors[0]!.path).toMatch(/mue\.json\[0\]\.code/);
    writeFileSync(join(out, 'ncci-bad.json.gz'), gzipSync('{"format":"other"}'));
    const r = loadNcciBundles(out);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toMatch(/ncci-bad\.json\.gz$/);
  });
});

const official = existsSync('codesets/build/ncci-2026-derived.json.gz');

describe.skipIf(!official)('claimlab check uses the built 2026 MUEs without --ncci', () => {
  if (!official)
    it.skip('needs ../shared/reference/ncci/2026-derived built into codesets/build (npm run -s claimlab -- codesets build)', () => {});
  const claim = (date: string) =>
    JSON.stringify(
      claimInput({
        claimId: `V-${date}`,
        serviceDate: date,
        submissionDate: date,
        patient: { ...basePatient(), birthDate: '1960-05-01', memberId: 'MBI-1' },
        diagnoses: ['E11.9'],
        lines: [
          lineInput('99213', '120.00', { dxPointers: [1] }),
          lineInput('36415', '30.00', { dxPointers: [1], units: 3 }),
        ],
      }),
    );

  it('three venipunctures on one day exceed the MUE of 2 that the CMS April 2026 file gives, and the finding cites that file', async () => {
    const { io, out } = captureIo([claim('2026-04-01')].join('\n'));
    expect(await runCheck(['-'], io)).toBe(0);
    const f = (
      JSON.parse(out[0]!) as { findings: { id: string; message: string; reference: string }[] }
    ).findings.filter((x) => x.id.startsWith('ncci.mue'));
    expect(f).toHaveLength(1);
    expect(`${f[0]!.message} ${f[0]!.reference}`).toMatch(/Eff_04-01-2026/);
  });
});
