/**
 * Tests on the real official files in ../shared/reference (CDC ICD-10-CM FY2017/FY2021/FY2026,
 * CMS HCPCS 2020, POS, MCE). Skipped with a message when that folder is absent: get the files
 * from the publishers listed in codesets/manifest.json and put them in ../shared/reference.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildToFolder } from '../../src/codesets/build-node';
import { loadOfficialCatalog, readManifest } from '../../src/codesets/load-node';
import type { Manifest } from '../../src/codesets/manifest';
import type { OfficialCatalog } from '../../src/codesets/official-catalog';
import type { IcdRelease } from '../../src/domain/codes/catalog';
import { checkSeventh } from '../../src/domain/codes/release/seventh';
import { diffReleases } from '../../src/domain/codes/release/diff';
import { matchesAnyTarget } from '../../src/domain/codes/release/targets';

const REFERENCE = resolve(__dirname, '../../../shared/reference');
const present = existsSync(REFERENCE);
if (!present)
  console.warn(
    `test/codesets/reference.test.ts skipped: ${REFERENCE} not found. Get the official files listed in codesets/manifest.json (CDC ICD-10-CM, CMS HCPCS/POS/MCE) into ../shared/reference to run it.`,
  );

describe.skipIf(!present)('official reference files', () => {
  let dir = resolve(__dirname, '../../codesets/build');
  let manifest: Manifest;
  let cat: OfficialCatalog;
  const at = (date: string): IcdRelease => {
    const r = cat.icd10(date);
    if (!r.ok) throw new Error(r.errors[0]!.message);
    return r.value;
  };

  /** The newest release, up to `id`, whose tabular XML is in the reference folder. */
  const newestTabularBefore = (id: string): string => {
    const years = readdirSync(join(REFERENCE, 'icd10cm'))
      .filter((d) => /^fy\d{4}$/.test(d))
      .filter((d) =>
        readdirSync(join(REFERENCE, 'icd10cm', d)).some((f) => /tabular.*\.xml$/.test(f)),
      )
      .map((d) => `FY${d.slice(2)}`)
      .filter((y) => y <= id)
      .sort();
    return years[years.length - 1]!;
  };

  beforeAll(() => {
    if (!readManifest(dir)) {
      dir = mkdtempSync(join(tmpdir(), 'claimlab-real-'));
      const r = buildToFolder(REFERENCE, dir);
      if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    }
    manifest = readManifest(dir)!;
    cat = loadOfficialCatalog(dir)!;
  });

  it('builds every ICD-10-CM year in the folder with the counts CDC publishes', () => {
    const icd = Object.fromEntries(
      manifest.bundles.flatMap((b) => (b.kind === 'icd10cm' ? [[b.id, b]] : [])),
    );
    // Every release with its own tabular carries its own notes; a release without one (FY2026)
    // borrows the newest earlier tabular the folder holds, whichever that is.
    expect(icd['FY2026']).toMatchObject({
      from: '2025-10-01',
      to: '2026-09-30',
      notesRelease: newestTabularBefore('FY2026'),
      counts: { codes: 98186, billable: 74719 },
    });
    expect(icd['FY2026']!.notesRelease).not.toBe('FY2026');
    expect(icd['FY2021']).toMatchObject({
      notesRelease: 'FY2021',
      counts: { codes: 95358, billable: 72621 },
    });
    // FY2017 has no order file here: its entries come from the tabular (71,486 billable, as CDC lists).
    expect(icd['FY2017']).toMatchObject({
      notesRelease: 'FY2017',
      counts: { codes: 93830, billable: 71486 },
    });
    expect(icd['FY2021']!.counts.excludes1RefsParsed).toBeGreaterThanOrEqual(0.98);
    expect(icd['FY2021']!.counts.notesByKind['excludes1']).toBe(5441);
    expect(icd['FY2021']!.counts.seventhRules).toBe(507);
    expect(icd['FY2026']!.bytes).toBeLessThanOrEqual(2 * 1024 * 1024);
  });

  it('builds HCPCS 2020, place of service and MCE', () => {
    const by = (k: string) => manifest.bundles.find((b) => b.kind === k);
    expect(by('hcpcs')).toMatchObject({ id: '2020', counts: { procedures: 6710, modifiers: 369 } });
    expect(by('pos')?.counts).toEqual({ codes: 52 });
    expect(cat.mce('Z38.00')).toMatchObject({ age: 'newborn' });
    expect(cat.mce('N40.0')).toMatchObject({ age: 'adult', sex: 'M' });
    expect(cat.placeOfService('23')).toMatchObject({ facility: true });
    expect(cat.procedure('G0008', '2020-11-01')).toMatchObject({
      system: 'HCPCS',
      display: 'Administration of influenza virus vaccine',
    });
  });

  it('says which codes are valid and billable on the date of service', () => {
    expect(at('2021-03-01').get('E78.01')).toMatchObject({ billable: true });
    expect(at('2026-03-01').get('E78.01')).toMatchObject({ billable: false });
    expect(at('2026-03-01').children('E78.01')).toEqual(['E78010', 'E78011', 'E78019']);
    expect(at('2026-03-01').get('E11.A')?.billable).toBe(true);
    expect(at('2021-03-01').get('E11.A')).toBeUndefined();
    expect(at('2017-03-01').id).toBe('FY2017');
    const gap = cat.icd10('2019-06-01');
    expect(!gap.ok && gap.errors[0]!.message).toMatch(
      /no loaded ICD-10-CM release covers 2019-06-01/,
    );
  });

  it('checks 7th characters and the placeholder X on real codes', () => {
    const r = at('2026-03-01');
    expect(checkSeventh(r, 'W21.89A')).toMatchObject({
      kind: 'placeholder-missing',
      suggestion: 'W21.89XA',
    });
    expect(checkSeventh(r, 'W21.89XA')).toMatchObject({ kind: 'ok', meaning: 'initial encounter' });
    expect(checkSeventh(r, 'S52.521')).toMatchObject({ kind: 'missing' });
    expect(checkSeventh(r, 'S06.307D')).toMatchObject({
      kind: 'invalid-character',
      allowed: ['A'],
    });
    expect(checkSeventh(r, 'T38.3X5A')).toMatchObject({ kind: 'ok' });
    expect(r.seventh('S72.001A')).toMatchObject({
      definedAt: 'S72',
      source: newestTabularBefore('FY2026'),
    });
    expect(Object.keys(r.seventh('S72.001A')!.characters)).toHaveLength(16);
  });

  it('carries the newest tabular notes into FY2026 with their source year and parsed targets', () => {
    const notes = at('2026-03-01').notes('E11.9');
    const e1 = notes.filter((n) => n.kind === 'excludes1');
    // The targets of each Excludes1 note E11.9 inherits in the newest tabular (E11's list).
    expect(e1.map((n) => (n.targets ?? []).map((t) => t.from).join('|'))).toEqual([
      'E08',
      'E09',
      'O244',
      'P702',
      'E13',
      'E13',
      'E13',
      'E10',
      'P70',
    ]);
    expect(e1.every((n) => n.source === newestTabularBefore('FY2026'))).toBe(true);
    expect(e1.some((n) => matchesAnyTarget('E10.9', n.targets))).toBe(true);
    expect(
      at('2026-03-01')
        .notes('G30.9')
        .some((n) => n.kind === 'useAdditionalCode'),
    ).toBe(true);
  });

  it('diffs FY2021 to FY2026', () => {
    const d = diffReleases(at('2021-03-01'), at('2026-03-01'));
    expect(d.nowHeader.map((h) => h.code)).toContain('E7801');
    expect(d.added.map((e) => e.code)).toContain('E11A');
    expect(d.added.length).toBeGreaterThan(1000);
  });

  it('loads FY2026 quickly (printed, not asserted: timing depends on the machine)', () => {
    const t0 = performance.now();
    const c = loadOfficialCatalog(dir)!;
    const r = c.icd10('2026-01-01');
    const t1 = performance.now();
    let n = 0;
    if (r.ok) for (const e of r.value.entries()) n += e.billable ? 1 : 0;
    console.log(
      `FY2026 load ${(t1 - t0).toFixed(0)} ms, iterate ${(performance.now() - t1).toFixed(0)} ms, ${n} billable`,
    );
    expect(n).toBe(74719);
  });
});
