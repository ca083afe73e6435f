/**
 * Diagnosis rules on a date of service no loaded ICD-10-CM release covers (FY2024 between FY2023
 * and FY2025, FY2022 between FY2021 and FY2023): the conventions, presumed relationships,
 * sequencing and MCE edits apply the nearest release on hand (the one before the date, whose
 * notes were in force until the change; else the one after), each finding labelled with the
 * release used ("FY2023 tabular, applied to FY2024"), and validity names the gap once.
 * See: issue 10 ("never judge a service silently against another year's file"); ICD-10-CM
 * Official Guidelines FY2026 §I.A.12.a (Excludes1), §I.A.13 (etiology/manifestation: "code first",
 * "use additional code"), §I.A.5 (7th characters), §I.A.15 and §I.C.9.a.2 ("with": hypertensive
 * CKD), §I.C.20 (external cause never first-listed); CMS Definitions of Medicare Code Edits (age
 * and sex conflicts).
 *
 * The official half skips when ../shared/reference is absent: get the files listed in
 * ../shared/reference/README.md and run `npm run -s claimlab -- codesets build`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as lookup } from '../../src/cli/commands/codes-lookup';
import type { Io } from '../../src/cli/io';
import { loadNodeCatalog } from '../../src/codesets/load-node';
import { curatedNcci } from '../../src/codesets/ncci/curated';
import { starterCatalog } from '../../src/codesets/starter';
import type { CodeCatalog, IcdRelease } from '../../src/domain/codes/catalog';
import { checkClaim } from '../../src/domain/edits/index';
import { rulesReleaseFor } from '../../src/domain/edits/validity';
import type { Finding } from '../../src/domain/findings';
import { NPI, basePatient, claimInput } from '../factories';

const REFERENCE = join(__dirname, '../../../shared/reference');
const hasReference = existsSync(REFERENCE);
if (!hasReference)
  console.warn(
    '[edits] ../shared/reference is missing: official gap-year tests skipped. Get the files listed in ../shared/reference/README.md and run `npm run -s claimlab -- codesets build`.',
  );

const FY2024 = '2024-03-01';
const FY2022 = '2022-03-01';

function scrub(
  catalog: CodeCatalog,
  date: string,
  diagnoses: string[],
  sex: 'F' | 'M' = 'F',
): Finding[] {
  const claim = {
    ...claimInput({
      claimId: 'GAP',
      patient: { ...basePatient(), sex, birthDate: '1960-05-01', memberId: 'MBI-1' },
      provider: { npi: NPI, pos: '11' },
    }),
    serviceDate: date,
    submissionDate: date,
    diagnoses,
    lines: [{ code: '99213', units: 1, dxPointers: [1], charge: '120.00' }],
  };
  return checkClaim(claim, { catalog, ncci: curatedNcci() }).findings;
}

const one = (fs: Finding[], id: string) => {
  const hit = fs.filter((f) => f.id === id);
  expect(hit, `${id} in ${JSON.stringify(fs.map((f) => f.id))}`).toHaveLength(1);
  return hit[0]!;
};

/** The release the rules stand on for a gap date, derived from the catalog (not pinned). */
function standIn(catalog: CodeCatalog, date: string): { release: IcdRelease; appliedTo: string } {
  expect(catalog.icd10(date).ok, `a release covers ${date}: not a gap year any more`).toBe(false);
  const r = rulesReleaseFor(catalog, date);
  expect(r?.appliedTo).toBeDefined();
  const before = catalog
    .releases()
    .filter((x) => x.to < date)
    .sort((a, b) => b.to.localeCompare(a.to))[0];
  // The earlier release when there is one (its notes are the ones in force before the change).
  expect(r!.release.id).toBe(before?.id ?? r!.release.id);
  return { release: r!.release, appliedTo: r!.appliedTo! };
}

describe('gap years on the starter catalog (no bundles)', () => {
  const cat = starterCatalog();

  it('rulesReleaseFor stands in the nearest release and names the fiscal year', () => {
    expect(rulesReleaseFor(cat, '2026-03-01')).toEqual({ release: cat.releases()[0] });
    expect(rulesReleaseFor(cat, FY2024)?.appliedTo).toBe('FY2024');
    expect(rulesReleaseFor(cat, '2024-10-01')?.appliedTo).toBe('FY2025');
    expect(rulesReleaseFor(cat, FY2022)?.appliedTo).toBe('FY2022');
    // Before ICD-10-CM (2015-10-01) and bad dates: no stand-in.
    expect(rulesReleaseFor(cat, '2015-09-30')).toBeUndefined();
    expect(rulesReleaseFor(cat, '2024-13-01')).toBeUndefined();
  });

  for (const date of [FY2024, FY2022]) {
    const fy = rulesReleaseFor(cat, date)!.appliedTo!;
    it(`${date}: I12.9 with N18.6 gets the hypertensive CKD combination finding (§I.C.9.a.2), labelled`, () => {
      const f = one(scrub(cat, date, ['I12.9', 'N18.6']), 'icd10cm.combination');
      expect(f.severity).toBe('warning');
      expect(f.reference).toContain(`applied to ${fy}: no release for that year is on hand`);
      expect(f.reference).toContain(cat.releases()[0]!.id);
    });

    it(`${date}: an external cause code first-listed is a sequencing error (§I.C.20), labelled`, () => {
      const f = one(scrub(cat, date, ['W21.89XA', 'S52.501A'], 'M'), 'icd10cm.sequencing');
      expect(f.severity).toBe('error');
      expect(f.codes).toEqual(['W21.89XA']);
      expect(f.reference).toContain(`applied to ${fy}`);
    });

    it(`${date}: the missing release is still reported once and nothing else changes for a clean list`, () => {
      const fs = scrub(cat, date, ['E11.9', 'I10', 'Z79.84']);
      expect(fs.filter((f) => f.field === 'serviceDate').map((f) => f.id)).toEqual([
        'code.invalid',
      ]);
      expect(fs.filter((f) => f.id.startsWith('icd10cm.'))).toEqual([]);
    });
  }

  it('a date the release covers is unchanged: no stand-in label', () => {
    const f = one(scrub(cat, '2026-03-01', ['I12.9', 'N18.6']), 'icd10cm.combination');
    expect(f.reference).not.toContain('applied to');
  });
});

describe.skipIf(!hasReference)('gap years on the official code sets', () => {
  let catalog: CodeCatalog | undefined;
  const official = async () => (catalog ??= await loadNodeCatalog());

  for (const date of [FY2024, FY2022]) {
    it(`${date}: E10.9 with E11.9 is an Excludes1 pair (§I.A.12.a) on the nearest release's notes`, async () => {
      const cat = await official();
      const { release, appliedTo } = standIn(cat, date);
      const notes = release.notesRelease ?? release.id;
      const fs = scrub(cat, date, ['E10.9', 'E11.9']);
      const ex = one(fs, 'icd10cm.excludes1');
      expect(ex.severity).toBe('warning');
      expect(ex.codes).toEqual(['E10.9', 'E11.9']);
      expect(ex.message).toContain(`(${notes} tabular, applied to ${appliedTo})`);
      expect(ex.reference).toContain(`ICD-10-CM ${release.id} (`);
      expect(ex.reference).toContain(`applied to ${appliedTo}`);
      // "Use additional code" at E11 (§I.A.13, §I.B.7): info, as on a covered date.
      expect(one(fs, 'icd10cm.use-additional').severity).toBe('info');
      // The gap is named once, by validity.
      expect(fs.filter((f) => f.id === 'code.list-gap' && f.field === 'serviceDate')).toHaveLength(
        1,
      );
    });

    it(`${date}: a manifestation code first-listed (H28 before E11.36) breaks "code first" (§I.A.13)`, async () => {
      const cat = await official();
      const { appliedTo } = standIn(cat, date);
      const f = one(scrub(cat, date, ['H28', 'E11.36']), 'icd10cm.code-first');
      expect(f.severity).toBe('error');
      expect(f.message).toContain(`applied to ${appliedTo}`);
      // Listed the right way round, no code-first finding.
      expect(scrub(cat, date, ['E11.36', 'H28']).map((x) => x.id)).not.toContain(
        'icd10cm.code-first',
      );
    });

    it(`${date}: a code short of its 7th character is reported (§I.A.5)`, async () => {
      const cat = await official();
      standIn(cat, date);
      const f = one(scrub(cat, date, ['S52.501']), 'code.seventh-character');
      expect(f.severity).toBe('error');
      expect(f.message).toContain('S52.501A');
    });

    it(`${date}: hypertensive CKD combination (§I.C.9.a.2) and external cause sequencing (§I.C.20)`, async () => {
      const cat = await official();
      const { appliedTo } = standIn(cat, date);
      expect(one(scrub(cat, date, ['I12.9', 'N18.6']), 'icd10cm.combination').reference).toContain(
        `applied to ${appliedTo}`,
      );
      expect(
        one(scrub(cat, date, ['W21.89XA', 'S52.501A'], 'M'), 'icd10cm.sequencing').severity,
      ).toBe('error');
    });

    it(`${date}: MCE age and sex edits apply by the date (before the sex edit's retirement)`, async () => {
      const cat = await official();
      const { appliedTo } = standIn(cat, date);
      const age = one(scrub(cat, date, ['Z00.110']), 'mce.age');
      expect(age.severity).toBe('error');
      expect(age.reference).toContain(`applied to ${appliedTo}`);
      expect(one(scrub(cat, date, ['N40.0'], 'F'), 'mce.sex').severity).toBe('error');
      expect(scrub(cat, date, ['N40.0'], 'M').map((x) => x.id)).not.toContain('mce.sex');
    });
  }

  it('codes lookup --date on a gap year shows the release check applies and names the gap', async () => {
    const cat = await official();
    const { release, appliedTo } = standIn(cat, FY2024);
    const out: string[] = [];
    const io: Io = { out: (l) => out.push(l), err: () => {}, readStdin: async () => '' };
    const BUILD = join(__dirname, '../../codesets/build');
    expect(await lookup(['E10.9', '--date', FY2024, '--dir', BUILD], io)).toBe(0);
    const text = out.join('\n');
    expect(text).toContain(`release: ${release.id} (`);
    expect(text).toContain(`no ICD-10-CM release for ${appliedTo} (the date ${FY2024}) is on hand`);
    // The Excludes1 note `check` applies is the one lookup shows.
    expect(text).toMatch(/excludes1 \[E10, FY\d{4}\]: type 2 diabetes mellitus/);
    const json: string[] = [];
    await lookup(['E10.9', '--date', FY2024, '--dir', BUILD, '--json'], {
      ...io,
      out: (l) => json.push(l),
    });
    expect(JSON.parse(json[0]!).releaseGap).toMatchObject({ appliedTo, release: release.id });
  });

  it('the memo keeps the label apart: the same list on FY2024 and on a covered date', async () => {
    const cat = await official();
    const covered = cat.releases().find((r) => r.from > FY2024)!;
    const date = covered.from;
    const gap = one(scrub(cat, FY2024, ['E10.9', 'E11.9']), 'icd10cm.excludes1');
    const own = one(scrub(cat, date, ['E10.9', 'E11.9']), 'icd10cm.excludes1');
    const again = one(scrub(cat, FY2024, ['E10.9', 'E11.9']), 'icd10cm.excludes1');
    expect(gap.message).toContain('applied to FY2024');
    expect(own.message).not.toContain('applied to FY2024');
    expect(again).toEqual(gap);
  });
});
